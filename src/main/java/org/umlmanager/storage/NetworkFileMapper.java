package org.umlmanager.storage;

import static org.umlmanager.storage.Nullables.elements;
import static org.umlmanager.storage.Nullables.require;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.umlmanager.model.Ipv4Address;
import org.umlmanager.model.Network;
import org.umlmanager.model.PortForward;
import org.umlmanager.model.Subnet;
import org.umlmanager.storage.NetworkFileDocument.ForwardDocument;

/** Saved networks between the model and their documents. */
final class NetworkFileMapper {

    private NetworkFileMapper() {
    }

    static NetworkFileDocument toDocument(Network n, int schemaVersion) {
        if (n instanceof Network.Nat nat) {
            List<ForwardDocument> forwards = nat.forwards().stream().map(f -> new ForwardDocument(f.protocol().word(),
                    f.hostAddress().toString(), f.hostPort(), f.guestAddress().toString(), f.guestPort())).toList();
            return new NetworkFileDocument.Nat(schemaVersion, nat.name(), nat.subnet().toString(),
                    nat.gateway().toString(), nat.dns().toString(), nat.dhcpStart().toString(), forwards);
        }
        if (n instanceof Network.Switch s) {
            return new NetworkFileDocument.Switch(schemaVersion, s.name(), s.hub());
        }
        Network.HostDevice h = (Network.HostDevice) n;
        return new NetworkFileDocument.HostDevice(schemaVersion, h.name(),
                VectorTransportMapper.toDocument(h.transport()));
    }

    /** The network a document describes; its name is {@code name} (the file's). */
    static Network toModel(NetworkFileDocument d, String name) throws DocumentFormatException {
        if (d instanceof NetworkFileDocument.Nat nat) {
            Subnet.Result subnet = Subnet.parse(require(nat.subnet(), "subnet"));
            if (subnet.subnet().isEmpty()) {
                throw new DocumentFormatException("subnet: " + subnet.problem().orElseThrow());
            }
            List<ForwardDocument> docs = elements(nat.forwards(), "forwards");
            List<PortForward> forwards = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                forwards.add(forward(docs.get(i), "forwards[" + i + "]"));
            }
            return new Network.Nat(name, subnet.subnet().get(), address(nat.gateway(), "gateway"),
                    address(nat.dns(), "dns"), address(nat.dhcpStart(), "dhcpStart"), forwards);
        }
        if (d instanceof NetworkFileDocument.Switch s) {
            return new Network.Switch(name, Boolean.TRUE.equals(s.hub()));
        }
        NetworkFileDocument.HostDevice h = (NetworkFileDocument.HostDevice) d;
        return new Network.HostDevice(name, VectorTransportMapper.toModel(require(h.transport(), "transport")));
    }

    private static PortForward forward(ForwardDocument f, String path) throws DocumentFormatException {
        String protocol = require(f.protocol(), path + ".protocol").toUpperCase(Locale.ROOT);
        if (!protocol.equals("TCP") && !protocol.equals("UDP")) {
            throw new DocumentFormatException(path + ".protocol is '" + f.protocol() + "'; expected tcp or udp");
        }
        try {
            return new PortForward(PortForward.Protocol.valueOf(protocol), address(f.hostAddress(),
                    path + ".hostAddress"), require(f.hostPort(), path + ".hostPort"),
                    address(f.guestAddress(), path + ".guestAddress"), require(f.guestPort(), path + ".guestPort"));
        } catch (IllegalArgumentException e) {
            throw new DocumentFormatException(path + ": " + e.getMessage());
        }
    }

    private static Ipv4Address address(String text, String path) throws DocumentFormatException {
        return Ipv4Address.parse(require(text, path)).orElseThrow(() -> new DocumentFormatException(path + " is '"
                + text + "'; expected an IPv4 address such as 10.0.2.2"));
    }
}
