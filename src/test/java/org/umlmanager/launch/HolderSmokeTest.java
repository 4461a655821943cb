package org.umlmanager.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.testing.BusyboxImage;

/** The holder alone: boots a guest from a launch spec, streams con0, takes input, stops. */
class HolderSmokeTest {

    @Test
    void bootsTypesAndStops() throws Exception {
        try (GuestFixture f = GuestFixture.create()) {
            Instance instance = f.instance("smoke").build();
            LaunchSpec spec = LaunchPlanner.plan(instance, f.layout());
            HolderLauncher launcher = HolderLauncher.forThisJvm(f.layout().holdersDir());
            try (HolderClient holder = launcher.launch(false, "test")) {
                f.trackHolder(holder.holderPid());
                GuestSnapshot started = holder.start(spec).get();
                f.track(started, spec.umlDir());
                List<GuestEvent> events = new ArrayList<>();
                holder.watch(events::add);
                try (ConsoleStream con0 = HolderClient.connect(spec.session().holderSocket(), "console").attach("con0");
                     ConsoleWatcher w = new ConsoleWatcher(con0.input())) {
                    w.await(BusyboxImage.READY_MARKER, Duration.ofSeconds(60));
                    con0.output().write("echo hi-$((6*7))\n".getBytes(StandardCharsets.UTF_8));
                    w.await("hi-42", Duration.ofSeconds(10));
                    List<StopStep> steps = new ArrayList<>();
                    GuestSnapshot last = holder.stop(StopMode.GRACEFUL, steps::add).get();
                    assertThat(last.state()).isEqualTo(InstanceState.STOPPED);
                    assertThat(steps).extracting(StopStep::step).startsWith(StopStep.Step.CTRL_ALT_DEL)
                            .endsWith(StopStep.Step.STOPPED);
                    assertThat(events).anyMatch(e -> e instanceof GuestEvent.StateChanged c
                            && c.snapshot().state() == InstanceState.RUNNING);
                    w.awaitEnd(Duration.ofSeconds(10));
                }
            }
        }
    }
}
