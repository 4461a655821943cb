package org.umlmanager.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.umlmanager.cmdline.AttachmentResolver;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InterfaceAddress;
import org.umlmanager.model.LegacyInterface;
import org.umlmanager.model.LegacyTransport;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.NetworkInterface;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.model.VectorOptions;
import org.umlmanager.model.VectorTransport;

/**
 * What interfaces that name a saved network become, and what is wrong with them given the networks
 * and the kernel. A NAT network or a switch is a {@code vde_switch}: {@code ethN=vde,DIR,MAC} on a
 * kernel with the legacy transports, {@code vecN:transport=vde,vnl=vde://DIR,mac=MAC} on one
 * without; a host device is its vector transport. Pure; thread-safe.
 */
public final class Attachments {

    private Attachments() {
    }

    /** The resolver the command line generator uses for {@code instance}, over the networks {@code lookup} knows. */
    public static AttachmentResolver resolver(Function<String, Optional<Network>> lookup, NetworkPaths paths,
                                              String instance) {
        return a -> lookup.apply(a.network()).map(n -> resolve(a, n, paths, instance));
    }

    /** The kernel-syntax interface {@code a} becomes on {@code network}. */
    public static NetworkInterface resolve(NetworkAttachment a, Network network, NetworkPaths paths, String instance) {
        if (network instanceof Network.HostDevice device) {
            return new VectorInterface(a.unit(), device.transport(), VectorOptions.NONE.withMac(a.mac()));
        }
        String dir = paths.switchDir(network.name()).toString();
        if (a.family() == NetworkAttachment.Family.VEC) {
            return new VectorInterface(a.unit(), new VectorTransport.Vde(Optional.of("vde://" + dir)),
                    VectorOptions.NONE.withMac(a.mac()));
        }
        // The description shows in the switch's port list, so a running network can name its guests.
        return new LegacyInterface(a.unit(), new LegacyTransport.Vde(Optional.of(dir), a.mac(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.of(portDescription(instance, a.deviceName()))));
    }

    /** {@code uml-manager:NAME:eth0}, the switch port's description. */
    public static String portDescription(String instance, String device) {
        return "uml-manager:" + instance + ":" + device;
    }

    /**
     * The instance with every attachment replaced by what it becomes. Call {@link #check} first:
     * an attachment whose network {@code lookup} does not know is left as it is.
     */
    public static Instance resolveAll(Instance instance, Function<String, Optional<Network>> lookup,
                                      NetworkPaths paths) {
        List<NetworkInterface> out = new ArrayList<>();
        for (NetworkInterface n : instance.networks()) {
            out.add(n instanceof NetworkAttachment a
                    ? lookup.apply(a.network()).map(net -> resolve(a, net, paths, instance.name())).orElse(n) : n);
        }
        return instance.toBuilder().networks(out).build();
    }

    /**
     * What stops the instance's attachments from working: a network that does not exist, an
     * interface of the wrong family for its network or kernel, a static address outside a NAT
     * network's subnet or on its gateway; warnings for addresses DHCP may also hand out.
     */
    public static List<Problem> check(Instance instance, List<Network> networks, KernelTransports kernel) {
        List<Problem> p = new ArrayList<>();
        List<NetworkInterface> nics = instance.networks();
        for (int i = 0; i < nics.size(); i++) {
            if (!(nics.get(i) instanceof NetworkAttachment a)) {
                continue;
            }
            String field = "networks[" + i + "]";
            String subject = a.deviceName() + " (network " + a.network() + ")";
            Optional<Network> found = networks.stream().filter(n -> n.name().equals(a.network())).findFirst();
            if (found.isEmpty()) {
                Optional<Network> other = networks.stream().filter(n -> n.name().equalsIgnoreCase(a.network()))
                        .findFirst();
                p.add(Problem.error(field + ".network", subject, "no network is named '" + a.network() + "'"
                        + other.map(o -> "; did you mean '" + o.name() + "'?").orElse("; 'uml-manager network list'"
                        + " shows the networks, 'uml-manager network create " + a.network() + " --switch' makes one")));
                continue;
            }
            Network network = found.get();
            if (network instanceof Network.HostDevice && a.family() == NetworkAttachment.Family.ETH) {
                p.add(Problem.error(field, subject, "network '" + network.name() + "' is a host device, which only"
                        + " vector interfaces reach; connect vec" + a.unit() + " to it instead of " + a.deviceName()));
            } else if (!(network instanceof Network.HostDevice) && a.family() == NetworkAttachment.Family.ETH
                    && !kernel.legacy()) {
                p.add(Problem.error(field, subject, "kernel " + kernel.version().orElse("") + " has no legacy"
                        + " ethN= transports (Linux 6.16 removed them); connect vec" + a.unit() + " to the network"
                        + " instead of " + a.deviceName()));
            }
            a.address().ifPresent(address -> address(a, address, network, field, subject, p));
        }
        return p;
    }

    private static void address(NetworkAttachment a, InterfaceAddress address, Network network, String field,
                                String subject, List<Problem> p) {
        if (!(network instanceof Network.Nat nat)) {
            return;
        }
        String f = field + ".address";
        if (!nat.subnet().isHost(address.address())) {
            p.add(Problem.error(f, subject, address.address() + " is not a host address in network '" + nat.name()
                    + "' (" + nat.subnet() + "); give one inside it, outside the DHCP range " + nat.dhcpStart() + "–"
                    + nat.dhcpEnd()));
        } else if (address.address().equals(nat.gateway()) || address.address().equals(nat.dns())) {
            p.add(Problem.error(f, subject, address.address() + " is network '" + nat.name() + "''s own "
                    + (address.address().equals(nat.gateway()) ? "gateway" : "DNS") + " address; give the guest"
                    + " another one, such as " + nat.subnet().network().plus(100)));
        } else if (address.address().compareTo(nat.dhcpStart()) >= 0 && address.address().compareTo(nat.dhcpEnd()) <= 0) {
            p.add(Problem.warning(f, subject, address.address() + " is in the DHCP range " + nat.dhcpStart() + "–"
                    + nat.dhcpEnd() + " of network '" + nat.name() + "', so another guest may be given it too;"
                    + " use one outside, such as " + nat.subnet().network().plus(100)));
        }
        if (address.prefix() != nat.subnet().prefix()) {
            p.add(Problem.warning(f, subject, "network '" + nat.name() + "' is " + nat.subnet() + "; with /"
                    + address.prefix() + " the guest disagrees with the others about who is on the link. Write "
                    + address.address() + "/" + nat.subnet().prefix()));
        }
    }
}
