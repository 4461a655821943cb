package org.umlmanager.launch.holder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.launch.ConsoleLogs;

/** Console logs are rotated at their size limit and read back whole, also while they rotate. */
class LogAppenderTest {

    private static final int RECORD = 7;

    @TempDir
    Path dir;

    @Test
    void rotatesAtTheLimitAndKeepsTheNewestOutput() throws Exception {
        Path log = ConsoleLogs.current(dir, "con0");
        try (LogAppender appender = new LogAppender(10 * RECORD)) {
            for (int i = 1; i <= 100; i++) {
                appender.append(log, record(i));
            }
        }
        assertThat(ConsoleLogs.files(dir, "con0")).containsExactly(ConsoleLogs.rotated(log, 2),
                ConsoleLogs.rotated(log, 1), log);
        try (var all = Files.list(dir)) {
            assertThat(all).hasSize(ConsoleLogs.KEPT + 1);
        }
        for (Path f : ConsoleLogs.files(dir, "con0")) {
            assertThat(Files.size(f)).isLessThanOrEqualTo(10 * RECORD);
        }
        assertThat(records(read())).as("the newest 30 records, in order").isEqualTo(range(71, 100));
    }

    @Test
    void aLogLeftByAnEarlierHolderIsContinuedAndRotated() throws Exception {
        Path log = ConsoleLogs.current(dir, "con0");
        Files.write(log, (new String(record(1), StandardCharsets.US_ASCII) + new String(record(2),
                StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII));
        try (LogAppender appender = new LogAppender(3 * RECORD)) {
            appender.append(log, record(3));
            appender.append(log, record(4));
        }
        assertThat(Files.readString(ConsoleLogs.rotated(log, 1))).isEqualTo("000001\n000002\n000003\n");
        assertThat(Files.readString(log)).isEqualTo("000004\n");
    }

    @Test
    void aChunkLargerThanTheLimitStillGoesWhole() throws Exception {
        Path log = ConsoleLogs.current(dir, "con0");
        byte[] big = "x".repeat(50).getBytes(StandardCharsets.US_ASCII);
        try (LogAppender appender = new LogAppender(20)) {
            appender.append(log, record(1));
            appender.append(log, big);
        }
        assertThat(Files.readAllBytes(log)).isEqualTo(big);
        assertThat(Files.readString(ConsoleLogs.rotated(log, 1))).isEqualTo("000001\n");
    }

    @Test
    void readersSeeNoGapOrRepeatWhileTheLogRotates() throws Exception {
        Path log = ConsoleLogs.current(dir, "con0");
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try (LogAppender appender = new LogAppender(200 * RECORD)) {
            List<Future<Integer>> reads = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                reads.add(readers.submit(() -> {
                    int checked = 0;
                    while (writing.get()) {
                        List<Integer> seen = records(read());
                        for (int i = 1; i < seen.size(); i++) {
                            assertThat(seen.get(i)).as("record after %d", seen.get(i - 1)).isEqualTo(seen.get(i - 1) + 1);
                        }
                        checked++;
                    }
                    return checked;
                }));
            }
            for (int i = 1; i <= 20_000; i++) {
                appender.append(log, record(i));
                if (i % 50 == 0) {
                    Thread.sleep(0, 200_000);
                }
            }
            Thread.sleep(200);
            writing.set(false);
            for (Future<Integer> f : reads) {
                assertThat(f.get()).isPositive();
            }
        } finally {
            readers.shutdownNow();
        }
        assertThat(records(read())).endsWith(20_000);
    }

    private byte[] read() throws Exception {
        try (InputStream in = ConsoleLogs.open(dir, "con0")) {
            return in.readAllBytes();
        }
    }

    private static byte[] record(int i) {
        return "%06d\n".formatted(i).getBytes(StandardCharsets.US_ASCII);
    }

    /** The records of a log; a partly written last record (appended while read) is left out. */
    private static List<Integer> records(byte[] log) {
        List<Integer> numbers = new ArrayList<>();
        for (int at = 0; at + RECORD <= log.length; at += RECORD) {
            numbers.add(Integer.parseInt(new String(log, at, RECORD - 1, StandardCharsets.US_ASCII)));
        }
        return numbers;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
