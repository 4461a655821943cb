package org.umlmanager.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.umlmanager.testing.Await;
import org.umlmanager.testing.FxWait;

/** The stall check can fail: a handler that blocks the FX thread is caught. */
@ExtendWith(ApplicationExtension.class)
class FxStallDetectorTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("idle"), 200, 100));
        stage.show();
    }

    @Test
    void catchesAHandlerThatBlocksTheFxThread() throws Exception {
        try (FxStallDetector detector = new FxStallDetector()) {
            FxWait.run(() -> { });
            detector.reset();
            Platform.runLater(() -> {
                try {
                    // The kind of mistake the detector is for: waiting on the FX thread.
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Await.until(Duration.ofSeconds(10), "the sleep is caught",
                    () -> detector.worst().compareTo(Duration.ofMillis(250)) >= 0);
            assertThat(detector.describe()).contains("TIMED_WAITING", "Thread.sleep");
        }
    }

    @Test
    void catchesAHandlerThatKeepsTheFxThreadBusy() throws Exception {
        try (FxStallDetector detector = new FxStallDetector()) {
            FxWait.run(() -> { });
            detector.reset();
            Platform.runLater(() -> {
                long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                // Spins until it has itself used 300 ms of CPU, however loaded the machine is.
                while (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu < 300_000_000L) {
                    Thread.onSpinWait();
                }
            });
            Await.until(Duration.ofSeconds(30), "the busy handler is caught",
                    () -> detector.worst().compareTo(Duration.ofMillis(250)) >= 0);
            assertThat(detector.describe()).contains("RUNNABLE", "FxStallDetectorTest");
        }
    }
}
