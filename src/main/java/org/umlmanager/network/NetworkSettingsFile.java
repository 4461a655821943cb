package org.umlmanager.network;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.umlmanager.model.Ipv4Address;
import org.umlmanager.model.Network;
import org.umlmanager.model.PortForward;
import org.umlmanager.model.Subnet;

/**
 * The settings a network's keeper runs it with ({@code NAME/network.properties}), written by the
 * program that starts the keeper: the keeper reads no configuration store of its own, and a
 * network changed in the store while it runs keeps the settings it started with until restarted.
 */
final class NetworkSettingsFile {

    private NetworkSettingsFile() {
    }

    static void write(Path file, Network network) throws IOException {
        Properties p = new Properties();
        p.setProperty("name", network.name());
        p.setProperty("kind", network.kindName());
        if (network instanceof Network.Nat nat) {
            p.setProperty("subnet", nat.subnet().toString());
            p.setProperty("gateway", nat.gateway().toString());
            p.setProperty("dns", nat.dns().toString());
            p.setProperty("dhcpStart", nat.dhcpStart().toString());
            for (int i = 0; i < nat.forwards().size(); i++) {
                PortForward f = nat.forwards().get(i);
                p.setProperty("forward." + i, f.protocol().word() + ":" + f.hostAddress() + ":" + f.hostPort() + ":"
                        + f.guestAddress() + ":" + f.guestPort());
            }
        } else if (network instanceof Network.Switch s) {
            p.setProperty("hub", Boolean.toString(s.hub()));
        } else {
            throw new IllegalArgumentException("a host device network has no keeper");
        }
        PropertiesFiles.write(file, p);
    }

    static Optional<Network> read(Path file) {
        return PropertiesFiles.read(file).flatMap(p -> {
            try {
                String name = p.getProperty("name");
                if ("switch".equals(p.getProperty("kind"))) {
                    return Optional.of(new Network.Switch(name, Boolean.parseBoolean(p.getProperty("hub"))));
                }
                Ipv4Address guest = Ipv4Address.of(p.getProperty("dhcpStart"));
                List<PortForward> forwards = new ArrayList<>();
                for (int i = 0; p.getProperty("forward." + i) != null; i++) {
                    forwards.add(PortForward.parse(p.getProperty("forward." + i), guest));
                }
                return Optional.of(new Network.Nat(name, Subnet.of(p.getProperty("subnet")),
                        Ipv4Address.of(p.getProperty("gateway")), Ipv4Address.of(p.getProperty("dns")), guest,
                        forwards));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }
}
