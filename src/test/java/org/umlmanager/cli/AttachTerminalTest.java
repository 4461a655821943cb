package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.launch.ConsoleWatcher;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.launch.PtyNatives;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.service.RuntimeService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.BusyboxImage;

/**
 * {@code start --attach} on a real terminal (a pty of the test's own, 120x40): raw mode, keys to
 * the guest, the terminal's size reaching the guest, Ctrl-] detaching with the guest left running,
 * and the terminal's settings restored afterwards; then {@code console} attaching to it again.
 */
class AttachTerminalTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern STTY = Pattern.compile("STTY=(\\S+)");

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void attachesRawAndDetachesWithCtrlBracket() throws Exception {
        try (GuestFixture f = GuestFixture.create()) {
            Instance instance = f.instance("tty").build();
            new InstanceStore(f.paths().instancesDir()).create(instance);
            String cli = String.join(" ", CliProcess.command()) + " start tty --attach";
            String console = String.join(" ", CliProcess.command()) + " console tty";
            PtyNatives.prepare();
            PtyProcess terminal = new PtyProcessBuilder(new String[] {"sh", "-c",
                "echo STTY=$(stty -g); " + cli + "; echo EXIT=$?; echo STTY=$(stty -g); " + console
                    + "; echo AGAIN=$?"})
                    .setEnvironment(environment(f.dir())).setDirectory(f.dir().toString())
                    .setInitialColumns(120).setInitialRows(40).start();
            try (ConsoleWatcher screen = new ConsoleWatcher(terminal.getInputStream())) {
                screen.await("Attached to tty con0; detach with Ctrl-]", WAIT);
                f.trackSession("tty");
                int ready = screen.await(BusyboxImage.READY_MARKER, WAIT);
                // The guest learns this terminal's size once it is up; ask until it shows.
                for (int i = 0; i < 20 && !screen.text().substring(ready).contains("40 120"); i++) {
                    type(terminal, "stty size\r");
                    Thread.sleep(500);
                }
                screen.await("40 120", ready, Duration.ofSeconds(5));
                int typed = screen.text().length();
                type(terminal, "echo raw-$((40+2))\r");
                screen.await("raw-42", typed, WAIT);
                type(terminal, "\u001d");
                screen.await("Detached; tty keeps running", typed, WAIT);
                screen.await("EXIT=0", typed, WAIT);
                int end = screen.await("STTY=", screen.text().indexOf("EXIT=0"), WAIT);
                screen.await("\n", end, WAIT);
                List<String> settings = new ArrayList<>();
                Matcher m = STTY.matcher(screen.text());
                while (m.find()) {
                    settings.add(m.group(1));
                }
                assertThat(settings).hasSize(2);
                assertThat(settings.get(1)).as("terminal settings restored").isEqualTo(settings.get(0));

                // 'console' attaches this terminal to the guest again, which ran on meanwhile.
                int again = screen.await("Attached to tty con0; detach with Ctrl-]", end, WAIT);
                type(terminal, "echo again-$((6*7))\r");
                screen.await("again-42", again, WAIT);
                type(terminal, "\u001d");
                screen.await("Detached; tty keeps running", again, WAIT);
                screen.await("AGAIN=0", again, WAIT);
            } finally {
                terminal.destroyForcibly();
            }
            var events = Executors.newSingleThreadExecutor();
            try (RuntimeService runtime = new RuntimeService(f.layout(), SupervisorLauncher.forThisJvm(
                    f.layout()), () -> List.of(instance), Runnable::run, events)) {
                assertThat(runtime.status("tty").get(10, TimeUnit.SECONDS).state()).isEqualTo(InstanceState.RUNNING);
                assertThat(runtime.stop("tty", StopMode.FORCE, s -> { }).get(30, TimeUnit.SECONDS).state())
                        .isEqualTo(InstanceState.STOPPED);
            } finally {
                events.shutdownNow();
            }
        }
    }

    private static void type(PtyProcess terminal, String keys) throws Exception {
        terminal.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
        terminal.getOutputStream().flush();
    }

    private static Map<String, String> environment(Path home) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(AppPaths.HOME_VARIABLE, home.toString());
        env.put("TERM", "xterm");
        return env;
    }
}
