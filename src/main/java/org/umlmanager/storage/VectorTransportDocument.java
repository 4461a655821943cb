package org.umlmanager.storage;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A {@code VectorTransport} of the model; {@code type} is the kernel's transport name. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = VectorTransportDocument.Tap.class, name = "tap"),
        @JsonSubTypes.Type(value = VectorTransportDocument.Hybrid.class, name = "hybrid"),
        @JsonSubTypes.Type(value = VectorTransportDocument.Raw.class, name = "raw"),
        @JsonSubTypes.Type(value = VectorTransportDocument.Vde.class, name = "vde"),
        @JsonSubTypes.Type(value = VectorTransportDocument.Gre.class, name = "gre"),
        @JsonSubTypes.Type(value = VectorTransportDocument.L2tpv3.class, name = "l2tpv3"),
        @JsonSubTypes.Type(value = VectorTransportDocument.Bess.class, name = "bess"),
        @JsonSubTypes.Type(value = VectorTransportDocument.Fd.class, name = "fd")})
sealed interface VectorTransportDocument {

    record Tap(String ifname) implements VectorTransportDocument {
    }

    record Hybrid(String ifname) implements VectorTransportDocument {
    }

    record Raw(String ifname) implements VectorTransportDocument {
    }

    record Gre(String src, String dst, Boolean v6, Long rxKey, Long txKey, Boolean sequence, Boolean pinSequence)
            implements VectorTransportDocument {
    }

    record L2tpv3(String src, String dst, Integer srcport, Integer dstport, Boolean v6, Boolean udp, Long rxSession,
                  Long txSession, Long rxCookie, Long txCookie, Boolean cookie64, Boolean counter,
                  Boolean pinCounter) implements VectorTransportDocument {
    }

    record Bess(String src, String dst) implements VectorTransportDocument {
    }

    record Fd(Integer fd) implements VectorTransportDocument {
    }

    /** Schema version 2. */
    record Vde(String vnl) implements VectorTransportDocument {
    }
}
