package org.umlmanager.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.launch.ConsoleLogs;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.Instance;
import org.umlmanager.testing.BusyboxImage;

/**
 * A chatty guest's console log stays bounded: with an 8 KiB limit, the 60 KB a guest prints at
 * boot end up as the current file and two rotated ones, none past the limit, and the log read
 * back across them ends with the newest output, unbroken. (A console is slow, some 10 KB/s on a
 * loaded machine, hence the small amounts.)
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConsoleLogRotationTest {

    private static final int LIMIT = 8 * 1024;
    private static final int COUNT = 8_000;

    @Test
    void aChattyGuestsLogIsRotatedAndReadBackWhole() throws Exception {
        String init = BusyboxImage.DEFAULT_INIT.replace("echo " + BusyboxImage.READY_MARKER,
                "seq 1 " + COUNT + "\necho " + BusyboxImage.READY_MARKER);
        ExecutorService work = Executors.newCachedThreadPool();
        ExecutorService events = Executors.newSingleThreadExecutor();
        try (GuestFixture f = GuestFixture.create(init)) {
            SupervisorLauncher launcher = SupervisorLauncher.forThisJvm(f.layout())
                    .withProperty(ConsoleLogs.MAX_BYTES_PROPERTY, Integer.toString(LIMIT));
            Instance chatty = f.instance("chatty").build();
            Path logs = f.paths().logsDir().resolve("chatty");
            try (RuntimeService runtime = new RuntimeService(f.layout(), launcher, () -> List.of(chatty), work,
                    events)) {
                runtime.start(chatty).get(60, TimeUnit.SECONDS);
                f.trackSession("chatty");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                String text;
                while (!(text = read(logs)).contains(BusyboxImage.READY_MARKER)) {
                    String tail = text.substring(Math.max(0, text.length() - 200));
                    assertThat(System.nanoTime()).as("the guest finishes printing; so far:%n%s", tail)
                            .isLessThan(deadline);
                    Thread.sleep(100);
                }
                runtime.stop("chatty", StopMode.FORCE, s -> { }).get(30, TimeUnit.SECONDS);
            }
            List<Path> files = ConsoleLogs.files(logs, "con0");
            assertThat(files).hasSize(ConsoleLogs.KEPT + 1);
            try (var all = Files.list(logs)) {
                assertThat(all).as("nothing else in the log directory").hasSize(ConsoleLogs.KEPT + 1);
            }
            for (Path file : files) {
                assertThat(Files.size(file)).as(file.toString()).isLessThanOrEqualTo(LIMIT);
            }
            // The oldest kept file may begin in the middle of a line: its first number is left out.
            List<Integer> numbers = read(logs).lines().map(String::strip).filter(l -> l.matches("\\d+"))
                    .map(Integer::valueOf).skip(1).toList();
            assertThat(numbers.get(numbers.size() - 1)).isEqualTo(COUNT);
            assertThat(numbers.size()).as("most of the kept ~24 KB").isGreaterThan(2 * LIMIT / 8);
            for (int i = 1; i < numbers.size(); i++) {
                assertThat(numbers.get(i)).as("after %d", numbers.get(i - 1)).isEqualTo(numbers.get(i - 1) + 1);
            }
        } finally {
            work.shutdownNow();
            events.shutdownNow();
        }
    }

    private static String read(Path logs) throws Exception {
        try (InputStream in = ConsoleLogs.open(logs, "con0")) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
