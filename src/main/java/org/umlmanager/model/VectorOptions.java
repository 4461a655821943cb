package org.umlmanager.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The options every vector transport accepts. Empty means "not given": the kernel default applies.
 *
 * @param depth    packets per vector I/O system call (kernel default 64)
 * @param mac      the MAC address, {@code xx:xx:xx:xx:xx:xx}
 * @param gro      GRO/TSO offloads on or off; must match the host side
 * @param mtu      576–65534 (kernel default 1500)
 * @param headroom extra buffer headroom in bytes
 * @param vec      {@code false} falls back to one packet per system call
 * @param bpffile  a classic BPF program loaded as a socket filter
 * @param bpfflash allow the guest to load BPF code into the host kernel (a security risk)
 * @param ifup     a host script run with the interface name when it comes up
 * @param extra    options this version does not know, kept in order so nothing the user wrote is lost
 */
public record VectorOptions(OptionalInt depth, Optional<String> mac, Optional<Boolean> gro, OptionalInt mtu,
                            OptionalInt headroom, Optional<Boolean> vec, Optional<String> bpffile,
                            Optional<Boolean> bpfflash, Optional<String> ifup, Map<String, String> extra) {

    public static final VectorOptions NONE = new VectorOptions(OptionalInt.empty(), Optional.empty(),
            Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Map.of());

    public VectorOptions {
        Objects.requireNonNull(depth);
        Objects.requireNonNull(mac);
        Objects.requireNonNull(gro);
        Objects.requireNonNull(mtu);
        Objects.requireNonNull(headroom);
        Objects.requireNonNull(vec);
        Objects.requireNonNull(bpffile);
        Objects.requireNonNull(bpfflash);
        Objects.requireNonNull(ifup);
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public VectorOptions withMac(Optional<String> newMac) {
        return new VectorOptions(depth, newMac, gro, mtu, headroom, vec, bpffile, bpfflash, ifup, extra);
    }
}
