package org.umlmanager.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.launch.ConsoleWatcher;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.StopMode;
import org.umlmanager.launch.SupervisorFiles;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.testing.BusyboxImage;

/**
 * A window-size change reaching a 6.1 kernel's process group while it boots panics the kernel or
 * breaks the start of init (docs/PITFALLS.md, "Resizing": about 1 boot in 10 when pty4j set a
 * size at spawn on the kernel's controlling terminal). 20 boots in a row, each with a terminal that sends its size from
 * the first moment and keeps resizing while the kernel boots: the holder applies sizes as soon as
 * the guest is up, no boot may panic, and the last size must reach the guest. Starts go through
 * a connection to the supervisor made ahead of time, as in the desktop app.
 */
class ResizeBootsTest {

    private static final int BOOTS = 20;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void twentyBootsWithResizesAsSoonAsAllowed() throws Exception {
        try (RuntimeFixture f = new RuntimeFixture(GuestFixture.create())) {
            f.runtime.prewarm();
            for (int boot = 1; boot <= BOOTS; boot++) {
                Instance instance = f.guests.instance("resize").umid("tresize" + boot + "-"
                        + ProcessHandle.current().pid()).build();
                f.start(instance);
                try (ConsoleStream con0 = f.runtime.openConsole("resize", "con0").get(10, TimeUnit.SECONDS);
                     ConsoleWatcher w = new ConsoleWatcher(con0.input())) {
                    int columns = 100 + boot;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (!w.text().contains(BusyboxImage.READY_MARKER) && !w.ended()
                            && System.nanoTime() < deadline) {
                        con0.resize(columns - 1, 30);
                        con0.resize(columns, 37);
                        Thread.sleep(10);
                    }
                    assertThat(w.text()).as("boot %d", boot).doesNotContain("Kernel panic")
                            .doesNotContain("start_userspace");
                    int from = w.await(BusyboxImage.READY_MARKER, Duration.ofSeconds(60));
                    // The size is applied a moment after userspace starts: ask until the guest sees it.
                    String expected = "37 " + columns;
                    for (int attempt = 0; attempt < 20 && !w.text().substring(from).contains(expected); attempt++) {
                        con0.output().write("stty size\n".getBytes(StandardCharsets.UTF_8));
                        Thread.sleep(500);
                    }
                    w.await(expected, from, Duration.ofSeconds(5));
                }
                assertThat(f.runtime.status("resize").get().state()).as("boot %d", boot)
                        .isEqualTo(InstanceState.RUNNING);
                GuestStatus stopped = f.runtime.stop("resize", StopMode.FORCE, s -> { }).get(30, TimeUnit.SECONDS);
                assertThat(stopped.state()).as("boot %d: %s; console log tail:%n%s", boot, stopped.reason(),
                        tail(f.guests.paths().logsDir().resolve("resize").resolve("con0.log")))
                        .isEqualTo(InstanceState.STOPPED);
            }
            // The connection kept ready for a next start keeps the supervisor; once it is closed and no
            // guest runs, the supervisor exits after its idle grace and takes its socket with it.
            f.runtime.prewarm().get(60, TimeUnit.SECONDS);
            SupervisorFiles files = new SupervisorFiles(f.guests.layout().supervisorDir());
            assertThat(files.socket()).exists();
            f.runtime.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (Files.exists(files.socket()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(files.socket()).doesNotExist();
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.exists(log) ? Files.readString(log) : "(no log)";
        return text.substring(Math.max(0, text.length() - 3000));
    }
}
