package org.umlmanager.storage;

import static org.umlmanager.storage.Nullables.opt;
import static org.umlmanager.storage.Nullables.optInt;
import static org.umlmanager.storage.Nullables.optLong;
import static org.umlmanager.storage.Nullables.orNull;

import org.umlmanager.model.VectorTransport;

/** Vector transports between the model and their documents; every field is optional in both. */
final class VectorTransportMapper {

    private VectorTransportMapper() {
    }

    static VectorTransportDocument toDocument(VectorTransport t) {
        return t.accept(TO_DOCUMENT);
    }

    private static final VectorTransport.Visitor<VectorTransportDocument> TO_DOCUMENT = new VectorTransport.Visitor<>() {
        public VectorTransportDocument tap(VectorTransport.Tap tap) {
            return new VectorTransportDocument.Tap(orNull(tap.ifname()));
        }

        public VectorTransportDocument hybrid(VectorTransport.Hybrid h) {
            return new VectorTransportDocument.Hybrid(orNull(h.ifname()));
        }

        public VectorTransportDocument raw(VectorTransport.Raw r) {
            return new VectorTransportDocument.Raw(orNull(r.ifname()));
        }

        public VectorTransportDocument gre(VectorTransport.Gre g) {
            return new VectorTransportDocument.Gre(orNull(g.src()), orNull(g.dst()), orNull(g.v6()),
                    orNull(g.rxKey()), orNull(g.txKey()), orNull(g.sequence()), orNull(g.pinSequence()));
        }

        public VectorTransportDocument l2tpv3(VectorTransport.L2tpv3 l) {
            return new VectorTransportDocument.L2tpv3(orNull(l.src()), orNull(l.dst()), orNull(l.srcport()),
                    orNull(l.dstport()), orNull(l.v6()), orNull(l.udp()), orNull(l.rxSession()),
                    orNull(l.txSession()), orNull(l.rxCookie()), orNull(l.txCookie()), orNull(l.cookie64()),
                    orNull(l.counter()), orNull(l.pinCounter()));
        }

        public VectorTransportDocument bess(VectorTransport.Bess b) {
            return new VectorTransportDocument.Bess(orNull(b.src()), orNull(b.dst()));
        }

        public VectorTransportDocument fd(VectorTransport.Fd fd) {
            return new VectorTransportDocument.Fd(orNull(fd.fd()));
        }

        public VectorTransportDocument vde(VectorTransport.Vde v) {
            return new VectorTransportDocument.Vde(orNull(v.vnl()));
        }
    };

    static VectorTransport toModel(VectorTransportDocument d) {
        if (d instanceof VectorTransportDocument.Tap tap) {
            return new VectorTransport.Tap(opt(tap.ifname()));
        } else if (d instanceof VectorTransportDocument.Hybrid h) {
            return new VectorTransport.Hybrid(opt(h.ifname()));
        } else if (d instanceof VectorTransportDocument.Raw r) {
            return new VectorTransport.Raw(opt(r.ifname()));
        } else if (d instanceof VectorTransportDocument.Gre g) {
            return new VectorTransport.Gre(opt(g.src()), opt(g.dst()), opt(g.v6()), optLong(g.rxKey()),
                    optLong(g.txKey()), opt(g.sequence()), opt(g.pinSequence()));
        } else if (d instanceof VectorTransportDocument.L2tpv3 l) {
            return new VectorTransport.L2tpv3(opt(l.src()), opt(l.dst()), optInt(l.srcport()), optInt(l.dstport()),
                    opt(l.v6()), opt(l.udp()), optLong(l.rxSession()), optLong(l.txSession()),
                    optLong(l.rxCookie()), optLong(l.txCookie()), opt(l.cookie64()), opt(l.counter()),
                    opt(l.pinCounter()));
        } else if (d instanceof VectorTransportDocument.Bess b) {
            return new VectorTransport.Bess(opt(b.src()), opt(b.dst()));
        } else if (d instanceof VectorTransportDocument.Fd fd) {
            return new VectorTransport.Fd(optInt(fd.fd()));
        } else if (d instanceof VectorTransportDocument.Vde v) {
            return new VectorTransport.Vde(opt(v.vnl()));
        }
        throw new IllegalArgumentException("unknown vector transport document " + d);
    }
}
