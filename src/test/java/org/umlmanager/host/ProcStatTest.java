package org.umlmanager.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.testing.Await;

class ProcStatTest {

    @Test
    void fieldsAreCountedFromTheLastParenthesisOfTheCommandName() {
        String stat = "4242 (a) b (c d) S 17 4242 4200 34816 4242 4194560 120 0 0 0 1 2 0 0 20 0 1 0 99 0 0";
        assertThat(ProcStat.parse(4242, stat)).contains(new ProcStat(4242, 'S', 17, 4242, 4200));
        assertThat(ProcStat.parse(7, "7 (x) Z 1 7 7 0")).hasValueSatisfying(s -> assertThat(s.ended()).isTrue());
    }

    @Test
    void aTruncatedOrMalformedLineIsNoProcess() {
        assertThat(ProcStat.parse(1, "1 (init")).isEmpty();
        assertThat(ProcStat.parse(1, "1 (init) S 0")).isEmpty();
        assertThat(ProcStat.parse(1, "1 (init) S x 1 1")).isEmpty();
    }

    /** A command name is bytes, not UTF-8: read as UTF-8, the stat file of such a process could not be read at all. */
    @Test
    void aProcessWhoseNameIsNotUtf8IsSeenAlive(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", "n=\"$(printf '%s/\\377\\376-sleep' \"$0\")\"; ln -s \"$(command -v"
                + " sleep)\" \"$n\" && exec \"$n\" 60", dir.toString()).start();
        try {
            Await.until(Duration.ofSeconds(10), "the renamed sleep runs",
                    () -> Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "comm"))[0] == (byte) 0xff);
            assertThat(ProcStat.alive(p.pid())).isTrue();
            assertThat(ProcStat.read(p.pid())).hasValueSatisfying(
                    s -> assertThat(s.ppid()).isEqualTo(ProcessHandle.current().pid()));
        } finally {
            p.destroyForcibly().waitFor();
            // Removed by its bytes, whatever the JVM's file-name encoding makes of them.
            new ProcessBuilder("/bin/sh", "-c", "rm -f \"$0\"/*-sleep", dir.toString()).start().waitFor();
        }
    }

    @Test
    void thisProcessRunsAndAnUnusedPidDoesNot() {
        long self = ProcessHandle.current().pid();
        assertThat(ProcStat.alive(self)).isTrue();
        assertThat(ProcStat.read(self)).hasValueSatisfying(s -> {
            assertThat(s.ppid()).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
            assertThat(s.ended()).isFalse();
        });
        assertThat(ProcStat.alive(Long.MAX_VALUE)).isFalse();
    }
}
