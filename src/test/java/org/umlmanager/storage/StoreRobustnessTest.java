package org.umlmanager.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.model.Instance;
import org.umlmanager.storage.StoreException.Reason;

/**
 * No file in the store folder and no other process can make the store wait silently or run out
 * of memory: a FIFO, a device, a link out of the folder, a huge file, a stopped lock holder and
 * the leftovers of killed writers. Each test has a time limit: a hang is a failure, not a wait.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StoreRobustnessTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);

    @TempDir
    Path root;
    Path dir;
    InstanceStore store;

    @BeforeEach
    void setUp() throws Exception {
        dir = root.resolve("instances");
        store = new InstanceStore(dir, CLOCK, Duration.ofSeconds(2));
        store.create(SampleInstances.minimal("good"));
    }

    @Test
    void aFifoNamedLikeAnInstanceIsReportedNeverOpenedAndKeepsBeingReported() throws Exception {
        Path fifo = dir.resolve("v.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();

        for (int run = 0; run < 2; run++) {
            LoadReport report = store.loadAll();
            assertThat(report.instances()).extracting(Instance::name).containsExactly("good");
            assertThat(report.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(fifo);
                assertThat(p.message()).contains("a FIFO (named pipe)").contains("nothing was read");
                assertThat(p.movedTo()).isEmpty();
            });
        }
        assertThatThrownBy(() -> store.load("v")).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE)).hasMessageContaining("is a FIFO");
        assertThatThrownBy(() -> store.update(SampleInstances.minimal("v"))).hasMessageContaining("is a FIFO");
        // Every other instance works as before, and the FIFO is left for the user to deal with.
        store.create(SampleInstances.full("other"));
        assertThat(store.load("other").name()).isEqualTo("other");
        assertThat(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther()).isTrue();
        store.delete("v");
        assertThat(fifo).doesNotExist();
    }

    @Test
    void linksOutOfTheFolderAreNotFollowedLinksInsideAreRead() throws Exception {
        Files.createSymbolicLink(dir.resolve("zero.json"), Path.of("/dev/zero"));
        Files.writeString(root.resolve("elsewhere.json"), "{}");
        Files.createSymbolicLink(dir.resolve("out.json"), root.resolve("elsewhere.json"));
        Files.createSymbolicLink(dir.resolve("dangling.json"), root.resolve("missing.json"));
        Files.createSymbolicLink(dir.resolve("alias.json"), Path.of("good.json"));

        LoadReport report = store.loadAll();

        assertThat(report.instances()).extracting(Instance::name).containsExactly("alias", "good");
        assertThat(messageFor(report, "zero.json")).contains("a symbolic link to /dev/zero, outside")
                .contains("not followed");
        assertThat(messageFor(report, "out.json")).contains("outside");
        assertThat(messageFor(report, "dangling.json")).contains("which does not exist");
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.movedTo()).isEmpty());
        assertThat(Files.readString(root.resolve("elsewhere.json"))).isEqualTo("{}");
    }

    @Test
    void aHugeFileIsNotReadButMovedAsideWithItsSizeAndKeepsBeingReported() throws Exception {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(150L * 1024 * 1024);
        }
        Path aside = dir.resolve("big.json.corrupt-20240506T070809Z");

        LoadReport report = store.loadAll();

        assertThat(report.instances()).extracting(Instance::name).containsExactly("good");
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("150 MiB").contains("1.0 MiB an instance file may have");
            assertThat(p.movedTo()).contains(aside);
        });
        assertThat(big).doesNotExist();
        assertThat(Files.size(aside)).isEqualTo(150L * 1024 * 1024);
        assertThat(store.loadAll().problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(aside);
            assertThat(p.message()).contains("moved aside earlier").contains("rename it back to big.json");
        });
        assertThatThrownBy(() -> store.load("big")).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_INSTANCE))
                .hasMessageContaining("moved aside to " + aside).hasMessageNotContaining("did you mean");
    }

    @Test
    void aFileJustOverTheLimitIsRefusedWhenShownToo() throws Exception {
        Files.write(dir.resolve("fat.json"), new byte[(int) DocumentFolder.MAX_DOCUMENT_BYTES + 1]);

        assertThatThrownBy(() -> store.load("fat")).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE))
                .hasMessageContaining("far over the 1.0 MiB").hasMessageContaining("moved aside to");
        assertThat(dir.resolve("fat.json.corrupt-20240506T070809Z")).exists();
    }

    @Test
    void temporaryFilesOfKilledWritersAreTidiedByEveryOperation() throws Exception {
        for (String operation : new String[] {"show", "import", "delete", "update", "list"}) {
            Path leftover = dir.resolve(".good.json.123456." + operation + ".tmp");
            Files.writeString(leftover, "half a docu");
            switch (operation) {
                case "show" -> store.load("good");
                case "import" -> store.create(SampleInstances.minimal("fresh"));
                case "delete" -> store.delete("fresh");
                case "update" -> store.update(SampleInstances.full("good"));
                default -> store.loadAll();
            }
            assertThat(leftover).as(operation).doesNotExist();
        }
    }

    @Test
    void aStoppedLockHolderIsNamedInsteadOfWaitedForForever() throws Exception {
        Process holder = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                LockHoldingProcess.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(holder.pid())).start().waitFor()).isZero();

            long started = System.nanoTime();
            assertThatThrownBy(() -> store.loadAll()).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.BUSY))
                    .hasMessageContaining("locked for more than 2 s")
                    .hasMessageContaining("process " + holder.pid() + " (")
                    .hasMessageContaining(LockHoldingProcess.class.getName())
                    .hasMessageContaining("it is stopped");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(2),
                    Duration.ofSeconds(30));
            assertThatThrownBy(() -> store.create(SampleInstances.minimal("blocked")))
                    .hasMessageContaining("process " + holder.pid());
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        // Its lock died with it.
        assertThat(store.loadAll().instances()).extracting(Instance::name).containsExactly("good");
    }

    private static String messageFor(LoadReport report, String fileName) {
        return report.problems().stream().filter(p -> p.file().getFileName().toString().equals(fileName))
                .map(LoadProblem::message).findFirst().orElseThrow();
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }
}
