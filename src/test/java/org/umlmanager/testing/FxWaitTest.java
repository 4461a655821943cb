package org.umlmanager.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotException;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;

/**
 * Why the UI tests look at JavaFX state only on the FX thread. Under Monocle a window being shown
 * is already in the window list (so a lookup from the test thread finds its nodes) while its
 * scene is still 0×0 for a moment: {@code Stage.show()} sets the scene to the view's size, 0×0,
 * and then to its own. A click decided from the test thread in that moment fails with "the query
 * … returned 1 nodes, but no nodes were visible", as the New VM wizard's test did once on a fresh
 * CI machine (its wait for the wizard's first field returned inside {@code show()}). Here the FX
 * thread is held at exactly that moment, so the race is certain rather than rare.
 */
@ExtendWith(ApplicationExtension.class)
class FxWaitTest {

    private Stage owner;
    private Stage dialog;
    private final CountDownLatch sizeGone = new CountDownLatch(1);
    private final CountDownLatch goOn = new CountDownLatch(1);
    private final AtomicInteger clicks = new AtomicInteger();
    private final List<String> sizesSeenByTheWait = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void release() {
        goOn.countDown();
        if (dialog != null) {
            FxWait.run(dialog::hide);
        }
    }

    /** Shows a modal window like the wizard's, holding the FX thread while its scene is still being sized. */
    private void showAndHoldMidway() {
        Platform.runLater(() -> {
            Button next = new Button("Next");
            next.setId("probeNext");
            next.setOnAction(e -> clicks.incrementAndGet());
            BorderPane root = new BorderPane(new StackPane());
            root.setBottom(new HBox(8, new Button("Cancel"), next));
            Scene scene = new Scene(root, 720, 520);
            // Held the first time the button is out of its scene's bounds while the size changes.
            javafx.beans.InvalidationListener hold = o -> {
                if (sizeGone.getCount() > 0 && !NodeQueryUtils.isVisible().test(next)) {
                    sizeGone.countDown();
                    await(goOn);
                }
            };
            scene.widthProperty().addListener(hold);
            scene.heightProperty().addListener(hold);
            dialog = new Stage();
            dialog.initOwner(owner);
            dialog.initModality(Modality.WINDOW_MODAL);
            dialog.setScene(scene);
            dialog.show();
        });
        await(sizeGone);
    }

    @Test
    void aClickDecidedOnTheTestThreadCanCatchAWindowHalfShown(FxRobot robot) {
        showAndHoldMidway();

        assertThat(robot.lookup("#probeNext").tryQuery()).as("found from the test thread").isPresent();
        assertThatThrownBy(() -> robot.clickOn("#probeNext")).isInstanceOf(FxRobotException.class)
                .hasMessageContaining("returned 1 nodes, but no nodes were visible");
    }

    @Test
    void fxWaitLooksOnlyBetweenTwoFxTasksAndClicksOnceTheButtonCanBeClicked(FxRobot robot) throws Exception {
        showAndHoldMidway();
        CompletableFuture<Void> clicked = CompletableFuture.runAsync(() -> {
            FxWait.until(Duration.ofSeconds(20), "the button", () -> {
                Scene scene = robot.lookup("#probeNext").query().getScene();
                sizesSeenByTheWait.add(scene.getWidth() + "x" + scene.getHeight());
                return true;
            });
            FxWait.click(robot, "#probeNext");
        });

        goOn.countDown();
        clicked.get(30, TimeUnit.SECONDS);
        assertThat(sizesSeenByTheWait).containsOnly("720.0x520.0");
        FxWait.until("the click reached the button", () -> clicks.get() == 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("not released within 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
