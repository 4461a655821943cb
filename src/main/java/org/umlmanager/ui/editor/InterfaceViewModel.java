package org.umlmanager.ui.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.umlmanager.model.InterfaceAddress;
import org.umlmanager.model.LegacyInterface;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.LegacyTransport;
import org.umlmanager.model.NetworkInterface;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.model.VectorOptions;
import org.umlmanager.model.VectorTransport;

/**
 * One network interface of the Network page. Every option is held as the text of its field
 * (switches as {@code ""}, {@code "true"}, {@code "false"}); values of other transports are
 * kept while the user switches between transports, and only the chosen transport's are used.
 */
public final class InterfaceViewModel {

    private final IntegerProperty unit = new SimpleIntegerProperty();
    private final ObjectProperty<NetTransport> transport = new SimpleObjectProperty<>(NetTransport.VEC_TAP);
    private final Map<String, StringProperty> values = new HashMap<>();
    private final Runnable onChange;
    private Map<String, String> extraVectorOptions = Map.of();
    private NetworkAttachment.Family attachmentFamily = NetworkAttachment.Family.ETH;

    InterfaceViewModel(NetworkInterface nic, Runnable onChange) {
        this.onChange = onChange;
        unit.set(nic.unit());
        transport.set(NetTransport.of(nic));
        fromModel(nic);
        unit.addListener(o -> onChange.run());
        transport.addListener(o -> onChange.run());
    }

    /** The text property behind option {@code key}. */
    public StringProperty value(String key) {
        return values.computeIfAbsent(key, k -> {
            var p = new SimpleStringProperty("");
            p.addListener(o -> onChange.run());
            return p;
        });
    }

    public IntegerProperty unitProperty() {
        return unit;
    }

    public ObjectProperty<NetTransport> transportProperty() {
        return transport;
    }

    /** {@code vec0}, {@code eth1}, for the list. */
    public String deviceName() {
        return (transport.get() == NetTransport.NETWORK ? attachmentFamily.prefix() : transport.get().devicePrefix())
                + unit.get();
    }

    /** Options shown for the current transport, its own first. */
    public List<OptionSpec> visibleOptions() {
        List<OptionSpec> all = new ArrayList<>(transport.get().options());
        if (transport.get().vector()) {
            all.addAll(NetTransport.VECTOR_COMMON);
        }
        return all;
    }

    private String s(String key) {
        return value(key).get().strip();
    }

    private Optional<String> str(String key) {
        return Optional.of(s(key)).filter(v -> !v.isEmpty());
    }

