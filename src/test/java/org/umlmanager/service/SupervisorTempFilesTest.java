package org.umlmanager.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.launch.SessionFile;
import org.umlmanager.launch.SessionPaths;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;

/**
 * A guest started and stopped twice (each time under a supervisor that exits once idle) leaves
 * nothing in the supervisor's temporary directory, and pty4j's native library is unpacked once into
 * the cache directory and used from there.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SupervisorTempFilesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void startAndStopLeaveNoTemporaryFiles() throws Exception {
        ExecutorService work = Executors.newCachedThreadPool();
        ExecutorService events = Executors.newSingleThreadExecutor();
        try (GuestFixture f = GuestFixture.create()) {
            Path tmp = Files.createDirectory(f.dir().resolve("tmp"));
            Path cache = f.dir().resolve("cache");
            // Fresh directories, and no folder this test JVM may have prepared already.
            SupervisorLauncher launcher = SupervisorLauncher.forThisJvm(f.layout())
                    .withProperty("pty4j.preferred.native.folder", "")
                    .withProperty("java.io.tmpdir", tmp.toString())
                    .withProperty("pty4j.tmpdir", cache.resolve("pty4j").toString())
                    .withProperty("jna.tmpdir", cache.resolve("jna").toString())
                    .withProperty("umlmanager.supervisor.idle", "PT1S");
            Instance instance = f.instance("tmpfiles").build();
            List<Instance> instances = new CopyOnWriteArrayList<>(List.of(instance));
            try (RuntimeService runtime = new RuntimeService(f.layout(), launcher, () -> instances, work, events)) {
                startAndStop(f, runtime, instance);
                assertThat(leaves(tmp)).as("left in the supervisor's java.io.tmpdir").isEmpty();
                List<Path> unpacked = leaves(cache.resolve("pty4j"));
                assertThat(unpacked).as("pty4j's library, unpacked once").singleElement()
                        .satisfies(p -> assertThat(p.toString()).matches(".*/pty4j-[0-9a-f]{16}/linux/[^/]+/libpty\\.so"));
                FileTime unpackedAt = Files.getLastModifiedTime(unpacked.get(0));
                startAndStop(f, runtime, instance);
                assertThat(leaves(cache.resolve("pty4j"))).isEqualTo(unpacked);
                assertThat(Files.getLastModifiedTime(unpacked.get(0))).as("not unpacked again").isEqualTo(unpackedAt);
            }
            assertThat(leaves(tmp)).as("left in the supervisor's java.io.tmpdir").isEmpty();
            assertThat(leaves(cache.resolve("jna"))).as("left by JNA").isEmpty();
        } finally {
            work.shutdownNow();
            events.shutdownNow();
        }
    }

    /** Starts the guest, stops it, and waits for its supervisor to exit (exit-time clean-up included). */
    private static void startAndStop(GuestFixture f, RuntimeService runtime, Instance instance) throws Exception {
        runtime.start(instance).get(60, TimeUnit.SECONDS);
        f.trackSession(instance.name());
        runtime.whenRunning(instance.name()).get(60, TimeUnit.SECONDS);
        long supervisor = SessionFile.read(SessionPaths.of(f.layout().sessionsDir(), instance.name()).sessionFile())
                .orElseThrow().snapshot().holderPid();
        assertThat(runtime.stop(instance.name(), StopMode.FORCE, s -> { }).get(30, TimeUnit.SECONDS).state())
                .isEqualTo(InstanceState.STOPPED);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (ProcessHandle.of(supervisor).map(ProcessHandle::isAlive).orElse(false)) {
            assertThat(System.nanoTime()).as("supervisor %d exits", supervisor).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The files and empty directories under {@code dir}: what anyone left there. */
    private static List<Path> leaves(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).sorted().filter(p -> !Files.isDirectory(p)
                    || p.toFile().list().length == 0).toList();
        }
    }
}
