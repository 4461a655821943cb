package org.umlmanager.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.launch.ConsoleWatcher;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.InstanceState;
import org.umlmanager.testing.BusyboxImage;

/** The service from start to stop: what the GUI does. */
class RuntimeSmokeTest {

    @Test
    void startsStreamsAndStops() throws Exception {
        try (RuntimeFixture f = new RuntimeFixture(GuestFixture.create())) {
            GuestStatus running = f.startRunning(f.guests.instance("svc").build());
            assertThat(running.state()).isEqualTo(InstanceState.RUNNING);
            assertThat(running.origin()).isEqualTo(GuestStatus.Origin.HOLDER);
            try (ConsoleStream con0 = f.runtime.openConsole("svc", "con0").get();
                 ConsoleWatcher w = new ConsoleWatcher(con0.input())) {
                w.await(BusyboxImage.READY_MARKER, Duration.ofSeconds(30));
                con0.output().write("echo svc-$((6*7))\n".getBytes(StandardCharsets.UTF_8));
                w.await("svc-42", Duration.ofSeconds(10));
            }
            GuestStatus stopped = f.runtime.stop("svc", StopMode.FORCE, s -> { }).get();
            assertThat(stopped.state()).isEqualTo(InstanceState.STOPPED);
            assertThat(f.runtime.status("svc").get().state()).isEqualTo(InstanceState.STOPPED);
        }
    }
}
