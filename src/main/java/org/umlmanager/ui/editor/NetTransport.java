package org.umlmanager.ui.editor;

import static org.umlmanager.ui.editor.OptionSpec.file;
import static org.umlmanager.ui.editor.OptionSpec.mac;
import static org.umlmanager.ui.editor.OptionSpec.number;
import static org.umlmanager.ui.editor.OptionSpec.text;
import static org.umlmanager.ui.editor.OptionSpec.toggle;

import java.util.List;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.NetworkInterface;
import org.umlmanager.model.VectorInterface;

/** The transports the Network page offers, each with only its own options. */
public enum NetTransport {
    VEC_TAP(true, "tap", "host tap device", List.of(text("ifname", "Host interface", "tap0; empty creates one"))),
    VEC_HYBRID(true, "hybrid", "tap out, raw socket in", List.of(text("ifname", "Host interface", "required"))),
    VEC_RAW(true, "raw", "raw socket on a host interface", List.of(text("ifname", "Host interface",
            "required, e.g. one end of a veth pair"))),
    VEC_GRE(true, "gre", "Ethernet over GRE", List.of(text("src", "Local address", "host address"),
            text("dst", "Remote address", "peer address"), toggle("v6", "IPv6", ""),
            number("rx_key", "Receive key", 0, 0xFFFFFFFFL, "give both keys or none"),
            number("tx_key", "Transmit key", 0, 0xFFFFFFFFL, "give both keys or none"),
            toggle("sequence", "Sequence numbers", ""), toggle("pin_sequence", "Pin sequence", ""))),
    VEC_L2TPV3(true, "l2tpv3", "Ethernet over L2TPv3", List.of(text("src", "Local address", "host address"),
            text("dst", "Remote address", "peer address"),
            number("srcport", "Local UDP port", 0, 65535, "with UDP encapsulation"),
            number("dstport", "Remote UDP port", 0, 65535, "with UDP encapsulation"),
            toggle("v6", "IPv6", ""), toggle("udp", "UDP encapsulation", ""),
            number("rx_session", "Receive session", 1, 0x7FFFFFFFL, "required"),
            number("tx_session", "Transmit session", 1, 0x7FFFFFFFL, "required"),
            number("rx_cookie", "Receive cookie", 0, Long.MAX_VALUE, "give both cookies or none"),
            number("tx_cookie", "Transmit cookie", 0, Long.MAX_VALUE, "give both cookies or none"),
            toggle("cookie64", "64-bit cookies", ""), toggle("counter", "Counter", ""),
            toggle("pin_counter", "Pin counter", ""))),
    VEC_BESS(true, "bess", "BESS switch port", List.of(file("src", "Local socket", "AF_UNIX path"),
            file("dst", "Switch socket", "required AF_UNIX path"))),
    VEC_FD(true, "fd", "inherited file descriptor", List.of(number("fd", "File descriptor", 0, 65535, "required"))),
    VEC_VDE(true, "vde", "VDE network (Linux 6.16 and newer)", List.of(text("vnl", "Locator",
            "required, e.g. vde:///path/to/switch"))),
    NETWORK(false, NetworkAttachment.TRANSPORT, "a saved network (NAT, switch or host device)", List.of(
            text("network", "Network", "default, or a saved network's name"), mac(),
            text("address", "Static address", "e.g. 10.0.2.20/24 in guests UML Manager made; empty: DHCP on NAT"))),
    TUNTAP(false, "tuntap", "host tun/tap device", List.of(text("devName", "Host device", "tap0; empty uses the helper"),
            mac(), text("gateAddr", "Gateway address", "host side address"))),
    ETHERTAP(false, "ethertap", "obsolete ethertap device", List.of(text("devName", "Host device", "tap0"), mac(),
            text("gateAddr", "Gateway address", "host side address"))),
    DAEMON(false, "daemon", "uml_switch", List.of(mac(), text("sockType", "Socket type", "unix"),
            file("ctlSock", "Control socket", "default /var/run/uml-utilities/uml_switch.ctl"))),
    MCAST(false, "mcast", "multicast virtual LAN", List.of(mac(), text("addr", "Group address", "239.192.168.1"),
            number("port", "Port", 1, 65535, "1102"), number("ttl", "TTL", 0, 255, "1"))),
    UCAST(false, "ucast", "point-to-point UDP", List.of(mac(), text("remoteAddr", "Remote address", "peer host"),
            number("localPort", "Local port", 1, 65535, ""), number("remotePort", "Remote port", 1, 65535, ""))),
    VDE(false, "vde", "VDE switch", List.of(file("socket", "Switch socket", "VDE control directory"), mac(),
            number("port", "Switch port", 0, 65535, ""), text("group", "Group", ""),
            text("mode", "Mode", "octal, e.g. 0700"), text("description", "Description", ""))),
    SLIRP(false, "slirp", "user-space NAT (slirp)", List.of(mac(),
            text("argv", "Slirp command", "the helper and its arguments, separated by spaces"))),
    SLIP(false, "slip", "SLIP link", List.of(text("gateAddr", "Gateway address", "host side address"))),
    PCAP(false, "pcap", "packet capture (not in Debian's kernel)", List.of(text("hostIf", "Host interface", ""),
            text("filter", "Filter", ""), text("options", "Options", "promisc, optimize"), mac()));

    /** Options every vector transport accepts. */
    public static final List<OptionSpec> VECTOR_COMMON = List.of(
            mac(),
            number("mtu", "MTU", 576, 65534, "kernel default 1500"),
            number("depth", "Queue depth", 1, 65535, "packets per system call, default 64"),
            number("headroom", "Headroom", 0, 65535, "extra buffer bytes"),
            toggle("gro", "GRO/TSO offloads", "must match the host side"),
            toggle("vec", "Multi-packet I/O", "off falls back to one packet per call"),
            file("bpffile", "BPF filter file", "classic BPF program"),
            toggle("bpfflash", "Allow guest BPF loading", "lets the guest load code into the host kernel"),
            file("ifup", "ifup script", "host script run when the interface comes up"));

    private final boolean vector;
    private final String transportName;
    private final String description;
    private final List<OptionSpec> options;

    NetTransport(boolean vector, String transportName, String description, List<OptionSpec> options) {
        this.vector = vector;
        this.transportName = transportName;
        this.description = description;
        this.options = options;
    }

    public boolean vector() {
        return vector;
    }

    /** The name on the command line. */
    public String transportName() {
        return transportName;
    }

    /** This transport's own options, without the vector ones shared by all. */
    public List<OptionSpec> options() {
        return options;
    }

    /** {@code vec}/{@code eth}: the device prefix of interfaces using this transport. */
    public String devicePrefix() {
        return vector ? "vec" : "eth";
    }

    public static NetTransport of(NetworkInterface nic) {
        for (NetTransport candidate : values()) {
            if (candidate.vector == nic instanceof VectorInterface
                    && candidate.transportName.equals(nic.transportName())) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown transport " + nic.transportName());
    }

    @Override
    public String toString() {
        return (vector ? "vec · " : "eth · ") + transportName + " — " + description;
    }
}
