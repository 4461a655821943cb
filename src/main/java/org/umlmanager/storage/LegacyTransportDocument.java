package org.umlmanager.storage;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** A {@code LegacyTransport} of the model; {@code type} is the kernel's transport name. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LegacyTransportDocument.Tuntap.class, name = "tuntap"),
        @JsonSubTypes.Type(value = LegacyTransportDocument.Ethertap.class, name = "ethertap"),
        @JsonSubTypes.Type(value = LegacyTransportDocument.Daemon.class, name = "daemon"),
        @JsonSubTypes.Type(value = LegacyTransportDocument.Mcast.class, name = "mcast"),
        @JsonSubTypes.Type(value = LegacyTransportDocument.Ucast.class, name = "ucast"),
        @JsonSubTypes.Type(value = LegacyTransportDocument.Vde.class, name = "vde"),
        @JsonSubTypes.Type(value = LegacyTransportDocument.Slirp.class, name = "slirp"),
        @JsonSubTypes.Type(value = LegacyTransportDocument.Slip.class, name = "slip"),
        @JsonSubTypes.Type(value = LegacyTransportDocument.Pcap.class, name = "pcap")})
sealed interface LegacyTransportDocument {

    record Tuntap(String devName, String mac, String gateAddr) implements LegacyTransportDocument {
    }

    record Ethertap(String devName, String mac, String gateAddr) implements LegacyTransportDocument {
    }

    record Daemon(String mac, String sockType, String ctlSock) implements LegacyTransportDocument {
    }

    record Mcast(String mac, String addr, Integer port, Integer ttl) implements LegacyTransportDocument {
    }

    record Ucast(String mac, String remoteAddr, Integer localPort, Integer remotePort)
            implements LegacyTransportDocument {
    }

    record Vde(String socket, String mac, Integer port, String group, String mode, String description)
            implements LegacyTransportDocument {
    }

    record Slirp(String mac, List<String> argv) implements LegacyTransportDocument {
    }

    record Slip(String gateAddr) implements LegacyTransportDocument {
    }

    record Pcap(String hostIf, String filter, List<String> options, String mac) implements LegacyTransportDocument {
    }
}
