package org.umlmanager.storage;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * Schema of one saved network's file ({@code networks/NAME.json}); {@code type} is the kind. Null
 * means absent. Field names are the file format; renaming one is a schema change.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = NetworkFileDocument.Nat.class, name = "nat"),
        @JsonSubTypes.Type(value = NetworkFileDocument.Switch.class, name = "switch"),
        @JsonSubTypes.Type(value = NetworkFileDocument.HostDevice.class, name = "host-device")})
sealed interface NetworkFileDocument {

    Integer schemaVersion();

    String name();

    record Nat(Integer schemaVersion, String name, String subnet, String gateway, String dns, String dhcpStart,
               List<ForwardDocument> forwards) implements NetworkFileDocument {
    }

    record Switch(Integer schemaVersion, String name, Boolean hub) implements NetworkFileDocument {
    }

    record HostDevice(Integer schemaVersion, String name, VectorTransportDocument transport)
            implements NetworkFileDocument {
    }

    /** {@code protocol} is {@code tcp} or {@code udp}. */
    record ForwardDocument(String protocol, String hostAddress, Integer hostPort, String guestAddress,
                           Integer guestPort) {
    }
}