    private OptionalLong lng(String key) {
        try {
            return s(key).isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.decode(s(key)));
        } catch (NumberFormatException e) {
            return OptionalLong.of(Long.MAX_VALUE);
        }
    }

    private OptionalInt num(String key) {
        OptionalLong v = lng(key);
        return v.isEmpty() ? OptionalInt.empty()
                : OptionalInt.of((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v.getAsLong())));
    }

    private Optional<Boolean> bool(String key) {
        return str(key).map(Boolean::parseBoolean);
    }

    private void set(String key, Optional<?> v) {
        value(key).set(v.map(Object::toString).orElse(""));
    }

    private void set(String key, OptionalInt v) {
        value(key).set(v.isPresent() ? Integer.toString(v.getAsInt()) : "");
    }

    private void set(String key, OptionalLong v) {
        value(key).set(v.isPresent() ? Long.toString(v.getAsLong()) : "");
    }

    NetworkInterface toModel() {
        int n = unit.get();
        return switch (transport.get()) {
            case VEC_TAP -> vec(new VectorTransport.Tap(str("ifname")));
            case VEC_HYBRID -> vec(new VectorTransport.Hybrid(str("ifname")));
            case VEC_RAW -> vec(new VectorTransport.Raw(str("ifname")));
            case VEC_GRE -> vec(new VectorTransport.Gre(str("src"), str("dst"), bool("v6"), lng("rx_key"),
                    lng("tx_key"), bool("sequence"), bool("pin_sequence")));
            case VEC_L2TPV3 -> vec(new VectorTransport.L2tpv3(str("src"), str("dst"), num("srcport"), num("dstport"),
                    bool("v6"), bool("udp"), lng("rx_session"), lng("tx_session"), lng("rx_cookie"),
                    lng("tx_cookie"), bool("cookie64"), bool("counter"), bool("pin_counter")));
            case VEC_BESS -> vec(new VectorTransport.Bess(str("src"), str("dst")));
            case VEC_FD -> vec(new VectorTransport.Fd(num("fd")));
            case VEC_VDE -> vec(new VectorTransport.Vde(str("vnl")));
            case NETWORK -> new NetworkAttachment(attachmentFamily, n, s("network"), str("mac"),
                    str("address").flatMap(InterfaceAddress::parse));
            case TUNTAP -> new LegacyInterface(n, new LegacyTransport.Tuntap(str("devName"), str("mac"),
                    str("gateAddr")));
            case ETHERTAP -> new LegacyInterface(n, new LegacyTransport.Ethertap(str("devName"), str("mac"),
                    str("gateAddr")));
            case DAEMON -> new LegacyInterface(n, new LegacyTransport.Daemon(str("mac"), str("sockType"),
                    str("ctlSock")));
            case MCAST -> new LegacyInterface(n, new LegacyTransport.Mcast(str("mac"), str("addr"), num("port"),
                    num("ttl")));
            case UCAST -> new LegacyInterface(n, new LegacyTransport.Ucast(str("mac"), str("remoteAddr"),
                    num("localPort"), num("remotePort")));
            case VDE -> new LegacyInterface(n, new LegacyTransport.Vde(str("socket"), str("mac"), num("port"),
                    str("group"), str("mode"), str("description")));
            case SLIRP -> new LegacyInterface(n, new LegacyTransport.Slirp(str("mac"), words(s("argv"))));
            case SLIP -> new LegacyInterface(n, new LegacyTransport.Slip(str("gateAddr")));
            case PCAP -> new LegacyInterface(n, new LegacyTransport.Pcap(str("hostIf"), str("filter"),
                    words(s("options").replace(',', ' ')), str("mac")));
        };
    }

    private VectorInterface vec(VectorTransport t) {
        var options = new VectorOptions(num("depth"), str("mac"), bool("gro"), num("mtu"), num("headroom"),
                bool("vec"), str("bpffile"), bool("bpfflash"), str("ifup"), extraVectorOptions);
        return new VectorInterface(unit.get(), t, options);
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }

    private void fromModel(NetworkInterface nic) {
        nic.accept(new NetworkInterface.Visitor<Void>() {
            public Void vector(VectorInterface v) {
                VectorOptions o = v.options();
                set("depth", o.depth());
                set("mac", o.mac());
                set("gro", o.gro());
                set("mtu", o.mtu());
                set("headroom", o.headroom());
                set("vec", o.vec());
                set("bpffile", o.bpffile());
                set("bpfflash", o.bpfflash());
                set("ifup", o.ifup());
                extraVectorOptions = new LinkedHashMap<>(o.extra());
                vectorTransport(v.transport());
                return null;
            }

            public Void legacy(LegacyInterface l) {
                legacyTransport(l.transport());
                return null;
            }

            public Void attachment(NetworkAttachment a) {
                attachmentFamily = a.family();
                value("network").set(a.network());
                set("mac", a.mac());
                set("address", a.address());
                return null;
            }
        });
    }

    /** Fills the fields of a vector transport's own options. */
    private void vectorTransport(VectorTransport t) {
        t.accept(new VectorTransport.Visitor<Void>() {
            public Void tap(VectorTransport.Tap x) {
                set("ifname", x.ifname());
                return null;
            }

            public Void hybrid(VectorTransport.Hybrid x) {
                set("ifname", x.ifname());
                return null;
            }

            public Void raw(VectorTransport.Raw x) {
                set("ifname", x.ifname());
                return null;
            }

            public Void gre(VectorTransport.Gre x) {
                set("src", x.src());
                set("dst", x.dst());
                set("v6", x.v6());
                set("rx_key", x.rxKey());
                set("tx_key", x.txKey());
                set("sequence", x.sequence());
                set("pin_sequence", x.pinSequence());
                return null;
            }

            public Void l2tpv3(VectorTransport.L2tpv3 x) {
                set("src", x.src());
                set("dst", x.dst());
                set("srcport", x.srcport());
                set("dstport", x.dstport());
                set("v6", x.v6());
                set("udp", x.udp());
                set("rx_session", x.rxSession());
                set("tx_session", x.txSession());
                set("rx_cookie", x.rxCookie());
                set("tx_cookie", x.txCookie());
                set("cookie64", x.cookie64());
                set("counter", x.counter());
                set("pin_counter", x.pinCounter());
                return null;
            }

            public Void bess(VectorTransport.Bess x) {
                set("src", x.src());
                set("dst", x.dst());
                return null;
            }

            public Void fd(VectorTransport.Fd x) {
                set("fd", x.fd());
                return null;
            }

            public Void vde(VectorTransport.Vde x) {
                set("vnl", x.vnl());
                return null;
            }
        });
    }

    /** Fills the fields of a legacy transport. */
    private void legacyTransport(LegacyTransport t) {
        t.accept(new LegacyTransport.Visitor<Void>() {
            public Void tuntap(LegacyTransport.Tuntap x) {
                set("devName", x.devName());
                set("mac", x.mac());
                set("gateAddr", x.gateAddr());
                return null;
            }

            public Void ethertap(LegacyTransport.Ethertap x) {
                set("devName", x.devName());
                set("mac", x.mac());
                set("gateAddr", x.gateAddr());
                return null;
            }

            public Void daemon(LegacyTransport.Daemon x) {
                set("mac", x.mac());
                set("sockType", x.sockType());
                set("ctlSock", x.ctlSock());
                return null;
            }

            public Void mcast(LegacyTransport.Mcast x) {
                set("mac", x.mac());
                set("addr", x.addr());
                set("port", x.port());
                set("ttl", x.ttl());
                return null;
            }

            public Void ucast(LegacyTransport.Ucast x) {
                set("mac", x.mac());
                set("remoteAddr", x.remoteAddr());
                set("localPort", x.localPort());
                set("remotePort", x.remotePort());
                return null;
            }

            public Void vde(LegacyTransport.Vde x) {
                set("socket", x.socket());
                set("mac", x.mac());
                set("port", x.port());
                set("group", x.group());
                set("mode", x.mode());
                set("description", x.description());
                return null;
            }

            public Void slirp(LegacyTransport.Slirp x) {
                set("mac", x.mac());
                value("argv").set(String.join(" ", x.argv()));
                return null;
            }

            public Void slip(LegacyTransport.Slip x) {
                set("gateAddr", x.gateAddr());
                return null;
            }

            public Void pcap(LegacyTransport.Pcap x) {
                set("hostIf", x.hostIf());
                set("filter", x.filter());
                value("options").set(String.join(",", x.options()));
                set("mac", x.mac());
                return null;
            }
        });
    }
}
