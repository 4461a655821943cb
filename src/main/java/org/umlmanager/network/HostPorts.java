package org.umlmanager.network;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.umlmanager.model.Network;
import org.umlmanager.model.PortForward;

/** Whether the host ports a NAT network forwards can be opened now. */
public final class HostPorts {

    private HostPorts() {
    }

    /**
     * Whether something listens on the forward's host address and port now (for UDP: has a socket
     * bound there), from {@code /proc/net}.
     */
    static boolean bound(PortForward f) {
        String table = f.protocol() == PortForward.Protocol.TCP ? "/proc/net/tcp" : "/proc/net/udp";
        int a = f.hostAddress().bits();
        // /proc/net shows IPv4 addresses as the bytes of the in-memory (little-endian) word.
        String local = String.format("%02X%02X%02X%02X:%04X", a & 255, a >>> 8 & 255, a >>> 16 & 255, a >>> 24,
                f.hostPort());
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(table))) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length > 3 && fields[1].equals(local)
                        && (f.protocol() == PortForward.Protocol.UDP || fields[3].equals("0A"))) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /**
     * One sentence per forward whose host port cannot be opened (taken by another program, or an
     * address this host does not have), naming the port and the fix; empty when all are free.
     */
    public static List<String> unavailable(Network.Nat nat) {
        List<String> problems = new ArrayList<>();
        for (PortForward f : nat.forwards()) {
            try {
                InetSocketAddress at = new InetSocketAddress(InetAddress.getByName(f.hostAddress().toString()),
                        f.hostPort());
                if (f.protocol() == PortForward.Protocol.TCP) {
                    try (ServerSocket socket = new ServerSocket()) {
                        socket.setReuseAddress(true);
                        socket.bind(at);
                    }
                } else {
                    try (DatagramSocket socket = new DatagramSocket(at)) {
                        socket.getLocalPort();
                    }
                }
            } catch (IOException e) {
                problems.add("network '" + nat.name() + "' forwards " + f.protocol().word() + " port " + f.hostPort()
                        + " on " + f.hostAddress() + ", which cannot be opened (" + e.getMessage() + "); another"
                        + " program probably uses it: stop it, or give the forward another host port");
            }
        }
        return problems;
    }
}
