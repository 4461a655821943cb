package org.umlmanager.network;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.model.Network;
import org.umlmanager.network.NetworkState.Phase;

/**
 * Keeps one network running for as long as it is needed: starts its {@link NetworkDaemons},
 * restarts a switch or router that dies (and plugs the guests in again through {@link Replug}),
 * reports all of it in the network's state file, and stops the processes when the last guest that
 * uses the network has ended (unless the user started the network on its own). It runs wherever
 * the network's processes are hosted: today in a keeper process of the network's own
 * ({@link KeeperMain}).
 *
 * <p>Threading: every method runs on the owner's single thread; process ends arrive through the
 * {@code serial} executor given to the constructor, which must be that thread.
 */
public final class NetworkKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkKeeper.class);
    /** More switch deaths than this within {@link #CRASH_WINDOW} and the keeper gives up. */
    static final int MAX_RESTARTS = 3;
    static final Duration CRASH_WINDOW = Duration.ofMinutes(1);

    private final Network network;
    private final NetworkPaths paths;
    private final Replug replug;
    private final Clock clock;
    private final NetworkDaemons daemons;
    private final Deque<Instant> recentRestarts = new ArrayDeque<>();
    private NetworkState state;

    public NetworkKeeper(Network network, NetworkPaths paths, ProcessHost host, Replug replug, Clock clock,
                         Executor serial) {
        this.network = network;
        this.paths = paths;
        this.replug = replug;
        this.clock = clock;
        this.daemons = new NetworkDaemons(network, paths, host,
                (what, status) -> serial.execute(() -> ended(what, status)));
        this.state = new NetworkState(Phase.STARTING, clock.instant(), "", OptionalLong.of(ProcessHandle.current()
                .pid()), OptionalLong.empty(), OptionalLong.empty(), 0, NetworkState.read(paths.stateFile(
                network.name())).map(NetworkState::events).orElse(List.of()));
    }

    public NetworkState state() {
        return state;
    }

    /** Starts the processes; on failure the state says why and the exception too. */
    public void start() throws NetworkException, InterruptedException {
        publish(state.with(Phase.STARTING, clock.instant(), ""));
        try {
            daemons.start();
        } catch (NetworkException e) {
            publish(state.with(Phase.FAILED, clock.instant(), e.getMessage()).withEvent(clock.instant(),
                    "could not start: " + e.getMessage()));
            throw e;
        }
        publish(state.with(Phase.RUNNING, clock.instant(), "").withPids(pid(daemons.switchPid()),
                pid(daemons.natPid())).withEvent(clock.instant(), "started"));
    }

    /**
     * Whether the network is still needed: it is pinned ({@code network start}), or a registered
     * guest runs or is starting. Registrations of guests that ended are removed on the way.
     */
    public boolean needed() {
        if (!state.phase().active()) {
            return false;
        }
        if (state.phase() == Phase.RUNNING && !Files.exists(paths.switchDir(network.name()).resolve("ctl"))) {
            // Someone removed the socket directory: guests can no longer plug in, so start over.
            restart("the switch's socket directory " + paths.switchDir(network.name()) + " vanished");
        }
        NetworkCapture.undoAbandoned(paths, network.name());
        return Files.exists(pinFile(paths, network.name())) || !activeGuests().isEmpty();
    }

    /** The registered guests that run or are starting; the files of ended ones are removed. */
    public List<GuestRegistration> activeGuests() {
        return activeGuests(paths, network.name(), clock.instant(), true);
    }

    static List<GuestRegistration> activeGuests(NetworkPaths paths, String network, Instant now, boolean prune) {
        List<GuestRegistration> active = new ArrayList<>();
        Path dir = paths.guestsDir(network);
        if (!Files.isDirectory(dir)) {
            return active;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> !p.getFileName().toString()
                .startsWith("."))) {
            for (Path file : files) {
                var guest = GuestRegistration.read(file);
                if (guest.isPresent() && guest.get().active(now)) {
                    GuestRegistration g = guest.get();
                    // Remember the pid while the kernel's pid file shows it: the kernel removes the file when
                    // it ends, and a registration without a known pid counts as a guest still starting.
                    if (prune && g.pid().isEmpty() && g.pidFile().isPresent()) {
                        g = g.withPid(g.pidFile().get());
                        g.write(file);
                    }
                    active.add(g);
                } else if (prune) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read the guests of network {}: {}", network, e.getMessage());
        }
        return active;
    }

    /** Stops the processes and removes what they leave; the state keeps {@code reason} and the events. */
    public void stop(String reason) throws InterruptedException {
        if (state.phase() == Phase.STOPPED) {
            return;
        }
        publish(state.with(Phase.STOPPING, clock.instant(), reason));
        daemons.stop();
        try {
            deleteTree(paths.guestsDir(network.name()));
            Files.deleteIfExists(pinFile(paths, network.name()));
        } catch (IOException e) {
            LOG.warn("could not clean up network {}: {}", network.name(), e.getMessage());
        }
        publish(state.with(Phase.STOPPED, clock.instant(), reason).withPids(OptionalLong.empty(),
                OptionalLong.empty()).withEvent(clock.instant(), "stopped: " + reason));
    }

    /** A process ended without being asked to: restart it, and plug the guests in again after a switch. */
    private void ended(String what, int status) {
        if (!state.phase().active()) {
            return;
        }
        Instant now = clock.instant();
        String how = status > 128 && status < 160 ? "killed by signal " + (status - 128) : "exit status " + status;
        try {
            if (what.equals(NetworkDaemons.NAT) && daemons.switchPid().isPresent()) {
                publish(state.withEvent(now, "the NAT router ended unexpectedly (" + how + "); restarting it"));
                daemons.restartRouter();
                publish(state.withPids(pid(daemons.switchPid()), pid(daemons.natPid())).withEvent(clock.instant(),
                        "the NAT router runs again; guests stay connected"));
                return;
            }
            restart("the switch ended unexpectedly (" + how + ")");
        } catch (NetworkException e) {
            publish(state.with(Phase.FAILED, clock.instant(), e.getMessage()).withPids(OptionalLong.empty(),
                    OptionalLong.empty()).withEvent(clock.instant(), "could not restart: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the switch (and router) again and plugs the guests in again; gives up after too many restarts. */
    private void restart(String why) {
        Instant now = clock.instant();
        try {
            recentRestarts.addLast(now);
            while (!recentRestarts.isEmpty() && recentRestarts.peekFirst().isBefore(now.minus(CRASH_WINDOW))) {
                recentRestarts.removeFirst();
            }
            if (recentRestarts.size() > MAX_RESTARTS) {
                String failed = "the switch had to be restarted " + recentRestarts.size() + " times within a minute"
                        + " (last: " + why + "); not restarted again. Check " + paths.log(network.name(),
                        NetworkDaemons.SWITCH);
                daemons.stop();
                publish(state.with(Phase.FAILED, clock.instant(), failed).withPids(OptionalLong.empty(),
                        OptionalLong.empty()).withEvent(clock.instant(), failed));
                return;
            }
            publish(state.with(Phase.RESTARTING, now, why).withRestart().withEvent(now, why + "; restarting it"));
            daemons.stop();
            daemons.start();
            publish(state.withPids(pid(daemons.switchPid()), pid(daemons.natPid())).withEvent(clock.instant(),
                    "the switch runs again"));
            for (GuestRegistration guest : activeGuests()) {
                Replug.Outcome outcome = replug.replug(guest);
                publish(state.withEvent(clock.instant(), outcome.text()));
            }
            publish(state.with(Phase.RUNNING, clock.instant(), ""));
        } catch (NetworkException e) {
            publish(state.with(Phase.FAILED, clock.instant(), e.getMessage()).withPids(OptionalLong.empty(),
                    OptionalLong.empty()).withEvent(clock.instant(), "could not restart: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(NetworkState next) {
        state = next;
        try {
            next.write(paths.stateFile(network.name()));
        } catch (IOException e) {
            LOG.warn("cannot write the state of network {}: {}", network.name(), e.getMessage());
        }
    }

    static Path pinFile(NetworkPaths paths, String network) {
        return paths.dir(network).resolve("pinned");
    }

    private static OptionalLong pid(java.util.Optional<Long> pid) {
        return pid.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
