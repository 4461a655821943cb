package org.umlmanager.cmdline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.model.VectorOptions;
import org.umlmanager.model.VectorTransport;

/** {@code vecN:key=value,…} in both directions (docs/KERNEL.md §3.6). */
final class VectorArgs {

    /**
     * Each transport's kernel side in one place: its {@code transport=} name, its own keys and how
     * they are read. Declared in the order the kernel tries the names, each matched as a prefix of
     * the {@code transport=} value. {@link #of} reaches every transport of the model through its
     * visitor, so a transport added to the model cannot be missing here.
     */
    enum Kind {
        RAW("raw", "ifname") {
            @Override
            VectorTransport read(Options o) {
                return new VectorTransport.Raw(o.string("ifname"));
            }
        },
        HYBRID("hybrid", "ifname") {
            @Override
            VectorTransport read(Options o) {
                return new VectorTransport.Hybrid(o.string("ifname"));
            }
        },
        TAP("tap", "ifname") {
            @Override
            VectorTransport read(Options o) {
                return new VectorTransport.Tap(o.string("ifname"));
            }
        },
        GRE("gre", "src", "dst", "v6", "rx_key", "tx_key", "sequence", "pin_sequence") {
            @Override
            VectorTransport read(Options o) {
                return new VectorTransport.Gre(o.string("src"), o.string("dst"), o.flag0("v6"),
                        o.signed0("rx_key"), o.signed0("tx_key"), o.flag0("sequence"), o.flag0("pin_sequence"));
            }
        },
        L2TPV3("l2tpv3", "src", "dst", "srcport", "dstport", "v6", "udp", "rx_session", "tx_session", "rx_cookie",
                "tx_cookie", "cookie64", "counter", "pin_counter") {
            @Override
            VectorTransport read(Options o) {
                return new VectorTransport.L2tpv3(o.string("src"), o.string("dst"), o.decimalInt("srcport"),
                        o.decimalInt("dstport"), o.flag0("v6"), o.flag0("udp"), o.signed0("rx_session"),
                        o.signed0("tx_session"), o.unsigned0("rx_cookie"), o.unsigned0("tx_cookie"),
                        o.flag0("cookie64"), o.flag0("counter"), o.flag0("pin_counter"));
            }
        },
        BESS("bess", "src", "dst") {
            @Override
            VectorTransport read(Options o) {
                return new VectorTransport.Bess(o.string("src"), o.string("dst"));
            }
        },
        FD("fd", "fd") {
            @Override
            VectorTransport read(Options o) {
                return new VectorTransport.Fd(o.decimalInt("fd"));
            }
        },
        VDE("vde", "vnl", "descr") {
            @Override
            VectorTransport read(Options o) {
                return new VectorTransport.Vde(o.string("vnl"));
            }
        };

        private static final VectorTransport.Visitor<Kind> OF = new VectorTransport.Visitor<>() {
            public Kind tap(VectorTransport.Tap x) {
                return TAP;
            }

            public Kind hybrid(VectorTransport.Hybrid x) {
                return HYBRID;
            }

            public Kind raw(VectorTransport.Raw x) {
                return RAW;
            }

            public Kind gre(VectorTransport.Gre x) {
                return GRE;
            }

            public Kind l2tpv3(VectorTransport.L2tpv3 x) {
                return L2TPV3;
            }

            public Kind bess(VectorTransport.Bess x) {
                return BESS;
            }

            public Kind fd(VectorTransport.Fd x) {
                return FD;
            }

            public Kind vde(VectorTransport.Vde x) {
                return VDE;
            }
        };

        final String name;
        final Set<String> keys;

        Kind(String name, String... keys) {
            this.name = name;
            this.keys = Set.of(keys);
        }

        /** The transport from its own keys, taken out of {@code o}. */
        abstract VectorTransport read(Options o);

        static Kind of(VectorTransport t) {
            return t.accept(OF);
        }

        static Optional<Kind> named(String name) {
            return Arrays.stream(values()).filter(k -> k.name.equals(name)).findFirst();
        }

        /** The transport the kernel takes {@code value} for (the first whose name is a prefix of it). */
        static Optional<Kind> readAs(String value) {
            return Arrays.stream(values()).filter(k -> value.startsWith(k.name)).findFirst();
        }

        /** Every transport name, in the kernel's order: "raw, hybrid, … or fd". */
        static String names() {
            List<String> names = Arrays.stream(values()).map(k -> k.name).toList();
            return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        }
    }

    private VectorArgs() {
    }

