package org.umlmanager.network;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.host.ProcStat;
import org.umlmanager.model.Network;

/**
 * {@link NetworkOwner} over keeper processes, one per running network ({@link KeeperMain}): a small
 * JVM from this program's class path, detached (started through a shell that exits at once, so it
 * is nobody's child and goes to the nearest subreaper or init, like the supervisor started by the
 * CLI), its output in {@code NAME/keeper.log}. It is found again by its lock ({@link KeeperLock})
 * and its state file, and stopped with SIGTERM. Thread-safe.
 */
public final class KeeperNetworks implements NetworkOwner {

    private static final Logger LOG = LoggerFactory.getLogger(KeeperNetworks.class);
    private static final String MAIN = KeeperMain.class.getName();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx32m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto",
            "-Dorg.slf4j.simpleLogger.showDateTime=true");
    private static final List<String> INHERITED_PROPERTIES = List.of("org.slf4j.simpleLogger.defaultLogLevel",
            "jna.tmpdir", "java.io.tmpdir");
    private static final String DETACH = "log=$1; shift; \"$@\" </dev/null >>\"$log\" 2>&1 & echo $!";

    private final NetworkPaths paths;
    private final String classPath;
    private final Clock clock;

    public KeeperNetworks(NetworkPaths paths, String classPath) {
        this(paths, classPath, Clock.systemUTC());
    }

    KeeperNetworks(NetworkPaths paths, String classPath, Clock clock) {
        this.paths = paths;
        this.classPath = classPath;
        this.clock = clock;
    }

    /** Keepers from this JVM's class path ({@code umlmanager.supervisor.classpath} overrides it, as for the supervisor). */
    public static KeeperNetworks forThisJvm(NetworkPaths paths) {
        return new KeeperNetworks(paths, System.getProperty("umlmanager.supervisor.classpath",
                System.getProperty("java.class.path")));
    }

    public NetworkPaths paths() {
        return paths;
    }

    @Override
    public NetworkStatus start(Network network, boolean pin) throws NetworkException, InterruptedException {
        return ensure(network, Optional.empty(), pin);
    }

    @Override
    public NetworkStatus attach(Network network, GuestRegistration guest) throws NetworkException,
            InterruptedException {
        return ensure(network, Optional.of(guest), false);
    }

    private NetworkStatus ensure(Network network, Optional<GuestRegistration> guest, boolean pin)
            throws NetworkException, InterruptedException {
        String name = network.name();
        if (network instanceof Network.HostDevice) {
            throw new NetworkException("network '" + name + "' is a host device: it has no processes to start", true);
        }
        Optional<String> tooLong = paths.socketPathProblem(name);
        if (tooLong.isPresent()) {
            throw new NetworkException(tooLong.get(), true);
        }
        try (NetworksLock lock = NetworksLock.acquire(paths)) {
            Path dir = paths.dir(name);
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Files.createDirectories(paths.guestsDir(name));
            if (guest.isPresent()) {
                guest.get().write(paths.guestsDir(name).resolve(guest.get().instance()));
            }
            if (pin) {
                Files.writeString(NetworkKeeper.pinFile(paths, name), "");
            }
            if (!KeeperLock.held(paths, name)) {
                NetworkSettingsFile.write(dir.resolve("network.properties"), network);
                launchAndAwait(name);
            }
        } catch (IOException e) {
            throw new NetworkException("could not start network '" + name + "': " + e.getMessage(), false, e);
        } catch (NetworkException | InterruptedException | RuntimeException e) {
            guest.ifPresent(g -> detach(name, g.instance()));
            throw e;
        }
        return status(name);
    }

    @Override
    public void detach(String network, String instance) {
        try {
            Files.deleteIfExists(paths.guestsDir(network).resolve(instance));
        } catch (IOException e) {
            LOG.warn("could not unregister {} from network {}: {}", instance, network, e.getMessage());
        }
    }

    @Override
    public void stop(String name) throws NetworkException, InterruptedException {
        long pid;
        try (NetworksLock lock = NetworksLock.acquire(paths)) {
            List<GuestRegistration> guests = NetworkKeeper.activeGuests(paths, name, clock.instant(), false);
            if (!guests.isEmpty()) {
                throw new NetworkException("network '" + name + "' is used by running guests ("
                        + String.join(", ", guests.stream().map(GuestRegistration::instance).toList())
                        + "); stop them first, or they lose their connection", true);
            }
            Files.deleteIfExists(NetworkKeeper.pinFile(paths, name));
            if (!KeeperLock.held(paths, name)) {
                return;
            }
            pid = keeperPid(name).orElseThrow(() -> new NetworkException("network '" + name + "' runs but its"
                    + " keeper's pid file " + paths.keeperPidFile(name) + " is missing; it stops with its last guest",
                    false));
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (IOException e) {
            throw new NetworkException("could not stop network '" + name + "': " + e.getMessage(), false, e);
        }
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (KeeperLock.held(paths, name)) {
            if (System.nanoTime() > deadline) {
                throw new NetworkException("network '" + name + "' did not stop within " + STOP_TIMEOUT.toSeconds()
                        + " s; its keeper is pid " + pid + " (log: " + paths.log(name, "keeper") + ")", false);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public NetworkStatus status(String name) {
        boolean running = KeeperLock.held(paths, name);
        return new NetworkStatus(name, running, Files.exists(NetworkKeeper.pinFile(paths, name)),
                NetworkState.read(paths.stateFile(name)),
                running ? NetworkKeeper.activeGuests(paths, name, clock.instant(), false) : List.of(),
                paths.switchDir(name));
    }

    private Optional<Long> keeperPid(String name) {
        try {
            return Optional.of(Long.parseLong(Files.readString(paths.keeperPidFile(name)).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void launchAndAwait(String name) throws NetworkException, InterruptedException, IOException {
        Path log = paths.log(name, "keeper");
        long pid = launch(paths.dir(name), log);
        LOG.debug("keeper of network {} started as pid {}", name, pid);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            Optional<NetworkState> state = NetworkState.read(paths.stateFile(name))
                    .filter(s -> s.keeper().isPresent() && s.keeper().getAsLong() == pid);
            if (state.isPresent() && state.get().phase() == NetworkState.Phase.RUNNING) {
                return;
            }
            if (state.isPresent() && state.get().phase() == NetworkState.Phase.FAILED) {
                // Its keeper exits right after; wait, so that whoever looks next finds the network stopped.
                long exitBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (ProcStat.alive(pid) && System.nanoTime() < exitBy) {
                    Thread.sleep(20);
                }
                throw new NetworkException(state.get().reason(), reasonIsUsers(state.get().reason()));
            }
            if (!ProcStat.alive(pid)) {
                // It may have written why it failed just before it ended.
                Optional<NetworkState> last = NetworkState.read(paths.stateFile(name))
                        .filter(s -> s.keeper().isPresent() && s.keeper().getAsLong() == pid
                                && s.phase() == NetworkState.Phase.FAILED);
                if (last.isPresent()) {
                    throw new NetworkException(last.get().reason(), reasonIsUsers(last.get().reason()));
                }
                throw new NetworkException("the keeper of network '" + name + "' ended before the network was up: "
                        + NetworkDaemons.tail(log), false);
            }
            if (System.nanoTime() > deadline) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                throw new NetworkException("network '" + name + "' did not start within "
                        + START_TIMEOUT.toSeconds() + " s: " + NetworkDaemons.tail(log), false);
            }
            Thread.sleep(20);
        }
    }

    /** A keeper's start failure is the user's to fix when it names a package to install or a port in use. */
    private static boolean reasonIsUsers(String reason) {
        return reason.contains("apt-get install") || reason.contains("cannot be opened")
                || reason.contains("XDG_RUNTIME_DIR");
    }

    /** Starts a keeper as an orphan: a shell runs it in the background, prints its pid and exits. */
    private long launch(Path dir, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", DETACH, "sh", log.toString()));
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                command.add(candidate);
                break;
            }
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        Map<String, String> settings = new TreeMap<>();
        for (String key : INHERITED_PROPERTIES) {
            String value = System.getProperty(key);
            if (value != null) {
                settings.put(key, value);
            }
        }
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(classPath);
        command.add(MAIN);
        command.add(dir.toString());
        Process starter = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        String printed = new String(starter.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        if (!starter.waitFor(30, TimeUnit.SECONDS)) {
            starter.destroyForcibly();
            throw new IOException("the shell starting the network's keeper did not exit");
        }
        try {
            return Long.parseLong(printed);
        } catch (NumberFormatException e) {
            throw new IOException("the network's keeper could not be started (shell said '" + printed + "')");
        }
    }
}
