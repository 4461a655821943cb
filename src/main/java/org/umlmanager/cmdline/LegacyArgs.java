package org.umlmanager.cmdline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.umlmanager.model.LegacyInterface;
import org.umlmanager.model.LegacyTransport;

/** {@code ethN=transport,field,…} of the legacy network driver in both directions (docs/KERNEL.md §3.7). */
final class LegacyArgs {

    /**
     * Each transport's kernel side in one place: its name, how many positional fields follow it
     * (slirp takes any number: its helper's argv) and how they are read. {@link #of} reaches every
     * transport of the model through its visitor, so none can be missing here.
     */
    enum Kind {
        TUNTAP("tuntap", 3) {
            @Override
            LegacyTransport read(Fields f) {
                return new LegacyTransport.Tuntap(f.s(0), f.s(1), f.s(2));
            }
        },
        ETHERTAP("ethertap", 3) {
            @Override
            LegacyTransport read(Fields f) {
                return new LegacyTransport.Ethertap(f.s(0), f.s(1), f.s(2));
            }
        },
        DAEMON("daemon", 3) {
            @Override
            LegacyTransport read(Fields f) {
                return new LegacyTransport.Daemon(f.s(0), f.s(1), f.s(2));
            }
        },
        MCAST("mcast", 4) {
            @Override
            LegacyTransport read(Fields f) {
                return new LegacyTransport.Mcast(f.s(0), f.s(1), f.n(2), f.n(3));
            }
        },
        UCAST("ucast", 4) {
            @Override
            LegacyTransport read(Fields f) {
                return new LegacyTransport.Ucast(f.s(0), f.s(1), f.n(2), f.n(3));
            }
        },
        VDE("vde", 6) {
            @Override
            LegacyTransport read(Fields f) {
                return new LegacyTransport.Vde(f.s(0), f.s(1), f.n(2), f.s(3), f.s(4), f.s(5));
            }
        },
        SLIRP("slirp", Integer.MAX_VALUE) {
            @Override
            LegacyTransport read(Fields f) {
                return new LegacyTransport.Slirp(f.s(0), f.values.size() > 1
                        ? f.values.subList(1, f.values.size()) : List.of());
            }
        },
        SLIP("slip", 1) {
            @Override
            LegacyTransport read(Fields f) {
                return new LegacyTransport.Slip(f.s(0));
            }
        },
        PCAP("pcap", 5) {
            @Override
            LegacyTransport read(Fields f) {
                return new LegacyTransport.Pcap(f.s(0), f.s(1), trimmed(f.values.subList(
                        Math.min(2, f.values.size()), Math.min(4, f.values.size()))), f.s(4));
            }
        };

        private static final LegacyTransport.Visitor<Kind> OF = new LegacyTransport.Visitor<>() {
            public Kind tuntap(LegacyTransport.Tuntap x) {
                return TUNTAP;
            }

            public Kind ethertap(LegacyTransport.Ethertap x) {
                return ETHERTAP;
            }

            public Kind daemon(LegacyTransport.Daemon x) {
                return DAEMON;
            }

            public Kind mcast(LegacyTransport.Mcast x) {
                return MCAST;
            }

            public Kind ucast(LegacyTransport.Ucast x) {
                return UCAST;
            }

            public Kind vde(LegacyTransport.Vde x) {
                return VDE;
            }

            public Kind slirp(LegacyTransport.Slirp x) {
                return SLIRP;
            }

            public Kind slip(LegacyTransport.Slip x) {
                return SLIP;
            }

            public Kind pcap(LegacyTransport.Pcap x) {
                return PCAP;
            }
        };

        final String name;
        final int fields;

        Kind(String name, int fields) {
            this.name = name;
            this.fields = fields;
        }

        abstract LegacyTransport read(Fields f);

        static Kind of(LegacyTransport t) {
            return t.accept(OF);
        }

        static Optional<Kind> named(String name) {
            return Arrays.stream(values()).filter(k -> k.name.equals(name)).findFirst();
        }
    }

    private LegacyArgs() {
    }

