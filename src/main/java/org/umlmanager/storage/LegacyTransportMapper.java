package org.umlmanager.storage;

import static org.umlmanager.storage.Nullables.elements;
import static org.umlmanager.storage.Nullables.opt;
import static org.umlmanager.storage.Nullables.optInt;
import static org.umlmanager.storage.Nullables.orNull;

import org.umlmanager.model.LegacyTransport;

/** Legacy {@code ethN=} transports between the model and their documents. */
final class LegacyTransportMapper {

    private LegacyTransportMapper() {
    }

    static LegacyTransportDocument toDocument(LegacyTransport t) {
        return t.accept(TO_DOCUMENT);
    }

    private static final LegacyTransport.Visitor<LegacyTransportDocument> TO_DOCUMENT = new LegacyTransport.Visitor<>() {
        public LegacyTransportDocument tuntap(LegacyTransport.Tuntap x) {
            return new LegacyTransportDocument.Tuntap(orNull(x.devName()), orNull(x.mac()), orNull(x.gateAddr()));
        }

        public LegacyTransportDocument ethertap(LegacyTransport.Ethertap x) {
            return new LegacyTransportDocument.Ethertap(orNull(x.devName()), orNull(x.mac()), orNull(x.gateAddr()));
        }

        public LegacyTransportDocument daemon(LegacyTransport.Daemon x) {
            return new LegacyTransportDocument.Daemon(orNull(x.mac()), orNull(x.sockType()), orNull(x.ctlSock()));
        }

        public LegacyTransportDocument mcast(LegacyTransport.Mcast x) {
            return new LegacyTransportDocument.Mcast(orNull(x.mac()), orNull(x.addr()), orNull(x.port()),
                    orNull(x.ttl()));
        }

        public LegacyTransportDocument ucast(LegacyTransport.Ucast x) {
            return new LegacyTransportDocument.Ucast(orNull(x.mac()), orNull(x.remoteAddr()), orNull(x.localPort()),
                    orNull(x.remotePort()));
        }

        public LegacyTransportDocument vde(LegacyTransport.Vde x) {
            return new LegacyTransportDocument.Vde(orNull(x.socket()), orNull(x.mac()), orNull(x.port()),
                    orNull(x.group()), orNull(x.mode()), orNull(x.description()));
        }

        public LegacyTransportDocument slirp(LegacyTransport.Slirp x) {
            return new LegacyTransportDocument.Slirp(orNull(x.mac()), x.argv());
        }

        public LegacyTransportDocument slip(LegacyTransport.Slip x) {
            return new LegacyTransportDocument.Slip(orNull(x.gateAddr()));
        }

        public LegacyTransportDocument pcap(LegacyTransport.Pcap x) {
            return new LegacyTransportDocument.Pcap(orNull(x.hostIf()), orNull(x.filter()), x.options(),
                    orNull(x.mac()));
        }
    };

    static LegacyTransport toModel(LegacyTransportDocument d, String path) throws DocumentFormatException {
        if (d instanceof LegacyTransportDocument.Tuntap x) {
            return new LegacyTransport.Tuntap(opt(x.devName()), opt(x.mac()), opt(x.gateAddr()));
        } else if (d instanceof LegacyTransportDocument.Ethertap x) {
            return new LegacyTransport.Ethertap(opt(x.devName()), opt(x.mac()), opt(x.gateAddr()));
        } else if (d instanceof LegacyTransportDocument.Daemon x) {
            return new LegacyTransport.Daemon(opt(x.mac()), opt(x.sockType()), opt(x.ctlSock()));
        } else if (d instanceof LegacyTransportDocument.Mcast x) {
            return new LegacyTransport.Mcast(opt(x.mac()), opt(x.addr()), optInt(x.port()), optInt(x.ttl()));
        } else if (d instanceof LegacyTransportDocument.Ucast x) {
            return new LegacyTransport.Ucast(opt(x.mac()), opt(x.remoteAddr()), optInt(x.localPort()),
                    optInt(x.remotePort()));
        } else if (d instanceof LegacyTransportDocument.Vde x) {
            return new LegacyTransport.Vde(opt(x.socket()), opt(x.mac()), optInt(x.port()), opt(x.group()),
                    opt(x.mode()), opt(x.description()));
        } else if (d instanceof LegacyTransportDocument.Slirp x) {
            return new LegacyTransport.Slirp(opt(x.mac()), elements(x.argv(), path + ".argv"));
        } else if (d instanceof LegacyTransportDocument.Slip x) {
            return new LegacyTransport.Slip(opt(x.gateAddr()));
        } else if (d instanceof LegacyTransportDocument.Pcap x) {
            return new LegacyTransport.Pcap(opt(x.hostIf()), opt(x.filter()), elements(x.options(), path + ".options"), opt(x.mac()));
        }
        throw new IllegalArgumentException("unknown legacy transport document " + d);
    }
}
