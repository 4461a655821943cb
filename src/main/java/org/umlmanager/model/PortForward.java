package org.umlmanager.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A host port that a NAT network forwards to a guest's port: connections to
 * {@code hostAddress:hostPort} on the host reach {@code guestAddress:guestPort} on the network.
 *
 * @param hostAddress the host address the port listens on; {@link #LOOPBACK} unless the user chose
 *                    another, so that nothing outside this machine reaches the guest by default
 */
public record PortForward(Protocol protocol, Ipv4Address hostAddress, int hostPort, Ipv4Address guestAddress,
                          int guestPort) {

    public static final Ipv4Address LOOPBACK = Ipv4Address.of("127.0.0.1");

    /** TCP or UDP. */
    public enum Protocol {
        TCP, UDP;

        /** {@code tcp} or {@code udp}, as written in files and on the command line. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PortForward {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(hostAddress, "hostAddress");
        Objects.requireNonNull(guestAddress, "guestAddress");
        checkPort(hostPort, "host");
        checkPort(guestPort, "guest");
    }

    private static void checkPort(int port, String side) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(side + " port " + port + " is not a port number (1 to 65535)");
        }
    }

    /**
     * {@code [udp:|tcp:][HOSTADDR:]HOSTPORT:[GUESTADDR:]GUESTPORT}; without a guest address the
     * forward goes to {@code defaultGuest}.
     *
     * @throws IllegalArgumentException with a sentence that says how to write it
     */
    public static PortForward parse(String text, Ipv4Address defaultGuest) {
        String usage = "'" + text + "' is not a port forward; write [udp:]HOSTPORT:GUESTPORT, e.g. 8080:80,"
                + " optionally with addresses: [udp:][HOSTADDR:]HOSTPORT:[GUESTADDR:]GUESTPORT";
        String rest = text.strip();
        Protocol protocol = Protocol.TCP;
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("udp:") || lower.startsWith("tcp:")) {
            protocol = lower.startsWith("udp:") ? Protocol.UDP : Protocol.TCP;
            rest = rest.substring(4);
        }
        String[] parts = rest.split(":", -1);
        Ipv4Address host = LOOPBACK;
        Ipv4Address guest = defaultGuest;
        String hostPort;
        String guestPort;
        switch (parts.length) {
            case 2 -> {
                hostPort = parts[0];
                guestPort = parts[1];
            }
            case 3 -> {
                if (parts[0].contains(".")) {
                    host = address(parts[0], usage);
                    hostPort = parts[1];
                } else {
                    hostPort = parts[0];
                    guest = address(parts[1], usage);
                }
                guestPort = parts[2];
            }
            case 4 -> {
                host = address(parts[0], usage);
                hostPort = parts[1];
                guest = address(parts[2], usage);
                guestPort = parts[3];
            }
            default -> throw new IllegalArgumentException(usage);
        }
        return new PortForward(protocol, host, port(hostPort, usage), guest, port(guestPort, usage));
    }

    private static Ipv4Address address(String text, String usage) {
        return Ipv4Address.parse(text).orElseThrow(() -> new IllegalArgumentException(usage));
    }

    private static int port(String text, String usage) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(usage);
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a port number; use 1 to 65535");
        }
        return port;
    }

    /** {@code tcp 127.0.0.1:8080 -> 10.0.2.15:80}. */
    public String describe() {
        return protocol.word() + " " + hostAddress + ":" + hostPort + " -> " + guestAddress + ":" + guestPort;
    }
}
