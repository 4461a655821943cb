package org.umlmanager.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.umlmanager.model.MemorySize;
import org.umlmanager.provision.RootfsSource;

/**
 * A base image lab devices boot from, each through a copy-on-write file of its own (the Netkit
 * model): made once, then shared by every lab. Two kinds: Debian with what lab startup files use
 * (iproute2, net-tools, iputils-ping, traceroute, tcpdump, FRR), and busybox for tiny labs (its
 * {@code ip}, {@code ifconfig}, {@code route}, {@code ping}, {@code traceroute}).
 *
 * @param id     the image's file name without {@code .img}: {@code busybox-h1}, {@code debian-bookworm-h1}
 *               (the suffix is the boot hook's {@link BootHook#VERSION})
 * @param source how the image is made
 * @param memory what a device on it gets when lab.conf gives no {@code mem}
 */
public record LabBase(String id, RootfsSource source, MemorySize memory) {

    /** What Debian lab bases hold besides minbase: the tools Kathará's images give startup files. */
    public static final List<String> DEBIAN_PACKAGES = List.of("iproute2", "net-tools", "iputils-ping", "traceroute",
            "tcpdump", "frr", "procps", "iptables");

    public LabBase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(memory, "memory");
    }

    public static LabBase busybox() {
        return new LabBase("busybox-h" + BootHook.VERSION, new RootfsSource.Busybox(), MemorySize.ofMebibytes(64));
    }

    public static LabBase debian(String suite) {
        return new LabBase("debian-" + suite + "-h" + BootHook.VERSION, RootfsSource.Debian.of(suite)
                .withPackages(DEBIAN_PACKAGES),
                MemorySize.ofMebibytes(256));
    }

    /** The default base: Debian of the host's release (bookworm elsewhere). */
    public static LabBase defaultBase() {
        return debian(RootfsSource.Debian.defaultSuite());
    }

    /**
     * {@code busybox}, {@code debian} or {@code debian:SUITE}, as {@code lab import --rootfs} takes it.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static LabBase parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        if (s.equals("busybox")) {
            return busybox();
        }
        if (s.equals("debian")) {
            return defaultBase();
        }
        if (s.startsWith("debian:")) {
            RootfsSource.Debian.of(s.substring(7));
            return debian(s.substring(7));
        }
        throw new IllegalArgumentException("'" + s + "' is not a lab base; use busybox (tiny, boots in seconds),"
                + " debian (with iproute2, net-tools, tcpdump, FRR …) or debian:SUITE");
    }

    /** The text {@link #parse} reads back. */
    public String describe() {
        return source instanceof RootfsSource.Debian d ? "debian:" + d.suite() : "busybox";
    }

    /** Where the image lives among the bases. */
    public Path image(Path basesDir) {
        return basesDir.resolve(id + ".img");
    }

    /**
     * The base a lab.conf {@code image} stands for, by the table in the README: Kathará's images and
     * Debian or Ubuntu ones are the Debian base; busybox and Alpine ones the busybox base. A registry
     * host and a tag ({@code docker.io/kathara/frr:latest}) do not matter. Empty for an image the
     * table does not know.
     */
    public static Optional<LabBase> forImage(String image, LabBase debian) {
        String name = image.strip().toLowerCase(Locale.ROOT);
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            name = name.substring(0, colon);
        }
        String[] parts = name.split("/");
        if (parts.length > 2 && (parts[0].contains(".") || parts[0].contains(":"))) {
            name = String.join("/", List.of(parts).subList(1, parts.length));
        }
        name = name.startsWith("library/") ? name.substring(8) : name;
        return switch (name) {
            case "kathara/base", "kathara/frr", "kathara/quagga", "kathara/bird", "kathara/bind", "kathara/netkit_base",
                 "debian", "ubuntu", "frrouting/frr", "netkit" -> Optional.of(debian);
            case "busybox", "alpine", "kathara/alpine" -> Optional.of(busybox());
            default -> Optional.empty();
        };
    }
}