    static ArgReading read(String arg) {
        String rest = arg.substring("vec".length());
        int colon = rest.indexOf(':');
        if (colon < 0 && !rest.isEmpty() && Character.isDigit(rest.charAt(0))) {
            return ArgReading.Verbatim.error("no ':' after vec" + rest + ", so the kernel refuses the interface; write"
                    + " vec" + rest + ":transport=…");
        }
        if (colon < 0) {
            // Not an interface at all (vector=1): the kernel logs it and boots on.
            return ArgReading.Verbatim.warning("the vector network driver takes every option starting with 'vec'"
                    + " and finds no ':' here, so it never reaches the guest's init (the kernel logs it and boots"
                    + " on). Write vecN:transport=… for an interface, or rename it so that it does not start with"
                    + " 'vec'");
        }
        String unitText = rest.substring(0, colon);
        OptionalLong unit = KernelNumbers.base0(unitText);
        if (unit.isEmpty() || unit.getAsLong() > Integer.MAX_VALUE) {
            return ArgReading.Verbatim.error("'" + unitText + "' is not a device number"
                    + (unitText.equals("X") ? " (the HowTo's vecX stands for one)" : "")
                    + "; write vec0:" + rest.substring(colon + 1));
        }
        Map<String, String> kv = new LinkedHashMap<>();
        String[] tokens = rest.substring(colon + 1).split(",", -1);
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.isEmpty() && i == tokens.length - 1 && i > 0) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq < 0) {
                return ArgReading.Verbatim.warning("the kernel ignores '" + t + "' because it has no '=';"
                        + " remove it or write KEY=VALUE");
            }
            if (t.indexOf('=', eq + 1) >= 0) {
                return ArgReading.Verbatim.error("'" + t + "' has a second '=', so the kernel refuses the whole"
                        + " device; values cannot contain '=' or ','");
            }
            String key = t.substring(0, eq);
            if (kv.containsKey(key)) {
                return ArgReading.Verbatim.warning(key + "= is given twice and the kernel uses the first ("
                        + key + "=" + kv.get(key) + "); remove the other one");
            }
            kv.put(key, t.substring(eq + 1));
        }
        String transport = kv.remove("transport");
        if (transport == null) {
            return ArgReading.Verbatim.error("no transport=, so the interface fails when the guest brings it up;"
                    + " add transport=tap (or another of " + Kind.names() + ")");
        }
        Optional<Kind> kind = Kind.named(transport);
        if (kind.isEmpty()) {
            Optional<Kind> asRead = Kind.readAs(transport);
            return asRead.isPresent()
                    ? ArgReading.Verbatim.warning("the kernel reads transport=" + transport + " as "
                    + asRead.get().name + "; write transport=" + asRead.get().name)
                    : ArgReading.Verbatim.error("'" + transport + "' is not a vector transport, so the interface"
                    + " fails when the guest brings it up; use " + Kind.names());
        }
        Options o = new Options(kv);
        VectorTransport t = kind.get().read(o);
        VectorOptions common = new VectorOptions(o.decimalInt("depth"), o.string("mac"), o.flag10("gro"),
                o.decimalInt("mtu"), o.decimalInt("headroom"), o.flag10("vec"), o.string("bpffile"),
                o.flag10("bpfflash"), o.string("ifup"), o.remaining);
        return new ArgReading.NetArg(new VectorInterface((int) unit.getAsLong(), t, common));
    }

    /**
     * Takes typed values out of the option map; a value that does not read as its type stays in
     * {@link #remaining} and so is kept verbatim as an extra option.
     */
    static final class Options {
        final Map<String, String> remaining;

        Options(Map<String, String> kv) {
            remaining = kv;
        }

        Optional<String> string(String key) {
            return Optional.ofNullable(remaining.remove(key));
        }

        OptionalInt decimalInt(String key) {
            String v = remaining.get(key);
            if (v == null) {
                return OptionalInt.empty();
            }
            OptionalLong n = KernelNumbers.decimal(v);
            if (n.isEmpty() || n.getAsLong() > Integer.MAX_VALUE) {
                return OptionalInt.empty();
            }
            remaining.remove(key);
            return OptionalInt.of((int) n.getAsLong());
        }

        /** {@code kstrtoul(v, 10)} then "greater than zero". */
        Optional<Boolean> flag10(String key) {
            return flag(key, KernelNumbers.decimal(remaining.getOrDefault(key, "")));
        }

        /** {@code kstrtoint(v, 0)} then "greater than zero". */
        Optional<Boolean> flag0(String key) {
            return flag(key, KernelNumbers.signedBase0(remaining.getOrDefault(key, "")));
        }

        private Optional<Boolean> flag(String key, OptionalLong n) {
            if (!remaining.containsKey(key) || n.isEmpty()) {
                return Optional.empty();
            }
            remaining.remove(key);
            return Optional.of(n.getAsLong() > 0);
        }

        OptionalLong signed0(String key) {
            return number(key, KernelNumbers.signedBase0(remaining.getOrDefault(key, "")));
        }

        OptionalLong unsigned0(String key) {
            return number(key, KernelNumbers.base0(remaining.getOrDefault(key, "")));
        }

        private OptionalLong number(String key, OptionalLong n) {
            if (!remaining.containsKey(key) || n.isEmpty()) {
                return OptionalLong.empty();
            }
            remaining.remove(key);
            return n;
        }
    }

    /** The option for {@code nic}: transport, its own keys, the common keys, then the extra ones in order. */
    static String write(VectorInterface nic) {
        StringJoiner j = new StringJoiner(",", "vec" + nic.unit() + ":", "");
        j.add("transport=" + nic.transport().name());
        Map<String, String> kv = new LinkedHashMap<>();
        nic.transport().accept(new Writer(kv));
        VectorOptions o = nic.options();
        put(kv, "depth", o.depth());
        put(kv, "mac", o.mac());
        putFlag(kv, "gro", o.gro());
        put(kv, "mtu", o.mtu());
        put(kv, "headroom", o.headroom());
        putFlag(kv, "vec", o.vec());
        put(kv, "bpffile", o.bpffile());
        putFlag(kv, "bpfflash", o.bpfflash());
        put(kv, "ifup", o.ifup());
        o.extra().forEach(kv::putIfAbsent);
        kv.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    /** Writes a transport's own keys, in the order the editor and the kernel's documentation list them. */
    private record Writer(Map<String, String> kv) implements VectorTransport.Visitor<Void> {
        public Void tap(VectorTransport.Tap t) {
            put(kv, "ifname", t.ifname());
            return null;
        }

        public Void hybrid(VectorTransport.Hybrid t) {
            put(kv, "ifname", t.ifname());
            return null;
        }

        public Void raw(VectorTransport.Raw t) {
            put(kv, "ifname", t.ifname());
            return null;
        }

        public Void gre(VectorTransport.Gre g) {
            put(kv, "src", g.src());
            put(kv, "dst", g.dst());
            putFlag(kv, "v6", g.v6());
            putId(kv, "rx_key", g.rxKey());
            putId(kv, "tx_key", g.txKey());
            putFlag(kv, "sequence", g.sequence());
            putFlag(kv, "pin_sequence", g.pinSequence());
            return null;
        }

        public Void l2tpv3(VectorTransport.L2tpv3 l) {
            put(kv, "src", l.src());
            put(kv, "dst", l.dst());
            put(kv, "srcport", l.srcport());
            put(kv, "dstport", l.dstport());
            putFlag(kv, "v6", l.v6());
            putFlag(kv, "udp", l.udp());
            putId(kv, "rx_session", l.rxSession());
            putId(kv, "tx_session", l.txSession());
            putId(kv, "rx_cookie", l.rxCookie());
            putId(kv, "tx_cookie", l.txCookie());
            putFlag(kv, "cookie64", l.cookie64());
            putFlag(kv, "counter", l.counter());
            putFlag(kv, "pin_counter", l.pinCounter());
            return null;
        }

        public Void bess(VectorTransport.Bess b) {
            put(kv, "src", b.src());
            put(kv, "dst", b.dst());
            return null;
        }

        public Void fd(VectorTransport.Fd fd) {
            put(kv, "fd", fd.fd());
            return null;
        }

        public Void vde(VectorTransport.Vde v) {
            put(kv, "vnl", v.vnl());
            return null;
        }
    }

    private static void put(Map<String, String> kv, String key, Optional<String> v) {
        v.ifPresent(s -> kv.put(key, s));
    }

    private static void put(Map<String, String> kv, String key, OptionalInt v) {
        v.ifPresent(n -> kv.put(key, Integer.toString(n)));
    }

    private static void put(Map<String, String> kv, String key, OptionalLong v) {
        v.ifPresent(n -> kv.put(key, Long.toString(n)));
    }

    /** Session ids, keys and cookies in hex, as tunnel configurations ({@code ip l2tp}) write them. */
    private static void putId(Map<String, String> kv, String key, OptionalLong v) {
        v.ifPresent(n -> kv.put(key, n < 0 ? Long.toString(n) : "0x" + Long.toHexString(n)));
    }

    private static void putFlag(Map<String, String> kv, String key, Optional<Boolean> v) {
        v.ifPresent(b -> kv.put(key, b ? "1" : "0"));
    }
}
