package org.umlmanager.launch.holder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.umlmanager.host.ProcStat;
import org.umlmanager.testing.Await;

/**
 * A window-size helper is found by what it is: a session leader whose standard input is the
 * console's device. Played here by a {@code sleep} in a session of its own, reading /dev/null.
 */
class WinchHelpersTest {

    @Test
    void aSessionLeaderOnTheDeviceIsFoundAndOneInAnotherSessionIsNot() throws Exception {
        long device = WinchHelpers.device(Path.of("/dev/null")).orElseThrow();
        Process leader = new ProcessBuilder("setsid", "sleep", "60").redirectInput(new File("/dev/null")).start();
        Process member = new ProcessBuilder("sleep", "60").redirectInput(new File("/dev/null")).start();
        try {
            Await.until(Duration.ofSeconds(10), "sleep leads its session", () -> ProcStat.read(leader.pid())
                    .filter(s -> s.session() == leader.pid()).isPresent());
            assertThat(WinchHelpers.find(device)).contains(leader.pid()).doesNotContain(member.pid());
            assertThat(WinchHelpers.find(device + 1)).doesNotContain(leader.pid());
        } finally {
            leader.destroyForcibly().waitFor();
            member.destroyForcibly().waitFor();
        }
    }
}
