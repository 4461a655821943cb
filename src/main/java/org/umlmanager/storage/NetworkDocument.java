package org.umlmanager.storage;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.LinkedHashMap;

/** A {@code NetworkInterface} of the model: {@code "type": "vector"} or {@code "legacy"}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = NetworkDocument.Vector.class, name = "vector"),
        @JsonSubTypes.Type(value = NetworkDocument.Legacy.class, name = "legacy")})
sealed interface NetworkDocument {

    record Vector(Integer unit, VectorTransportDocument transport, VectorOptionsDocument options)
            implements NetworkDocument {
    }

    record Legacy(Integer unit, LegacyTransportDocument transport) implements NetworkDocument {
    }

    /** {@code extra} keeps unknown vector options in the order the user wrote them. */
    record VectorOptionsDocument(Integer depth, String mac, Boolean gro, Integer mtu, Integer headroom, Boolean vec,
                                 String bpffile, Boolean bpfflash, String ifup, LinkedHashMap<String, String> extra) {
    }
}
