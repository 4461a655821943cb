package org.umlmanager.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;

/**
 * Waiting for what a UI test expects, with every look at JavaFX state taken on the FX thread:
 * a scene graph, a property or an observable list read from the test thread may be half-way
 * through a change the FX thread is making (a page being replaced, a layout pass, a list
 * being merged).
 */
public final class FxWait {

    private FxWait() {
    }

    /**
     * Returns once {@code condition}, evaluated on the FX thread, is true; fails the test naming
     * {@code what} when it is still false after {@code limit}. An exception thrown by the
     * condition counts as false (a node not there yet), and the last one is attached to the failure.
     */
    public static void until(Duration limit, String what, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        Await.until(limit, what, () -> {
            try {
                return onFx(condition, Math.max(deadline - System.nanoTime(), 0));
            } catch (ConditionFailed e) {
                throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
            }
        });
    }

    /** {@link #until(Duration, String, Callable)} with the usual limit of a UI step (20 s). */
    public static void until(String what, Callable<Boolean> condition) {
        until(Duration.ofSeconds(20), what, condition);
    }

    /** The value of {@code read}, computed on the FX thread. */
    public static <T> T get(Callable<T> read) {
        try {
            return onFx(read, TimeUnit.SECONDS.toNanos(30));
        } catch (ConditionFailed e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not run a request within 30 s", e);
        }
    }

    /** Runs {@code action} on the FX thread and returns when it is done. */
    public static void run(Runnable action) {
        get(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Types {@code text} over the whole content of the text field {@code query} finds, once it can
     * be clicked: focused and its text selected on the FX thread, then typed as a user would.
     */
    public static void typeOver(FxRobot robot, String query, String text) {
        clickable(robot, query);
        robot.interact(() -> {
            TextField field = robot.lookup(query).queryAs(TextField.class);
            field.requestFocus();
            field.selectAll();
        });
        robot.write(text);
    }

    /**
     * Waits until the node {@code query} finds is showing where a click lands on it: visible
     * with all its ancestors, in a showing window, with a size, inside its scene, and not
     * disabled. What {@link FxRobot#clickOn(String, javafx.scene.input.MouseButton...)} needs
     * before it can click.
     */
    public static void clickable(FxRobot robot, String query) {
        until(Duration.ofSeconds(20), query + " can be clicked", () -> robot.lookup(query).tryQuery()
                .filter(FxWait::clickable).isPresent());
    }

    /** Clicks {@code query} once it can be clicked (see {@link #clickable(FxRobot, String)}). */
    public static void click(FxRobot robot, String query) {
        clickable(robot, query);
        robot.clickOn(query);
    }

    private static boolean clickable(Node node) {
        Window window = node.getScene() == null ? null : node.getScene().getWindow();
        if (window == null || !window.isShowing() || node.isDisabled()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        var bounds = node.getLayoutBounds();
        return bounds.getWidth() > 0 && bounds.getHeight() > 0 && NodeQueryUtils.isVisible().test(node);
    }

    private static <T> T onFx(Callable<T> task, long timeoutNanos) throws TimeoutException {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("FxWait blocks; call it from the test thread, not the FX thread");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new ConditionFailed(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A condition or read that threw. */
    private static final class ConditionFailed extends RuntimeException {
        ConditionFailed(Throwable cause) {
            super(cause);
        }
    }
}
