package org.umlmanager.storage;

import static org.umlmanager.storage.Nullables.opt;
import static org.umlmanager.storage.Nullables.optInt;
import static org.umlmanager.storage.Nullables.orNull;
import static org.umlmanager.storage.Nullables.require;

import java.util.LinkedHashMap;
import java.util.Map;
import org.umlmanager.model.LegacyInterface;
import org.umlmanager.model.NetworkInterface;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.model.VectorOptions;
import org.umlmanager.storage.NetworkDocument.VectorOptionsDocument;

/** Network interfaces between the model and their documents. */
final class NetworkMapper {

    private NetworkMapper() {
    }

    static NetworkDocument toDocument(NetworkInterface net) {
        if (net instanceof VectorInterface v) {
            return new NetworkDocument.Vector(v.unit(), VectorTransportMapper.toDocument(v.transport()),
                    toDocument(v.options()));
        } else if (net instanceof LegacyInterface l) {
            return new NetworkDocument.Legacy(l.unit(), LegacyTransportMapper.toDocument(l.transport()));
        }
        throw new IllegalArgumentException("unknown network interface " + net);
    }

    static NetworkInterface toModel(NetworkDocument doc, String path) throws DocumentFormatException {
        if (doc instanceof NetworkDocument.Vector v) {
            VectorOptionsDocument options = v.options();
            return new VectorInterface(require(v.unit(), path + ".unit"),
                    VectorTransportMapper.toModel(require(v.transport(), path + ".transport")),
                    options == null ? VectorOptions.NONE : toModel(options, path + ".options"));
        } else if (doc instanceof NetworkDocument.Legacy l) {
            return new LegacyInterface(require(l.unit(), path + ".unit"),
                    LegacyTransportMapper.toModel(require(l.transport(), path + ".transport"), path + ".transport"));
        }
        throw new IllegalArgumentException("unknown network document " + doc);
    }

    private static VectorOptionsDocument toDocument(VectorOptions o) {
        return new VectorOptionsDocument(orNull(o.depth()), orNull(o.mac()), orNull(o.gro()), orNull(o.mtu()),
                orNull(o.headroom()), orNull(o.vec()), orNull(o.bpffile()), orNull(o.bpfflash()), orNull(o.ifup()),
                new LinkedHashMap<>(o.extra()));
    }

    private static VectorOptions toModel(VectorOptionsDocument o, String path) throws DocumentFormatException {
        Map<String, String> extra = Nullables.entries(o.extra(), path + ".extra");
        return new VectorOptions(optInt(o.depth()), opt(o.mac()), opt(o.gro()), optInt(o.mtu()),
                optInt(o.headroom()), opt(o.vec()), opt(o.bpffile()), opt(o.bpfflash()), opt(o.ifup()), extra);
    }
}
