package org.umlmanager.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.umlmanager.launch.GuestFixture;

/**
 * Running networks for a test, under a short temporary runtime directory, with everything they
 * started collected at the end also when the test failed: each network is stopped through its
 * keeper (which stops its switch and router), then the keeper and every process it reported are
 * awaited and, as this JVM is a subreaper meanwhile, collected, so that no process or zombie is
 * left. Never by name.
 */
public final class NetworkFixture implements AutoCloseable {

    private final Path dir;
    private final NetworkPaths paths;
    private final KeeperNetworks owner;
    private final AutoCloseable subreaper;
    private final Set<String> networks = new LinkedHashSet<>();

    public NetworkFixture() throws IOException {
        this(Files.createTempDirectory(Path.of("/tmp"), "nw"));
    }

    /** Networks under {@code runtime}/networks (for tests that share a runtime directory with guests). */
    public NetworkFixture(Path runtime) {
        this.dir = runtime;
        this.paths = new NetworkPaths(runtime.resolve("networks"));
        this.owner = KeeperNetworks.forThisJvm(paths);
        this.subreaper = GuestFixture.subreaperScope();
    }

    public NetworkPaths paths() {
        return paths;
    }

    public KeeperNetworks owner() {
        return owner;
    }

    /** Remembers a network to stop at the end (every network started through the fixture's owner counts). */
    public void track(String network) {
        networks.add(network);
    }

    /** Waits up to {@code limit} for {@code condition}, checking every 20 ms. */
    public static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Every pid the keeper of {@code network} reported, and the keeper's own. */
    List<Long> pids(String network) {
        List<Long> pids = new ArrayList<>();
        NetworkState.read(paths.stateFile(network)).ifPresent(s -> {
            s.keeper().ifPresent(pids::add);
            s.switchPid().ifPresent(pids::add);
            s.natPid().ifPresent(pids::add);
        });
        return pids;
    }

    @Override
    public void close() throws Exception {
        List<String> problems = new ArrayList<>();
        try {
            for (String network : networks) {
                List<Long> pids = pids(network);
                try {
                    NetworkKeeper.deleteTree(paths.guestsDir(network));
                    owner.stop(network);
                } catch (Exception e) {
                    problems.add(network + ": " + e.getMessage());
                    pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                }
                for (long pid : pids) {
                    try {
                        GuestFixture.collectOrphan(pid);
                    } catch (IllegalStateException e) {
                        problems.add(e.getMessage());
                    }
                }
            }
        } finally {
            subreaper.close();
            if (dir.getFileName().toString().startsWith("nw")) {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }
}