    static ArgReading read(String arg) {
        String rest = arg.substring("eth".length());
        KernelNumbers.Prefix p = KernelNumbers.prefix(rest);
        if (p == null || p.value() > Integer.MAX_VALUE) {
            return ArgReading.Verbatim.warning("the legacy network driver takes every option starting with 'eth'"
                    + " and finds no device number here, so it never reaches the guest's init (the kernel logs it"
                    + " and boots on). Write ethN=TRANSPORT,… (N a number) for an interface, or rename it so that"
                    + " it does not start with 'eth'");
        }
        if (p.end() >= rest.length() || rest.charAt(p.end()) != '=') {
            return ArgReading.Verbatim.error("expected '=' after eth" + rest.substring(0, p.end())
                    + "; write eth" + p.value() + "=TRANSPORT,…");
        }
        int unit = (int) p.value();
        String value = rest.substring(p.end() + 1);
        List<String> parts = new ArrayList<>(Arrays.asList(value.split(",", -1)));
        String transport = parts.remove(0);
        Optional<Kind> kind = Kind.named(transport);
        if (kind.isEmpty()) {
            return ArgReading.Verbatim.error("'" + transport + "' is not a legacy transport of 6.1, so the kernel"
                    + " silently creates no eth" + unit + "; use a vector interface (vec" + unit
                    + ":transport=tap,…) or one of tuntap, daemon, mcast, ucast, vde, slirp, slip, ethertap");
        }
        int max = kind.get().fields;
        if (parts.size() > max) {
            String extra = String.join(",", parts.subList(max, parts.size()));
            return transport.equals("daemon") || transport.equals("vde")
                    ? ArgReading.Verbatim.warning("the kernel ignores '" + extra + "' after the last field of "
                    + transport + "; remove it")
                    : ArgReading.Verbatim.error("the kernel refuses eth" + unit + " because of the extra field '"
                    + extra + "' (" + transport + " takes " + max + " fields); remove it");
        }
        Fields f = new Fields(parts);
        LegacyTransport read = kind.get().read(f);
        Optional<LegacyTransport> t = f.badNumber == null ? Optional.of(read) : Optional.empty();
        if (t.isEmpty()) {
            return ArgReading.Verbatim.error("'" + f.badNumber + "' is not a port number, so the kernel creates no"
                    + " eth" + unit + "; give a decimal port");
        }
        return new ArgReading.NetArg(new LegacyInterface(unit, t.get()));
    }

    /** Positional fields: empty or missing means "kernel default". */
    static final class Fields {
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
        return join(nic, nic.transport(), nic.transport().accept(FIELDS_OF));
    }

    /** Each transport's positional fields, empty ones at the end left out. */
    private static final LegacyTransport.Visitor<List<String>> FIELDS_OF = new LegacyTransport.Visitor<>() {
        public List<String> tuntap(LegacyTransport.Tuntap x) {
            return fields(x.devName(), x.mac(), x.gateAddr());
        }

        public List<String> ethertap(LegacyTransport.Ethertap x) {
            return fields(x.devName(), x.mac(), x.gateAddr());
        }

        public List<String> daemon(LegacyTransport.Daemon x) {
            return fields(x.mac(), x.sockType(), x.ctlSock());
        }

        public List<String> mcast(LegacyTransport.Mcast x) {
            return fields(x.mac(), x.addr(), text(x.port()), text(x.ttl()));
        }

        public List<String> ucast(LegacyTransport.Ucast x) {
            return fields(x.mac(), x.remoteAddr(), text(x.localPort()), text(x.remotePort()));
        }

        public List<String> vde(LegacyTransport.Vde x) {
            return fields(x.socket(), x.mac(), text(x.port()), x.group(), x.mode(), x.description());
        }

        public List<String> slirp(LegacyTransport.Slirp x) {
            // The helper's argv follows the MAC field as it is, empty words included.
            List<String> fields = new ArrayList<>();
            fields.add(x.mac().orElse(""));
            fields.addAll(x.argv());
            return x.argv().isEmpty() ? trimmed(fields) : fields;
        }

        public List<String> slip(LegacyTransport.Slip x) {
            return fields(x.gateAddr());
        }

        public List<String> pcap(LegacyTransport.Pcap x) {
            List<String> opts = x.options();
            return fields(x.hostIf(), x.filter(), Optional.of(opts.size() > 0 ? opts.get(0) : ""),
                    Optional.of(opts.size() > 1 ? opts.get(1) : ""), x.mac());
        }
    };

    private static String join(LegacyInterface nic, LegacyTransport t, List<String> fields) {
        StringBuilder sb = new StringBuilder(nic.deviceName()).append('=').append(t.name());
        fields.forEach(f -> sb.append(',').append(f));
        return sb.toString();
    }

    @SafeVarargs
    private static List<String> fields(Optional<String>... values) {
        List<String> fields = new ArrayList<>();
        for (Optional<String> v : values) {
            fields.add(v.orElse(""));
        }
        return trimmed(fields);
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
