package org.umlmanager.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.model.Instance;

/** Writers racing each other, readers racing writers, and writers killed mid-write. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StoreConcurrencyTest {

    @TempDir
    Path dir;

    /** Large notes make each write take long enough for readers and kills to land inside it. */
    static String notes(String tag) {
        return tag + "\n" + "x".repeat(256 * 1024);
    }

    @Test
    void concurrentWritersNeverLeaveATornFileForReaders() throws Exception {
        InstanceStore first = new InstanceStore(dir);
        InstanceStore second = new InstanceStore(dir);
        Instance base = SampleInstances.full("vm");
        first.create(base);
        Path file = first.fileOf("vm");
        ConcurrentHashMap<String, Boolean> written = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                InstanceStore store = w % 2 == 0 ? first : second;
                String writer = "writer-" + w;
                writers.add(pool.submit(() -> {
                    for (int k = 0; k < 15; k++) {
                        String tag = writer + "-" + k;
                        written.put(tag, true);
                        store.update(base.toBuilder().notes(notes(tag)).build());
                    }
                    return null;
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                int reads = 0;
                while (writing.get()) {
                    Decoded<Instance> decoded = InstanceCodec.decode(Files.readAllBytes(file), "vm");
                    assertThat(decoded).isInstanceOf(Decoded.Readable.class);
                    reads++;
                }
                return reads;
            });
            for (Future<?> w : writers) {
                w.get();
            }
            writing.set(false);
            assertThat(reader.get()).isPositive();
        } finally {
            pool.shutdownNow();
        }

        LoadReport report = new InstanceStore(dir).loadAll();
        assertThat(report.problems()).isEmpty();
        String tag = report.instances().get(0).notes().lines().findFirst().orElseThrow();
        assertThat(written).containsKey(tag);
        assertThat(temporaryFiles()).isEmpty();
    }

    /**
     * The writer is frozen (SIGSTOP) until it is caught with its temporary file open, then killed
     * with SIGKILL: a crash in the middle of a write, every time, not by luck.
     */
    @Test
    void aWriterKilledMidWriteLeavesTheOldOrTheNewFileNeverAMix() throws Exception {
        InstanceStore store = new InstanceStore(dir);
        Instance base = SampleInstances.full("vm");
        store.create(base.toBuilder().notes(notes("generation-0")).build());
        for (int round = 0; round < 2; round++) {
            Process writer = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    CrashingWriter.class.getName(), dir.toString(), "vm")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("writer.log").toFile()).start();
            List<Path> leftovers;
            try {
                long startGeneration = generation(store);
                while (generation(store) < startGeneration + 3) {
                    assertThat(writer.isAlive()).as("writer died; see writer.log").isTrue();
                    Thread.sleep(5);
                }
                leftovers = freezeMidWrite(writer);
            } finally {
                writer.destroyForcibly();
                writer.waitFor();
            }
            assertThat(leftovers).as("the writer was caught mid-write").isNotEmpty();

            LoadReport report = store.loadAll();

            assertThat(report.problems()).isEmpty();
            Instance survivor = report.instances().get(0);
            assertThat(survivor.toBuilder().notes("").build()).isEqualTo(base.toBuilder().notes("").build());
            assertThat(survivor.notes()).isEqualTo(notes("generation-" + generation(survivor)));
            assertThat(temporaryFiles()).isEmpty();
        }
    }

    /** Stops the process at random moments until one finds a temporary file; returns those files. */
    private List<Path> freezeMidWrite(Process writer) throws Exception {
        for (int attempt = 0; attempt < 5000; attempt++) {
            signal(writer, "-STOP");
            List<Path> temps = temporaryFiles();
            if (!temps.isEmpty()) {
                return temps;
            }
            signal(writer, "-CONT");
            Thread.sleep(ThreadLocalRandom.current().nextInt(3));
        }
        return List.of();
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    private static long generation(InstanceStore store) throws StoreException {
        return generation(store.load("vm"));
    }

    private static long generation(Instance instance) {
        String first = instance.notes().lines().findFirst().orElseThrow();
        return Long.parseLong(first.substring("generation-".length()));
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> AtomicFiles.isTemporary(p.getFileName().toString())).toList();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }
}
