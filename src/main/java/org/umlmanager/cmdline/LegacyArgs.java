package org.umlmanager.cmdline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.umlmanager.model.LegacyInterface;
import org.umlmanager.model.LegacyTransport;

/** {@code ethN=transport,field,…} of the legacy network driver in both directions (docs/KERNEL.md §3.7). */
final class LegacyArgs {

    /** Positional fields after the transport name; slirp takes any number (its helper's argv). */
    private static final Map<String, Integer> FIELDS = Map.of("tuntap", 3, "ethertap", 3, "daemon", 3,
            "mcast", 4, "ucast", 4, "vde", 6, "slirp", Integer.MAX_VALUE, "slip", 1, "pcap", 5);

    private LegacyArgs() {
    }

    static ArgReading read(String arg) {
        String rest = arg.substring("eth".length());
        KernelNumbers.Prefix p = KernelNumbers.prefix(rest);
        if (p == null || p.value() > Integer.MAX_VALUE) {
            return ArgReading.Verbatim.error("the legacy network driver takes every option starting with 'eth'"
                    + " and finds no device number here, so it never reaches the guest's init. Write"
                    + " ethN=TRANSPORT,… (N a number), or rename it so that it does not start with 'eth'");
        }
        if (p.end() >= rest.length() || rest.charAt(p.end()) != '=') {
            return ArgReading.Verbatim.error("expected '=' after eth" + rest.substring(0, p.end())
                    + "; write eth" + p.value() + "=TRANSPORT,…");
        }
        int unit = (int) p.value();
        String value = rest.substring(p.end() + 1);
        List<String> parts = new ArrayList<>(Arrays.asList(value.split(",", -1)));
        String transport = parts.remove(0);
        Integer max = FIELDS.get(transport);
        if (max == null) {
            return ArgReading.Verbatim.error("'" + transport + "' is not a legacy transport of 6.1, so the kernel"
                    + " silently creates no eth" + unit + "; use a vector interface (vec" + unit
                    + ":transport=tap,…) or one of tuntap, daemon, mcast, ucast, vde, slirp, slip, ethertap");
        }
        if (parts.size() > max) {
            String extra = String.join(",", parts.subList(max, parts.size()));
            return transport.equals("daemon") || transport.equals("vde")
                    ? ArgReading.Verbatim.warning("the kernel ignores '" + extra + "' after the last field of "
                    + transport + "; remove it")
                    : ArgReading.Verbatim.error("the kernel refuses eth" + unit + " because of the extra field '"
                    + extra + "' (" + transport + " takes " + max + " fields); remove it");
        }
        Fields f = new Fields(parts);
        Optional<LegacyTransport> t = transport(transport, f);
        if (t.isEmpty()) {
            return ArgReading.Verbatim.error("'" + f.badNumber + "' is not a port number, so the kernel creates no"
                    + " eth" + unit + "; give a decimal port");
        }
        return new ArgReading.NetArg(new LegacyInterface(unit, t.get()));
    }

    private static Optional<LegacyTransport> transport(String name, Fields f) {
        LegacyTransport t = switch (name) {
            case "tuntap" -> new LegacyTransport.Tuntap(f.s(0), f.s(1), f.s(2));
            case "ethertap" -> new LegacyTransport.Ethertap(f.s(0), f.s(1), f.s(2));
            case "daemon" -> new LegacyTransport.Daemon(f.s(0), f.s(1), f.s(2));
            case "mcast" -> new LegacyTransport.Mcast(f.s(0), f.s(1), f.n(2), f.n(3));
            case "ucast" -> new LegacyTransport.Ucast(f.s(0), f.s(1), f.n(2), f.n(3));
            case "vde" -> new LegacyTransport.Vde(f.s(0), f.s(1), f.n(2), f.s(3), f.s(4), f.s(5));
            case "slirp" -> new LegacyTransport.Slirp(f.s(0), f.values.size() > 1
                    ? f.values.subList(1, f.values.size()) : List.of());
            case "slip" -> new LegacyTransport.Slip(f.s(0));
            default -> new LegacyTransport.Pcap(f.s(0), f.s(1), trimmed(f.values.subList(
                    Math.min(2, f.values.size()), Math.min(4, f.values.size()))), f.s(4));
        };
        return f.badNumber == null ? Optional.of(t) : Optional.empty();
    }

    /** Positional fields: empty or missing means "kernel default". */
    private static final class Fields {
        final List<String> values;
        String badNumber;

        Fields(List<String> values) {
            this.values = values;
        }

        Optional<String> s(int i) {
            return i < values.size() && !values.get(i).isEmpty() ? Optional.of(values.get(i)) : Optional.empty();
        }

        OptionalInt n(int i) {
            Optional<String> s = s(i);
            if (s.isEmpty()) {
                return OptionalInt.empty();
            }
            OptionalLong v = KernelNumbers.decimal(s.get());
            if (v.isEmpty() || v.getAsLong() > Integer.MAX_VALUE) {
                badNumber = s.get();
                return OptionalInt.empty();
            }
            return OptionalInt.of((int) v.getAsLong());
        }
    }

    static String write(LegacyInterface nic) {
        LegacyTransport t = nic.transport();
        List<String> fields = new ArrayList<>();
        if (t instanceof LegacyTransport.Tuntap x) {
            add(fields, x.devName(), x.mac(), x.gateAddr());
        } else if (t instanceof LegacyTransport.Ethertap x) {
            add(fields, x.devName(), x.mac(), x.gateAddr());
        } else if (t instanceof LegacyTransport.Daemon x) {
            add(fields, x.mac(), x.sockType(), x.ctlSock());
        } else if (t instanceof LegacyTransport.Mcast x) {
            add(fields, x.mac(), x.addr(), text(x.port()), text(x.ttl()));
        } else if (t instanceof LegacyTransport.Ucast x) {
            add(fields, x.mac(), x.remoteAddr(), text(x.localPort()), text(x.remotePort()));
        } else if (t instanceof LegacyTransport.Vde x) {
            add(fields, x.socket(), x.mac(), text(x.port()), x.group(), x.mode(), x.description());
        } else if (t instanceof LegacyTransport.Slip x) {
            add(fields, x.gateAddr());
        } else if (t instanceof LegacyTransport.Pcap x) {
            List<String> opts = x.options();
            add(fields, x.hostIf(), x.filter(), Optional.of(opts.size() > 0 ? opts.get(0) : ""),
                    Optional.of(opts.size() > 1 ? opts.get(1) : ""), x.mac());
        } else if (t instanceof LegacyTransport.Slirp x) {
            fields.add(x.mac().orElse(""));
            fields.addAll(x.argv());
            if (x.argv().isEmpty()) {
                fields = trimmed(fields);
            }
            return join(nic, t, fields);
        }
        return join(nic, t, trimmed(fields));
    }

    private static String join(LegacyInterface nic, LegacyTransport t, List<String> fields) {
        StringBuilder sb = new StringBuilder(nic.deviceName()).append('=').append(t.name());
        fields.forEach(f -> sb.append(',').append(f));
        return sb.toString();
    }

    @SafeVarargs
    private static void add(List<String> fields, Optional<String>... values) {
        for (Optional<String> v : values) {
            fields.add(v.orElse(""));
        }
    }

    private static Optional<String> text(OptionalInt v) {
        return v.isPresent() ? Optional.of(Integer.toString(v.getAsInt())) : Optional.empty();
    }

    private static List<String> trimmed(List<String> fields) {
        int end = fields.size();
        while (end > 0 && fields.get(end - 1).isEmpty()) {
            end--;
        }
        return new ArrayList<>(fields.subList(0, end));
    }
}
