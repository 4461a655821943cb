package org.umlmanager.service;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.launch.ConsoleLogs;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.Instance;
import org.umlmanager.testing.BusyboxImage;

/**
 * A long burst of console output (1.3 MB from a command typed into a console whose window size was
 * set, as the desktop and {@code start --attach} do) arrives whole: UML's console driver stops
 * writing once the pty is full until an interrupt wakes it, and the holder wakes it (StallKick).
 * Without that the burst stopped for good (at 170,545 of 200,000 lines when this was written).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConsoleBurstTest {

    private static final int COUNT = 200_000;

    @Test
    void aLongBurstOfConsoleOutputIsNotLeftHalfWay() throws Exception {
        ExecutorService work = Executors.newCachedThreadPool();
        ExecutorService events = Executors.newSingleThreadExecutor();
        try (GuestFixture f = GuestFixture.create()) {
            Instance chatty = f.instance("burst").build();
            Path logs = f.paths().logsDir().resolve("burst");
            try (RuntimeService runtime = new RuntimeService(f.layout(),
                    SupervisorLauncher.forThisJvm(f.layout()), () -> List.of(chatty), work, events)) {
                runtime.start(chatty).get(60, TimeUnit.SECONDS);
                f.trackSession("burst");
                waitForLog(logs, BusyboxImage.READY_MARKER, 60);
                // As the desktop does: a console stream drained by a reader, the command typed into it.
                try (ConsoleStream con0 = runtime.openConsole("burst", "con0").get(10, TimeUnit.SECONDS)) {
                    work.execute(() -> {
                        try {
                            con0.input().transferTo(OutputStream.nullOutputStream());
                        } catch (java.io.IOException e) {
                            // the stream ends with the test
                        }
                    });
                    con0.resize(120, 40);
                    con0.output().write(("seq 1 " + COUNT + "; echo burst-end-$((40+2))\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    con0.output().flush();
                    String text = waitForLog(logs, "burst-end-42", 120);
                    assertThat(text).contains("\n" + COUNT + "\r\n");
                }
                runtime.stop("burst", StopMode.FORCE, s -> { }).get(30, TimeUnit.SECONDS);
            }
        } finally {
            work.shutdownNow();
            events.shutdownNow();
        }
    }

    private static String waitForLog(Path logs, String text, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String log;
        while (!(log = read(logs)).contains(text)) {
            String tail = log.substring(Math.max(0, log.length() - 100));
            assertThat(System.nanoTime()).as("'%s' in the console log; it stopped at:%n%s", text, tail)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
        return log;
    }

    private static String read(Path logs) throws Exception {
        try (InputStream in = ConsoleLogs.open(logs, "con0")) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
