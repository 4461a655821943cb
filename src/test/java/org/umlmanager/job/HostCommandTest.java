package org.umlmanager.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HostCommandTest {

    /** Records what a job's listener was told. */
    private static final class Recorder implements ProgressListener {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void stage(String title) {
        }

        @Override
        public void log(String line) {
            lines.add(line);
        }
    }

    @Test
    void aToolsOutputReachesTheListenerTheHookAndTheCaller() throws Exception {
        Recorder listener = new Recorder();
        List<String> hooked = new CopyOnWriteArrayList<>();

        HostCommand.Output out = HostCommand.of(List.of("sh", "-c", "echo one; echo two >&2; echo $LC_ALL; exit 1"))
                .successUpTo(1).onLine(hooked::add).run(listener, Cancellation.none());

        assertThat(out.stdout()).containsExactly("one", "C");
        assertThat(out.stderrTail()).containsExactly("two");
        assertThat(listener.lines).containsExactlyInAnyOrder("one", "two", "C");
        assertThat(hooked).containsExactlyInAnyOrder("one", "two", "C");
    }

    @Test
    void aQuietToolKeepsItsOutputFromTheListener() throws Exception {
        Recorder listener = new Recorder();

        HostCommand.Output out = HostCommand.of("listing", List.of("seq", "3")).quiet().run(listener,
                Cancellation.none());

        assertThat(out.stdout()).containsExactly("1", "2", "3");
        assertThat(listener.lines).isEmpty();
    }

    @Test
    void aFailingToolReportsItsStatusAndItsLastWordsOnStderr() {
        assertThatThrownBy(() -> HostCommand.of(List.of("sh", "-c", "echo out; echo 'bad thing' >&2; exit 3"))
                .run(ProgressListener.NONE, Cancellation.none()))
                .isInstanceOf(HostToolException.class).hasMessage("sh failed (exit status 3): bad thing");
        assertThatThrownBy(() -> HostCommand.of("the step", List.of("sh", "-c", "echo only stdout; exit 4"))
                .run(ProgressListener.NONE, Cancellation.none()))
                .hasMessage("the step failed (exit status 4): only stdout");
        assertThatThrownBy(() -> HostCommand.of(List.of("/nonexistent/tool")).run(ProgressListener.NONE,
                Cancellation.none())).isInstanceOf(HostToolException.class)
                .hasMessageStartingWith("tool failed");
    }

    @Test
    void aToolThatHangsIsStoppedAtItsTimeLimit() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> HostCommand.of(List.of("sh", "-c", "echo working >&2; sleep 30"))
                .timeout(Duration.ofMillis(500)).run(ProgressListener.NONE, Cancellation.none()))
                .isInstanceOf(HostToolException.class)
                .hasMessage("sh did not finish within 500 ms and was stopped: working");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aCancelledToolIsStoppedWithItsChildrenEvenWhenItIgnoresSigterm() throws Exception {
        Cancellation cancellation = new Cancellation();
        List<Long> pids = new CopyOnWriteArrayList<>();
        Thread canceller = new Thread(() -> {
            while (pids.size() < 2) {
                Thread.onSpinWait();
            }
            cancellation.cancel();
        });
        canceller.start();

        // The shell ignores SIGTERM, so only the SIGKILL escalation can end it; its child sleeps on.
        assertThatThrownBy(() -> HostCommand.of("test tool", List.of("sh", "-c",
                "trap '' TERM; sleep 300 & echo $$; echo $!; wait"))
                .onLine(line -> pids.add(Long.parseLong(line.strip())))
                .run(ProgressListener.NONE, cancellation))
                .isInstanceOf(CancelledException.class).hasMessage("test tool was cancelled");

        canceller.join();
        // run() returns only once the tree is gone: no wait here.
        for (long pid : pids) {
            assertThat(running(pid)).as("pid " + pid).isFalse();
        }
    }

    @Test
    void anAlreadyCancelledJobStartsNothing() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        List<String> ran = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> HostCommand.of(List.of("echo", "ran")).onLine(ran::add)
                .run(ProgressListener.NONE, cancellation)).isInstanceOf(CancelledException.class);
        assertThat(ran).isEmpty();
    }

    /** Alive and not a zombie waiting for a parent (in a container, pid 1 may never reap orphans). */
    private static boolean running(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
