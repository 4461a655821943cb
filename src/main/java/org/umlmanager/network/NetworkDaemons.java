package org.umlmanager.network;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.model.Network;
import org.umlmanager.model.PortForward;

/**
 * The host processes of one running network, and nothing else: a {@code vde_switch} whose socket
 * directory guests plug into, and for a NAT network a {@code vde_plug} that connects the switch to
 * libslirp (the user-space NAT router of QEMU and podman) with the network's addresses, DHCP and
 * port forwards. Everything runs as the user; the sockets live in the network's runtime directory.
 * The processes are children of a {@link ProcessHost}, which learns at once when one ends; an end
 * that {@link #stop()} did not ask for goes to the listener.
 *
 * <p>Not thread-safe: one owner calls {@link #start()} and {@link #stop()}; the listener is called
 * on the host's thread.
 */
public final class NetworkDaemons {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkDaemons.class);
    static final String SWITCH = "switch";
    static final String NAT = "nat";
    /** The switch port description of the NAT router, shown in the switch's port list. */
    static final String NAT_DESCRIPTION = "uml-manager:nat";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Network network;
    private final NetworkPaths paths;
    private final ProcessHost host;
    private final BiConsumer<String, Integer> unexpectedEnd;
    private ProcessHost.Hosted switchProcess;
    private ProcessHost.Hosted natProcess;
    private volatile boolean stopping;

    /**
     * @param unexpectedEnd told the process ({@link #SWITCH} or {@link #NAT}) and its exit status when one
     *                      ends without {@link #stop()}
     */
    public NetworkDaemons(Network network, NetworkPaths paths, ProcessHost host,
                          BiConsumer<String, Integer> unexpectedEnd) {
        if (network instanceof Network.HostDevice) {
            throw new IllegalArgumentException("a host device network has no processes of its own");
        }
        this.network = network;
        this.paths = paths;
        this.host = host;
        this.unexpectedEnd = unexpectedEnd;
    }

    /**
     * Starts the switch and, for NAT, the router, and returns once guests can plug in. Sockets a
     * killed switch left behind are removed first.
     *
     * @throws NetworkException naming a missing program, a taken port or the process that failed (with its log)
     */
    public void start() throws NetworkException, InterruptedException {
        stopping = false;
        Path vdeSwitch = VdeTools.vdeSwitch();
        List<String> natCommand = List.of();
        if (network instanceof Network.Nat nat) {
            VdeTools.requireSlirpPlugin();
            List<String> taken = HostPorts.unavailable(nat);
            if (!taken.isEmpty()) {
                throw new NetworkException(String.join("; ", taken), true);
            }
            natCommand = natCommand(VdeTools.vdePlug(), nat, paths.switchDir(network.name()));
        }
        prepareDirectory();
        String name = network.name();
        List<String> switchCommand = new ArrayList<>(List.of(vdeSwitch.toString(), "--sock",
                paths.switchDir(name).toString(), "--mgmt", paths.mgmtSocket(name).toString(), "--numports", "64"));
        if (network instanceof Network.Switch s && s.hub()) {
            switchCommand.add("--hub");
        }
        try {
            switchProcess = host.start(name, switchCommand, paths.log(name, SWITCH));
            watch(SWITCH, switchProcess);
            awaitSwitch();
            if (!natCommand.isEmpty()) {
                natProcess = host.start(name, natCommand, paths.log(name, NAT));
                watch(NAT, natProcess);
                awaitRouter();
            }
        } catch (IOException e) {
            stop();
            throw new NetworkException("could not start network '" + name + "': " + e.getMessage(), false, e);
        } catch (NetworkException | InterruptedException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Restarts only the NAT router, for when it ended while the switch runs: guests stay plugged in. */
    public void restartRouter() throws NetworkException, InterruptedException {
        if (!(network instanceof Network.Nat nat) || switchProcess == null) {
            return;
        }
        try {
            natProcess = host.start(network.name(), natCommand(VdeTools.vdePlug(), nat,
                    paths.switchDir(network.name())), paths.log(network.name(), NAT));
            watch(NAT, natProcess);
            awaitRouter();
        } catch (IOException e) {
            throw new NetworkException("could not restart the NAT router of '" + network.name() + "': "
                    + e.getMessage(), false, e);
        }
    }

    /** Stops the router, then the switch, and removes their sockets. Returns once both are collected. */
    public void stop() throws InterruptedException {
        stopping = true;
        if (natProcess != null) {
            natProcess.stop(STOP_GRACE);
            natProcess = null;
        }
        if (switchProcess != null) {
            switchProcess.stop(STOP_GRACE);
            switchProcess = null;
        }
        removeSockets();
    }

    public Optional<Long> switchPid() {
        return Optional.ofNullable(switchProcess).map(ProcessHost.Hosted::pid);
    }

    public Optional<Long> natPid() {
        return Optional.ofNullable(natProcess).map(ProcessHost.Hosted::pid);
    }

    /** The command that connects the switch to libslirp with the network's settings. */
    static List<String> natCommand(Path vdePlug, Network.Nat nat, Path switchDir) {
        // Options are separated by '/', so the one in the prefix is escaped.
        StringBuilder url = new StringBuilder("slirp:///v4/addr=").append(nat.gateway()).append("\\/")
                .append(nat.subnet().prefix()).append("/dhcp=").append(nat.dhcpStart()).append("/vnameserver=")
                .append(nat.dns());
        for (PortForward.Protocol protocol : PortForward.Protocol.values()) {
            StringJoiner forwards = new StringJoiner(",");
            nat.forwards().stream().filter(f -> f.protocol() == protocol).forEach(f -> forwards.add(f.hostAddress()
                    + ":" + f.hostPort() + ":" + f.guestAddress() + ":" + f.guestPort()));
            if (forwards.length() > 0) {
                url.append('/').append(protocol.word()).append("fwd=").append(forwards);
            }
        }
        return List.of(vdePlug.toString(), "--descr", NAT_DESCRIPTION, "vde://" + switchDir, url.toString());
    }

    private void watch(String what, ProcessHost.Hosted process) {
        process.exit().thenAccept(status -> {
            if (!stopping) {
                LOG.warn("{} of network {} (pid {}) ended with status {}", what, network.name(), process.pid(),
                        status);
                unexpectedEnd.accept(what, status);
            }
        });
    }

    private void prepareDirectory() throws NetworkException {
        Path dir = paths.dir(network.name());
        try {
            Files.createDirectories(dir.getParent(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            removeSockets();
        } catch (IOException e) {
            throw new NetworkException("could not prepare " + dir + " for network '" + network.name() + "': "
                    + e.getMessage() + "; check that the runtime directory exists and is yours", true, e);
        }
    }

    /** The switch's sockets and directory: what a switch leaves behind when it is killed. */
    private void removeSockets() {
        Path switchDir = paths.switchDir(network.name());
        try {
            if (Files.isDirectory(switchDir)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(switchDir)) {
                    for (Path p : entries) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(switchDir);
            }
            Files.deleteIfExists(paths.mgmtSocket(network.name()));
        } catch (IOException e) {
            LOG.warn("could not remove the sockets of network {}: {}", network.name(), e.getMessage());
        }
    }

    private void awaitSwitch() throws NetworkException, InterruptedException {
        Path ctl = paths.switchDir(network.name()).resolve("ctl");
        Path mgmt = paths.mgmtSocket(network.name());
        await(SWITCH, switchProcess, () -> Files.exists(ctl) && Files.exists(mgmt) && answers(mgmt));
    }

    private void awaitRouter() throws NetworkException, InterruptedException {
        Path mgmt = paths.mgmtSocket(network.name());
        List<PortForward> forwards = ((Network.Nat) network).forwards();
        await(NAT, natProcess, () -> {
            try {
                return SwitchConsole.run(mgmt, "port/print").data().stream().anyMatch(l -> l.contains(NAT_DESCRIPTION))
                        && forwards.stream().allMatch(HostPorts::bound);
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static boolean answers(Path mgmt) {
        try {
            return SwitchConsole.run(mgmt, "showinfo").ok();
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls {@code ready} until it holds; fails early, with the log, if the process ends first. */
    private void await(String what, ProcessHost.Hosted process, java.util.function.BooleanSupplier ready)
            throws NetworkException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!ready.getAsBoolean()) {
            if (process.exit().isDone()) {
                throw new NetworkException("the " + what + " of network '" + network.name() + "' ended at once"
                        + " (status " + process.exit().join() + "): " + tail(paths.log(network.name(), what)), false);
            }
            if (System.nanoTime() > deadline) {
                throw new NetworkException("the " + what + " of network '" + network.name() + "' was not ready within "
                        + READY_TIMEOUT.toSeconds() + " s: " + tail(paths.log(network.name(), what)), false);
            }
            Thread.sleep(20);
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> last = lines.subList(Math.max(0, lines.size() - 5), lines.size());
            return last.isEmpty() ? "(its log is empty)" : String.join(" / ", last);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
