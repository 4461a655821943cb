package org.umlmanager.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved network that guests' interfaces connect to by name ({@link NetworkAttachment}). Three
 * kinds: {@link Nat} (a private LAN with a user-space NAT router to the outside and to the host),
 * {@link Switch} (a private LAN between guests only) and {@link HostDevice} (a host transport that
 * already exists, such as a tap device set up by root). Nothing here is validated beyond the types;
 * {@code network.NetworkChecks} says what is wrong with one.
 */
public sealed interface Network permits Network.Nat, Network.Switch, Network.HostDevice {

    /** The name of the network that exists without any set-up. */
    String DEFAULT_NAME = "default";
    /** The subnet of {@code default}, as QEMU's and libslirp's user networking have it. */
    Subnet DEFAULT_SUBNET = Subnet.of("10.0.2.0/24");

    /** Unique ignoring case; also the file name. */
    String name();

    /** {@code nat}, {@code switch} or {@code host-device}: the file format's and the CLI's word. */
    String kindName();

    /** The same network under another name. */
    Network withName(String name);

    /** The built-in NAT network {@code default}: 10.0.2.0/24, the host at 10.0.2.2, DNS at 10.0.2.3. */
    static Nat builtInDefault() {
        return Nat.withDefaults(DEFAULT_NAME, DEFAULT_SUBNET);
    }

    /**
     * A LAN whose router is a user-space NAT (libslirp): guests reach the outside and the host's
     * own loopback services through {@code gateway}, ask {@code dns} for names, get addresses by DHCP
     * from {@code dhcpStart} on ({@link #DHCP_ADDRESSES} of them), and host ports listed in
     * {@code forwards} reach guests' ports.
     */
    record Nat(String name, Subnet subnet, Ipv4Address gateway, Ipv4Address dns, Ipv4Address dhcpStart,
               List<PortForward> forwards) implements Network {

        /** libslirp's DHCP server hands out this many addresses, from the start address on. */
        public static final int DHCP_ADDRESSES = 16;

        public Nat {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(subnet, "subnet");
            Objects.requireNonNull(gateway, "gateway");
            Objects.requireNonNull(dns, "dns");
            Objects.requireNonNull(dhcpStart, "dhcpStart");
            forwards = List.copyOf(forwards);
        }

        /** Host .2 as gateway, .3 for DNS, DHCP from .15: libslirp's (and QEMU's) layout in any subnet. */
        public static Nat withDefaults(String name, Subnet subnet) {
            return new Nat(name, subnet, subnet.network().plus(2), subnet.network().plus(3),
                    subnet.network().plus(15), List.of());
        }

        /** The last address DHCP hands out. */
        public Ipv4Address dhcpEnd() {
            return dhcpStart.plus(DHCP_ADDRESSES - 1);
        }

        public Nat withForwards(List<PortForward> v) {
            return new Nat(name, subnet, gateway, dns, dhcpStart, v);
        }

        @Override
        public String kindName() {
            return "nat";
        }

        @Override
        public Nat withName(String newName) {
            return new Nat(newName, subnet, gateway, dns, dhcpStart, forwards);
        }
    }

    /**
     * A LAN between the guests on it and nothing else. {@code hub} sends every frame to every
     * port (so each guest sees all traffic) instead of learning where addresses are.
     */
    record Switch(String name, boolean hub) implements Network {
        public Switch {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String kindName() {
            return "switch";
        }

        @Override
        public Switch withName(String newName) {
            return new Switch(newName, hub);
        }
    }

    /**
     * A host transport that needs privileges to set up (a tap device, a raw socket on a veth end,
     * a tunnel): interfaces on it become {@code vecN:transport=…} with these settings.
     */
    record HostDevice(String name, VectorTransport transport) implements Network {
        public HostDevice {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(transport, "transport");
        }

        @Override
        public String kindName() {
            return "host-device";
        }

        @Override
        public HostDevice withName(String newName) {
            return new HostDevice(newName, transport);
        }
    }

    /** The subnet a network's addresses come from, if it has one of its own. */
    default Optional<Subnet> ownSubnet() {
        return this instanceof Nat nat ? Optional.of(nat.subnet()) : Optional.empty();
    }
}
