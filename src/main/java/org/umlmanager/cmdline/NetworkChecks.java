package org.umlmanager.cmdline;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.umlmanager.model.Instance;
import org.umlmanager.model.LegacyInterface;
import org.umlmanager.model.LegacyTransport;
import org.umlmanager.model.Names;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.NetworkInterface;
import org.umlmanager.model.Subnet;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.model.VectorOptions;
import org.umlmanager.model.VectorTransport;

/** The network interfaces' part of {@link Validator}. */
final class NetworkChecks {

    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2}){5}");
    private static final int MIN_MTU = 576;
    private static final int MAX_MTU = 65534;
    private static final Set<String> COMMON_KEYS = Set.of("depth", "mac", "gro", "mtu", "headroom", "vec", "bpffile",
            "bpfflash", "ifup");
    private NetworkChecks() {
    }

    static void check(Instance instance, List<Problem> p) {
        Map<String, Integer> names = new HashMap<>();
        List<NetworkInterface> nets = instance.networks();
        for (int i = 0; i < nets.size(); i++) {
            NetworkInterface n = nets.get(i);
            String f = "networks[" + i + "]";
            String subject = CommandLineGenerator.write(n, AttachmentResolver.UNRESOLVED);
            Check c = new Check(f, subject, p);
            if (n.unit() < 0) {
                c.error("unit", "the device number must be 0 or more");
            }
            Integer other = names.putIfAbsent(n.deviceName(), i);
            if (other != null) {
                c.error("unit", n.deviceName() + " is already networks[" + other + "] and the kernel keeps the first;"
                        + " give this interface another number");
            }
            n.accept(new NetworkInterface.Visitor<Void>() {
                public Void vector(VectorInterface v) {
                    NetworkChecks.vector(v, c);
                    return null;
                }

                public Void legacy(LegacyInterface l) {
                    NetworkChecks.legacy(l, c);
                    return null;
                }

                public Void attachment(NetworkAttachment a) {
                    NetworkChecks.attachment(a, c);
                    return null;
                }
            });
        }
    }

    /** Adds problems for one interface. */
    private record Check(String field, String subject, List<Problem> p) {
        void error(String sub, String message) {
            p.add(Problem.error(sub.isEmpty() ? field : field + "." + sub, subject, message));
        }

        void warning(String sub, String message) {
            p.add(Problem.warning(sub.isEmpty() ? field : field + "." + sub, subject, message));
        }
    }

    private static void vector(VectorInterface v, Check c) {
        String name = v.transport().name();
        Map<String, String> values = new LinkedHashMap<>();
        v.transport().accept(new TransportChecks(values, c));
        common(v.options(), values, c);
        values.forEach((k, val) -> {
            if (val.isEmpty()) {
                c.error(k, k + "= is empty; give a value or remove it");
            } else if (val.contains(",") || val.contains("=") || val.chars().anyMatch(Character::isWhitespace)) {
                c.error(k, "the value of " + k + "= cannot contain ',', '=' or spaces: the kernel splits the"
                        + " option there (no escaping)");
            }
        });
        v.options().extra().forEach((k, val) -> extra(name, k, val, c));
    }

    /** Each transport's own checks; {@code values} collects the string values for the common checks. */
    private record TransportChecks(Map<String, String> values, Check c) implements VectorTransport.Visitor<Void> {
        public Void tap(VectorTransport.Tap tap) {
            tap.ifname().ifPresentOrElse(s -> values.put("ifname", s), () -> c.warning("ifname", "without ifname the"
                    + " kernel creates a random tap device that nothing on the host is connected to (and needs"
                    + " CAP_NET_ADMIN); give the name of a persistent tap, e.g. made with tunctl -u $USER -t tap0"));
            return null;
        }

        public Void hybrid(VectorTransport.Hybrid h) {
            requireString(h.ifname(), "ifname", values, c, "hybrid needs ifname=TAP (the tap to use); add it");
            return null;
        }

        public Void raw(VectorTransport.Raw r) {
            requireString(r.ifname(), "ifname", values, c, "raw needs ifname=IFACE (the host interface, usually one"
                    + " end of a veth pair); add it");
            return null;
        }

        public Void gre(VectorTransport.Gre g) {
            g.src().ifPresent(s -> values.put("src", s));
            requireString(g.dst(), "dst", values, c, "gre needs dst=ADDRESS, the far end of the tunnel; add it");
            pair(g.rxKey(), g.txKey(), "rx_key", "tx_key", c, "the kernel panics when the guest brings the interface"
                    + " up with only one GRE key");
            sessionRange(g.rxKey(), "rx_key", c, "the kernel then runs the tunnel without keys");
            sessionRange(g.txKey(), "tx_key", c, "the kernel then panics when the guest brings the interface up");
            return null;
        }

        public Void l2tpv3(VectorTransport.L2tpv3 l) {
            NetworkChecks.l2tpv3(l, values, c);
            return null;
        }

        public Void bess(VectorTransport.Bess b) {
            b.src().ifPresent(s -> values.put("src", s));
            requireString(b.dst(), "dst", values, c, "bess needs dst=SOCKET, the switch port's Unix socket; add it");
            return null;
        }

        public Void fd(VectorTransport.Fd fd) {
            if (fd.fd().isEmpty()) {
                c.error("fd", "the fd transport needs fd=N, a file descriptor the launcher passes; add it");
            } else if (fd.fd().getAsInt() < 0) {
                c.error("fd", "fd must be 0 or more");
            }
            return null;
        }

        public Void vde(VectorTransport.Vde vde) {
            requireString(vde.vnl(), "vnl", values, c, "vde needs vnl=LOCATOR, e.g. vde:///run/switch; add it");
            c.warning("", "the vector vde transport exists from Linux 6.16 on; Debian's 6.1 kernel has ethN=vde,SOCKET"
                    + " instead, and ignores this interface until the guest brings it up, where it fails");
            return null;
        }
    }

    private static void l2tpv3(VectorTransport.L2tpv3 l, Map<String, String> values, Check c) {
        l.src().ifPresent(s -> values.put("src", s));
        requireString(l.dst(), "dst", values, c, "l2tpv3 needs dst=ADDRESS, the far end of the tunnel; add it");
        if (l.rxSession().isEmpty() || l.txSession().isEmpty()) {
            c.error(l.rxSession().isEmpty() ? "rxSession" : "txSession", "l2tpv3 needs both rx_session and"
                    + " tx_session; without them the kernel panics when the guest brings the interface up. Add "
                    + (l.rxSession().isEmpty() ? "rx_session=" : "tx_session=") + "N (1 to 0x7fffffff)");
        }
        String panic = "the kernel then panics when the guest brings the interface up";
        sessionRange(l.rxSession(), "rx_session", c, panic);
        sessionRange(l.txSession(), "tx_session", c, panic);
        pair(l.rxCookie(), l.txCookie(), "rx_cookie", "tx_cookie", c, "the kernel panics when the guest brings"
                + " the interface up with only one cookie");
        boolean wide = l.cookie64().orElse(false);
        for (OptionalLong cookie : List.of(l.rxCookie(), l.txCookie())) {
            if (!wide && cookie.isPresent() && (cookie.getAsLong() & 0xFFFFFFFF00000000L) != 0) {
                c.warning("cookie64", "cookie " + Long.toUnsignedString(cookie.getAsLong(), 16) + " does not fit in"
                        + " 32 bits and is cut; add cookie64=1 or use a smaller cookie");
            }
        }
        l.srcport().ifPresent(n -> port(n, "srcport", c));
        l.dstport().ifPresent(n -> port(n, "dstport", c));
    }

    private static void requireString(Optional<String> v, String key, Map<String, String> values, Check c,
                                      String missing) {
        v.ifPresentOrElse(s -> values.put(key, s), () -> c.error(key, missing));
    }

    private static void pair(OptionalLong rx, OptionalLong tx, String rxKey, String txKey, Check c, String why) {
        if (rx.isPresent() != tx.isPresent()) {
            String missing = rx.isPresent() ? txKey : rxKey;
            c.error(rx.isPresent() ? field(txKey) : field(rxKey), why + "; add " + missing + "= or remove "
                    + (rx.isPresent() ? rxKey : txKey) + "=");
        }
    }

    /** The kernel reads sessions and GRE keys with kstrtoint: more than 0x7fffffff fails. */
    private static void sessionRange(OptionalLong v, String key, Check c, String consequence) {
        if (v.isEmpty()) {
            return;
        }
        long n = v.getAsLong();
        if (n > 0xFFFFFFFFL || n < Integer.MIN_VALUE) {
            c.error(field(key), key + "=" + n + " does not fit in 32 bits; " + consequence
                    + ". Use a value from 1 to 0x7fffffff");
        } else if (n > Integer.MAX_VALUE) {
            c.error(field(key), key + "=0x" + Long.toHexString(n) + " is over 0x7fffffff, which the kernel cannot"
                    + " read (it takes a signed 32-bit number); " + consequence + ". Use a value up to 0x7fffffff,"
                    + " or write the same 32 bits as a negative number: " + key + "=" + (int) n);
        }
    }

    private static String field(String key) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char ch : key.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return sb.toString();
    }

    private static void port(int n, String key, Check c) {
        if (n < 1 || n > 65535) {
            c.error(key, n + " is not a port number for " + key + "; use 1 to 65535");
        }
    }

    private static void common(VectorOptions o, Map<String, String> values, Check c) {
        o.mac().ifPresent(m -> {
            values.put("mac", m);
            mac(m, "mac", c);
        });
        o.bpffile().ifPresent(s -> values.put("bpffile", s));
        o.ifup().ifPresent(s -> values.put("ifup", s));
        OptionalInt mtu = o.mtu();
        if (mtu.isPresent() && (mtu.getAsInt() < MIN_MTU || mtu.getAsInt() > MAX_MTU)) {
            c.error("mtu", "mtu=" + mtu.getAsInt() + " is outside " + MIN_MTU + "–" + MAX_MTU + ", so the kernel"
                    + " silently uses 1500; give a value in that range");
        }
        if (o.depth().isPresent() && o.depth().getAsInt() == 0) {
            c.error("depth", "depth=0 leaves no room for packets; use 64 (the default) or more");
        }
        if (o.bpfflash().orElse(false)) {
            c.warning("bpfflash", "bpfflash=1 lets the guest load BPF code into the host kernel; turn it off unless"
                    + " the guest is trusted");
        }
    }

    static void mac(String m, String key, Check c) {
        if (!MAC.matcher(m).matches()) {
            c.error(key, "'" + m + "' is not a MAC address, so the kernel picks a random one; write six hex bytes"
                    + " like 02:00:00:00:00:01");
            return;
        }
        int first = Integer.parseInt(m.substring(0, m.indexOf(':')), 16);
        if ((first & 1) != 0) {
            c.error(key, m + " is a multicast address, which the kernel refuses (and picks a random one); use an"
                    + " even first byte, e.g. 02:…");
        } else if (m.replace(":", "").replace("0", "").isEmpty()) {
            c.error(key, "the all-zero MAC is refused by the kernel (it picks a random one); use e.g. 02:00:00:00:00:01");
        }
    }

    private static void extra(String transport, String key, String value, Check c) {
        if (key.equals("src_port") || key.equals("dst_port")) {
            String fixed = key.replace("_", "");
            c.error(key, "6.1 ignores " + key + "= (the HowTo is wrong here); write " + fixed + "=" + value);
        } else if (VectorArgs.Kind.named(transport).orElseThrow().keys.contains(key) || COMMON_KEYS.contains(key)) {
            c.error(key, "'" + value + "' is not a valid value for " + key + "= (a number is expected), so the kernel"
                    + " ignores it; fix the value");
        } else if (Arrays.stream(VectorArgs.Kind.values()).anyMatch(k -> k.keys.contains(key))) {
            c.warning(key, key + "= means nothing to the " + transport + " transport and is ignored; remove it");
        } else if (key.equals("transport")) {
            c.error(key, "transport= is given twice; keep one");
        } else {
            c.warning(key, "the kernel does not know " + key + "= and ignores it; check the spelling or remove it");
        }
        if (value.contains(",") || value.contains("=") || key.contains(",") || key.contains("=")) {
            c.error(key, "the kernel splits the option at ',' and '='; remove them from " + key + "=" + value);
        }
    }

    /** What can be said without the network itself; {@code network.Attachments} checks the rest. */
    private static void attachment(NetworkAttachment a, Check c) {
        Names.networkNameProblem(a.network()).ifPresent(m -> c.error("network", m));
        a.mac().ifPresentOrElse(m -> mac(m, "mac", c), () -> c.warning("mac", "without a MAC address the kernel"
                + " picks a random one at every boot, so the guest's DHCP address can change; set a locally"
                + " administered one (first byte 02, 06, 0a or 0e)"));
        a.address().ifPresent(address -> {
            Subnet subnet = address.subnet();
            if (address.prefix() > 30) {
                c.error("address", address + " leaves no room for another host on the link; use a prefix length"
                        + " of 30 or less, such as " + address.address() + "/24");
            } else if (address.address().equals(subnet.network()) || address.address().equals(subnet.broadcast())) {
                c.error("address", address.address() + " is the " + (address.address().equals(subnet.network())
                        ? "network" : "broadcast") + " address of " + subnet + "; give a host address inside it");
            }
        });
    }

    private static void legacy(LegacyInterface n, Check c) {
        LegacyTransport t = n.transport();
        if (t instanceof LegacyTransport.Pcap) {
            c.error("transport", "the pcap transport is not built into Debian's 6.1 kernel, so no device appears;"
                    + " use a vector interface such as vec" + n.unit() + ":transport=raw,ifname=IFACE");
        }
        if (t instanceof LegacyTransport.Ethertap e && e.devName().isEmpty()) {
            c.error("devName", "ethertap needs the host device name as its first field; add it");
        }
        if (t instanceof LegacyTransport.Slirp s && s.argv().isEmpty()) {
            c.warning("argv", "without a command the kernel runs 'slirp' from PATH; give the slirp command after the"
                    + " MAC field if it is elsewhere");
        }
        String written = LegacyArgs.write(n);
        ArgReading back = ArgReader.read(written);
        if (!(back instanceof ArgReading.NetArg a && a.nic().equals(n)) || written.chars().anyMatch(Character::isWhitespace)) {
            c.error("", "a field contains ',' or a space, where the kernel splits the option (" + written
                    + "); remove them");
        }
        macOf(t).ifPresent(m -> mac(m, "mac", c));
        portsOf(t).forEach((key, value) -> value.ifPresent(number -> port(number, key, c)));
        if (t instanceof LegacyTransport.Vde v && v.mode().filter(m -> !m.matches("[0-7]+")).isPresent()) {
            c.error("mode", "the vde mode is an octal permission such as 0700; fix it");
        }
    }

    private static Optional<String> macOf(LegacyTransport t) {
        return t.accept(LEGACY_FIELDS).mac();
    }

    /** In field order, so that problems come out in a stable order. */
    private static Map<String, OptionalInt> portsOf(LegacyTransport t) {
        return t.accept(LEGACY_FIELDS).ports();
    }

    /** The fields of a legacy transport the checks look at. */
    private record LegacyFields(Optional<String> mac, Map<String, OptionalInt> ports) {
        static LegacyFields of(Optional<String> mac) {
            return new LegacyFields(mac, Map.of());
        }
    }

    private static final LegacyTransport.Visitor<LegacyFields> LEGACY_FIELDS = new LegacyTransport.Visitor<>() {
        public LegacyFields tuntap(LegacyTransport.Tuntap x) {
            return LegacyFields.of(x.mac());
        }

        public LegacyFields ethertap(LegacyTransport.Ethertap x) {
            return LegacyFields.of(x.mac());
        }

        public LegacyFields daemon(LegacyTransport.Daemon x) {
            return LegacyFields.of(x.mac());
        }

        public LegacyFields mcast(LegacyTransport.Mcast x) {
            return new LegacyFields(x.mac(), Map.of("port", x.port()));
        }

        public LegacyFields ucast(LegacyTransport.Ucast x) {
            Map<String, OptionalInt> ports = new LinkedHashMap<>();
            ports.put("localPort", x.localPort());
            ports.put("remotePort", x.remotePort());
            return new LegacyFields(x.mac(), ports);
        }

        public LegacyFields vde(LegacyTransport.Vde x) {
            return new LegacyFields(x.mac(), Map.of("port", x.port()));
        }

        public LegacyFields slirp(LegacyTransport.Slirp x) {
            return LegacyFields.of(x.mac());
        }

        public LegacyFields slip(LegacyTransport.Slip x) {
            return LegacyFields.of(Optional.empty());
        }

        public LegacyFields pcap(LegacyTransport.Pcap x) {
            return LegacyFields.of(x.mac());
        }
    };
}
