package org.umlmanager.storage;

import static org.umlmanager.storage.Nullables.opt;
import static org.umlmanager.storage.Nullables.optInt;
import static org.umlmanager.storage.Nullables.orNull;
import static org.umlmanager.storage.Nullables.require;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.umlmanager.model.InterfaceAddress;
import org.umlmanager.model.LegacyInterface;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.NetworkInterface;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.model.VectorOptions;
import org.umlmanager.storage.NetworkDocument.VectorOptionsDocument;

/** Network interfaces between the model and their documents. */
final class NetworkMapper {

    private NetworkMapper() {
    }

    static NetworkDocument toDocument(NetworkInterface net) {
        return net.accept(TO_DOCUMENT);
    }

    private static final NetworkInterface.Visitor<NetworkDocument> TO_DOCUMENT = new NetworkInterface.Visitor<>() {
        public NetworkDocument vector(VectorInterface v) {
            return new NetworkDocument.Vector(v.unit(), VectorTransportMapper.toDocument(v.transport()),
                    toDocument(v.options()));
        }

        public NetworkDocument legacy(LegacyInterface l) {
            return new NetworkDocument.Legacy(l.unit(), LegacyTransportMapper.toDocument(l.transport()));
        }

        public NetworkDocument attachment(NetworkAttachment a) {
            return new NetworkDocument.Attached(a.family().prefix(), a.unit(), a.network(), orNull(a.mac()),
                    a.address().map(InterfaceAddress::toString).orElse(null));
        }
    };

    static NetworkInterface toModel(NetworkDocument doc, String path) throws DocumentFormatException {
        if (doc instanceof NetworkDocument.Vector v) {
            VectorOptionsDocument options = v.options();
            return new VectorInterface(require(v.unit(), path + ".unit"),
                    VectorTransportMapper.toModel(require(v.transport(), path + ".transport")),
                    options == null ? VectorOptions.NONE : toModel(options, path + ".options"));
        } else if (doc instanceof NetworkDocument.Legacy l) {
            return new LegacyInterface(require(l.unit(), path + ".unit"),
                    LegacyTransportMapper.toModel(require(l.transport(), path + ".transport"), path + ".transport"));
        } else if (doc instanceof NetworkDocument.Attached a) {
            return attachment(a, path);
        }
        throw new IllegalArgumentException("unknown network document " + doc);
    }

    private static NetworkAttachment attachment(NetworkDocument.Attached a, String path)
            throws DocumentFormatException {
        String family = require(a.family(), path + ".family");
        NetworkAttachment.Family f = Arrays.stream(NetworkAttachment.Family.values())
                .filter(v -> v.prefix().equals(family)).findFirst()
                .orElseThrow(() -> new DocumentFormatException(path + ".family is '" + family
                        + "'; expected eth or vec"));
        Optional<InterfaceAddress> address = Optional.empty();
        if (a.address() != null) {
            address = Optional.of(InterfaceAddress.parse(a.address()).orElseThrow(() -> new DocumentFormatException(
                    path + ".address is '" + a.address() + "'; expected ADDRESS/PREFIX such as 10.0.2.20/24")));
        }
        return new NetworkAttachment(f, require(a.unit(), path + ".unit"), require(a.network(), path + ".network"),
                opt(a.mac()), address);
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
