package org.umlmanager.storage;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.LinkedHashMap;

/**
 * A {@code NetworkInterface} of the model: {@code "type": "vector"}, {@code "legacy"}, or (schema
 * version 2) {@code "network"} for an interface connected to a saved network by name.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = NetworkDocument.Vector.class, name = "vector"),
        @JsonSubTypes.Type(value = NetworkDocument.Legacy.class, name = "legacy"),
        @JsonSubTypes.Type(value = NetworkDocument.Attached.class, name = "network")})
sealed interface NetworkDocument {

    record Vector(Integer unit, VectorTransportDocument transport, VectorOptionsDocument options)
            implements NetworkDocument {
    }

    record Legacy(Integer unit, LegacyTransportDocument transport) implements NetworkDocument {
    }

    /** {@code family} is {@code eth} or {@code vec}; {@code address} is {@code ADDRESS/PREFIX}. */
    record Attached(String family, Integer unit, String network, String mac, String address)
            implements NetworkDocument {
    }

    /** {@code extra} keeps unknown vector options in the order the user wrote them. */
    record VectorOptionsDocument(Integer depth, String mac, Boolean gro, Integer mtu, Integer headroom, Boolean vec,
                                 String bpffile, Boolean bpfflash, String ifup, LinkedHashMap<String, String> extra) {
    }
}
