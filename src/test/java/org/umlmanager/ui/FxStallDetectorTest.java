package org.umlmanager.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

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
            WaitForAsyncUtils.waitForFxEvents();
            detector.reset();
            Platform.runLater(() -> {
                try {
                    // The kind of mistake the detector is for: waiting on the FX thread.
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> detector.worst().compareTo(Duration.ofMillis(250)) >= 0);

            assertThat(detector.worst()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }
}
