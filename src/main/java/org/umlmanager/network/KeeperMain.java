package org.umlmanager.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.model.Network;

/**
 * The process that owns one running network for now: {@code java … KeeperMain NETWORK_DIR},
 * started detached by {@link KeeperNetworks}. It holds the network's {@link KeeperLock}, runs a
 * {@link NetworkKeeper} over its own children, and exits when the network is no longer needed or on
 * SIGTERM ({@code network stop}), after stopping the processes. Exit status 0, or 1 when the network
 * could not be started (the state file says why).
 */
public final class KeeperMain {

    private static final Logger LOG = LoggerFactory.getLogger(KeeperMain.class);
    /** How often the keeper looks whether its guests still run. */
    private static final long CHECK_MILLIS = 500;

    private KeeperMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        NetworkPaths paths = new NetworkPaths(dir.getParent());
        String name = dir.getFileName().toString();
        Optional<KeeperLock> lock = KeeperLock.tryAcquire(paths, name);
        if (lock.isEmpty()) {
            LOG.info("network {} already has a keeper", name);
            return;
        }
        Network network = NetworkSettingsFile.read(dir.resolve("network.properties"))
                .orElseThrow(() -> new IllegalStateException("no readable settings in " + dir));
        Files.writeString(paths.keeperPidFile(name), ProcessHandle.current().pid() + "\n");
        ExecutorService serial = Executors.newSingleThreadExecutor(r -> new Thread(r, "keeper-" + name));
        NetworkKeeper keeper = new NetworkKeeper(network, paths, new ChildProcesses(),
                new MconsoleReplug(Optional.of(new AgentShell())), Clock.systemUTC(), serial);
        int status = run(keeper, paths, name, serial);
        Files.deleteIfExists(paths.keeperPidFile(name));
        lock.get().close();
        System.exit(status);
    }

    private static int run(NetworkKeeper keeper, NetworkPaths paths, String name, ExecutorService serial)
            throws Exception {
        try {
            serial.submit(() -> {
                keeper.start();
                return null;
            }).get();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.error("network {} did not start: {}", name, e.getCause().getMessage());
            serial.shutdown();
            return 1;
        }
        Object lockIdentity = identity(KeeperLock.file(paths, name));
        Thread hook = new Thread(() -> {
            stopOn(serial, keeper, "stopped on request");
            try {
                Files.deleteIfExists(paths.keeperPidFile(name));
            } catch (java.io.IOException e) {
                LOG.warn("cannot remove {}: {}", paths.keeperPidFile(name), e.getMessage());
            }
        }, "keeper-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        while (true) {
            Thread.sleep(CHECK_MILLIS);
            boolean stop;
            // The decision and the stop happen under the networks lock, so that no program registers a
            // guest with a network that is about to stop.
            if (!lockIdentity.equals(identity(KeeperLock.file(paths, name)))) {
                // The runtime directory was removed under us: no program can find this keeper any more, and
                // one may start another. Stop rather than run a second switch for the same network.
                stopOn(serial, keeper, "its runtime directory " + paths.dir(name) + " vanished");
                stop = true;
            } else {
                try (NetworksLock guard = NetworksLock.acquireExisting(paths)) {
                    stop = !serial.submit(keeper::needed).get();
                    if (stop) {
                        stopOn(serial, keeper, keeper.state().phase().active() ? "its last guest ended"
                                : keeper.state().reason());
                    }
                } catch (java.io.IOException e) {
                    stopOn(serial, keeper, "its runtime directory " + paths.root() + " cannot be used ("
                            + e.getMessage() + ")");
                    stop = true;
                }
            }
            if (stop) {
                Runtime.getRuntime().removeShutdownHook(hook);
                serial.shutdown();
                serial.awaitTermination(30, TimeUnit.SECONDS);
                return 0;
            }
        }
    }

    /** The file's identity (device and inode), or a marker when it is gone. */
    private static Object identity(Path file) {
        try {
            Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            return key == null ? "no key" : key;
        } catch (java.io.IOException e) {
            return "missing";
        }
    }

    private static void stopOn(ExecutorService serial, NetworkKeeper keeper, String reason) {
        try {
            serial.submit(() -> {
                keeper.stop(reason);
                return null;
            }).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("stopping failed: {}", e.getMessage());
        }
    }
}
