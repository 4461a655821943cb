package org.umlmanager.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.cmdline.ValidationContext;
import org.umlmanager.cmdline.Validator;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Ipv4Address;
import org.umlmanager.model.Names;
import org.umlmanager.model.Network;
import org.umlmanager.model.PortForward;
import org.umlmanager.model.Subnet;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.model.VectorOptions;

/**
 * What is wrong with a network definition, one problem per field with the fix, in the words of
 * {@link Problem}. Pure; safe from any thread. Whether a forwarded host port is free is a question
 * for the moment the network starts ({@link HostPorts}).
 */
public final class NetworkChecks {

    /** Shorter prefixes are whole address blocks no LAN needs; longer ones leave no room for DHCP. */
    static final int MIN_PREFIX = 8;
    static final int MAX_PREFIX = 27;

    private static final List<Subnet> RESERVED = List.of(Subnet.of("0.0.0.0/8"), Subnet.of("127.0.0.0/8"),
            Subnet.of("169.254.0.0/16"), Subnet.of("224.0.0.0/4"), Subnet.of("240.0.0.0/4"));

    private NetworkChecks() {
    }

    /**
     * Every problem of {@code network}, and of its subnet against the {@code others} (the other saved
     * networks): overlapping subnets are refused, because a guest on both would not know which
     * one an address is on.
     */
    public static List<Problem> check(Network network, List<Network> others) {
        List<Problem> p = new ArrayList<>();
        Names.networkNameProblem(network.name()).ifPresent(m -> p.add(Problem.error("name", network.name(), m)));
        if (network instanceof Network.Nat nat) {
            nat(nat, p);
        } else if (network instanceof Network.HostDevice device) {
            hostDevice(device, p);
        }
        network.ownSubnet().ifPresent(subnet -> {
            for (Network other : others) {
                if (other.name().equalsIgnoreCase(network.name())) {
                    continue;
                }
                other.ownSubnet().filter(subnet::overlaps).ifPresent(o -> p.add(Problem.error("subnet",
                        subnet.toString(), "overlaps network '" + other.name() + "' (" + o + "); a guest on both"
                                + " could not tell them apart. Choose another subnet, such as "
                                + freeSubnet(others, subnet.prefix()).map(Subnet::toString).orElse("10.0.3.0/24"))));
            }
        });
        return p;
    }

    /** The first /{@code prefix} in 10.0.0.0/8 that no network in {@code networks} overlaps. */
    public static Optional<Subnet> freeSubnet(List<Network> networks, int prefix) {
        int p = Math.max(MIN_PREFIX + 1, Math.min(prefix, MAX_PREFIX));
        Subnet block = Subnet.of("10.0.0.0/8");
        long step = 1L << (32 - p);
        for (long offset = 0; offset < block.size(); offset += step) {
            Subnet candidate = new Subnet(block.network().plus((int) offset), p);
            if (networks.stream().flatMap(n -> n.ownSubnet().stream()).noneMatch(candidate::overlaps)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void nat(Network.Nat nat, List<Problem> p) {
        Subnet s = nat.subnet();
        String subject = s.toString();
        if (s.prefix() < MIN_PREFIX || s.prefix() > MAX_PREFIX) {
            p.add(Problem.error("subnet", subject, "a NAT network needs a prefix length from " + MIN_PREFIX + " to "
                    + MAX_PREFIX + " (room for the gateway, DNS and " + Network.Nat.DHCP_ADDRESSES
                    + " DHCP addresses); use for example " + s.network() + "/24"));
            return;
        }
        RESERVED.stream().filter(s::overlaps).findFirst().ifPresent(r -> p.add(Problem.error("subnet", subject,
                "overlaps " + r + ", which is reserved (loopback, link-local, multicast or \"this network\");"
                        + " use a private range such as 10.0.3.0/24 or 192.168.100.0/24")));
        Set<Ipv4Address> used = new HashSet<>();
        host(nat.gateway(), "gateway", s, used, p);
        host(nat.dns(), "dns", s, used, p);
        Ipv4Address end = nat.dhcpEnd();
        if (!s.isHost(nat.dhcpStart()) || !s.isHost(end) || end.compareTo(nat.dhcpStart()) < 0) {
            p.add(Problem.error("dhcpStart", nat.dhcpStart().toString(), "the DHCP range " + nat.dhcpStart() + "–"
                    + end + " (" + Network.Nat.DHCP_ADDRESSES + " addresses) must lie inside " + s + "; start it at "
                    + s.network().plus(15) + " for example"));
        } else if (used.stream().anyMatch(a -> a.compareTo(nat.dhcpStart()) >= 0 && a.compareTo(end) <= 0)) {
            p.add(Problem.error("dhcpStart", nat.dhcpStart().toString(), "the DHCP range " + nat.dhcpStart() + "–"
                    + end + " contains the gateway or DNS address; start it after them"));
        }
        Set<String> ports = new HashSet<>();
        for (int i = 0; i < nat.forwards().size(); i++) {
            PortForward f = nat.forwards().get(i);
            String field = "forwards[" + i + "]";
            if (!ports.add(f.protocol() + " " + f.hostPort())) {
                p.add(Problem.error(field, f.describe(), f.protocol().word() + " host port " + f.hostPort()
                        + " is forwarded twice; keep one"));
            }
            if (!s.isHost(f.guestAddress())) {
                p.add(Problem.error(field, f.describe(), f.guestAddress() + " is not a guest address in " + s
                        + "; forward to an address guests on this network have, such as " + nat.dhcpStart()));
            } else if (used.contains(f.guestAddress())) {
                p.add(Problem.error(field, f.describe(), f.guestAddress() + " is the network's own gateway or DNS"
                        + " address; forward to a guest's address, such as " + nat.dhcpStart()));
            }
            if (f.hostPort() < 1024) {
                p.add(Problem.error(field, f.describe(), "host port " + f.hostPort() + " is below 1024, which only"
                        + " root may open; use a port from 1024 up, such as " + (8000 + f.hostPort())));
            }
        }
    }

    private static void host(Ipv4Address a, String field, Subnet s, Set<Ipv4Address> used, List<Problem> p) {
        if (!s.isHost(a)) {
            p.add(Problem.error(field, a.toString(), a + " is not a host address in " + s + "; use one inside it"
                    + " such as " + s.network().plus(field.equals("gateway") ? 2 : 3)));
        } else if (!used.add(a)) {
            p.add(Problem.error(field, a.toString(), "the gateway and the DNS address must differ; use "
                    + s.network().plus(3) + " for DNS"));
        }
    }

    /** The kernel's own checks of the transport, as for an interface written in kernel syntax. */
    private static void hostDevice(Network.HostDevice device, List<Problem> p) {
        Instance probe = Instance.builder("probe")
                .network(new VectorInterface(0, device.transport(), VectorOptions.NONE)).build();
        for (Problem problem : Validator.validate(probe, ValidationContext.syntaxOnly())) {
            if (problem.field().startsWith("networks[0]")) {
                p.add(new Problem(problem.severity(), "transport" + problem.field().substring("networks[0]".length()),
                        problem.subject(), problem.message()));
            }
        }
    }
}
