package org.umlmanager.cmdline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.StringJoiner;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.model.VectorOptions;
import org.umlmanager.model.VectorTransport;

/** {@code vecN:key=value,…} in both directions (docs/KERNEL.md §3.6). */
final class VectorArgs {

    /** In the order the kernel tries them, each matched as a prefix of the transport value. */
    static final List<String> TRANSPORTS = List.of("raw", "hybrid", "tap", "gre", "l2tpv3", "bess", "fd", "vde");

    private VectorArgs() {
    }

    static ArgReading read(String arg) {
        String rest = arg.substring("vec".length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            return ArgReading.Verbatim.error("the vector network driver takes every option starting with 'vec'"
                    + " and finds no ':' here, so it never reaches the guest's init. Write"
                    + " vecN:transport=…, or rename it so that it does not start with 'vec'");
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
                    + " add transport=tap (or hybrid, raw, gre, l2tpv3, bess, fd)");
        }
        if (!TRANSPORTS.contains(transport)) {
            Optional<String> asRead = TRANSPORTS.stream().filter(transport::startsWith).findFirst();
            return asRead.isPresent()
                    ? ArgReading.Verbatim.warning("the kernel reads transport=" + transport + " as "
                    + asRead.get() + "; write transport=" + asRead.get())
                    : ArgReading.Verbatim.error("'" + transport + "' is not a vector transport, so the interface"
                    + " fails when the guest brings it up; use tap, hybrid, raw, gre, l2tpv3, bess or fd");
        }
        Options o = new Options(kv);
        VectorTransport t = transport(transport, o);
        VectorOptions common = new VectorOptions(o.decimalInt("depth"), o.string("mac"), o.flag10("gro"),
                o.decimalInt("mtu"), o.decimalInt("headroom"), o.flag10("vec"), o.string("bpffile"),
                o.flag10("bpfflash"), o.string("ifup"), o.remaining);
        return new ArgReading.NetArg(new VectorInterface((int) unit.getAsLong(), t, common));
    }

    private static VectorTransport transport(String name, Options o) {
        switch (name) {
            case "tap":
                return new VectorTransport.Tap(o.string("ifname"));
            case "hybrid":
                return new VectorTransport.Hybrid(o.string("ifname"));
            case "raw":
                return new VectorTransport.Raw(o.string("ifname"));
            case "gre":
                return new VectorTransport.Gre(o.string("src"), o.string("dst"), o.flag0("v6"),
                        o.signed0("rx_key"), o.signed0("tx_key"), o.flag0("sequence"), o.flag0("pin_sequence"));
            case "l2tpv3":
                return new VectorTransport.L2tpv3(o.string("src"), o.string("dst"), o.decimalInt("srcport"),
                        o.decimalInt("dstport"), o.flag0("v6"), o.flag0("udp"), o.signed0("rx_session"),
                        o.signed0("tx_session"), o.unsigned0("rx_cookie"), o.unsigned0("tx_cookie"),
                        o.flag0("cookie64"), o.flag0("counter"), o.flag0("pin_counter"));
            case "bess":
                return new VectorTransport.Bess(o.string("src"), o.string("dst"));
            case "vde":
                return new VectorTransport.Vde(o.string("vnl"));
            default:
                return new VectorTransport.Fd(o.decimalInt("fd"));
        }
    }

    /**
     * Takes typed values out of the option map; a value that does not read as its type stays in
     * {@link #remaining} and so is kept verbatim as an extra option.
     */
    private static final class Options {
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
        VectorTransport t = nic.transport();
        if (t instanceof VectorTransport.Tap tap) {
            put(kv, "ifname", tap.ifname());
        } else if (t instanceof VectorTransport.Hybrid h) {
            put(kv, "ifname", h.ifname());
        } else if (t instanceof VectorTransport.Raw r) {
            put(kv, "ifname", r.ifname());
        } else if (t instanceof VectorTransport.Gre g) {
            put(kv, "src", g.src());
            put(kv, "dst", g.dst());
            putFlag(kv, "v6", g.v6());
            putId(kv, "rx_key", g.rxKey());
            putId(kv, "tx_key", g.txKey());
            putFlag(kv, "sequence", g.sequence());
            putFlag(kv, "pin_sequence", g.pinSequence());
        } else if (t instanceof VectorTransport.L2tpv3 l) {
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
        } else if (t instanceof VectorTransport.Bess b) {
            put(kv, "src", b.src());
            put(kv, "dst", b.dst());
        } else if (t instanceof VectorTransport.Fd fd) {
            put(kv, "fd", fd.fd());
        } else if (t instanceof VectorTransport.Vde v) {
            put(kv, "vnl", v.vnl());
        }
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
