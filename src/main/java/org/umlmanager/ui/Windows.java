package org.umlmanager.ui;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.umlmanager.ui.prefs.WindowGeometry;

/**
 * Where every window of the app comes up and how big, the same under a window manager as
 * without one. A window manager (openbox, at least) ignores a size and position JavaFX sets
 * before the window is mapped: the main window came up about 200 pixels square in the top-left
 * corner with its saved size lost, secondary windows at 200×200 with the title bar off-screen.
 * The same values set again once the window is shown hold. So each window gets its geometry
 * before it is shown (right without a window manager, and what JavaFX lays out with) and once
 * more on {@link WindowEvent#WINDOW_SHOWN}.
 *
 * <p>Secondary windows and dialogs: at least the size that shows all their controls (the
 * content's minimum, which is also the window's minimum), otherwise their preferred size, at
 * most the screen; centred on their owner and kept on its screen; resizable. Esc closes dialogs
 * (their Cancel button) and the windows that ask for it with {@link #closeOnEscape} (not a
 * detached console: Esc belongs to the guest there). On the FX thread only.
 */
public final class Windows {

    /** The main window's first-run size: the README's screenshots are made at it. */
    public static final double FIRST_RUN_WIDTH = 1200;
    public static final double FIRST_RUN_HEIGHT = 800;

    private Windows() {
    }

    /**
     * The main window at its saved geometry, or on first run (no saved position) 1200×800 (less on
     * a smaller screen) centred on the primary screen. A saved position that is on no screen any
     * more (a monitor unplugged) is centred instead.
     */
    public static void main(Stage stage, WindowGeometry saved) {
        Rectangle2D screen = screenOf(saved.x(), saved.y()).getVisualBounds();
        double width = Math.min(Double.isNaN(saved.width()) ? FIRST_RUN_WIDTH : saved.width(), screen.getWidth());
        double height = Math.min(Double.isNaN(saved.height()) ? FIRST_RUN_HEIGHT : saved.height(), screen.getHeight());
        boolean placed = !Double.isNaN(saved.x()) && !Double.isNaN(saved.y())
                && screen.contains(saved.x() + 20, saved.y() + 20);
        double x = placed ? saved.x() : screen.getMinX() + (screen.getWidth() - width) / 2;
        double y = placed ? saved.y() : screen.getMinY() + (screen.getHeight() - height) / 2;
        Runnable apply = () -> {
            if (stage.isMaximized()) {
                return;
            }
            stage.setWidth(width);
            stage.setHeight(height);
            stage.setX(x);
            stage.setY(y);
        };
        apply.run();
        stage.setMaximized(saved.maximized());
        onceShown(stage, apply);
    }

    /**
     * A secondary window of {@code owner}: sized as {@code width}×{@code height} (NaN: its
     * content's preferred size), never below what shows all its controls, centred on the owner.
     * Call before {@link Stage#show()}; the scene must be set.
     */
    public static void secondary(Stage stage, Window owner, double width, double height) {
        stage.setResizable(true);
        Runnable apply = () -> place(stage, owner, width, height);
        apply.run();
        onceShown(stage, apply);
    }

    /** {@link #secondary(Stage, Window, double, double)} at the content's preferred size. */
    public static void secondary(Stage stage, Window owner) {
        secondary(stage, owner, Double.NaN, Double.NaN);
    }

    /**
     * A dialog over {@code owner}: resizable, at its content's size and minimum, centred on the
     * owner. Esc is the dialog's cancel button (JavaFX's own handling).
     */
    public static void dialog(Dialog<?> dialog, Window owner) {
        if (owner != null && dialog.getOwner() == null) {
            dialog.initOwner(owner);
        }
        dialog.setResizable(true);
        Window window = dialog.getDialogPane().getScene().getWindow();
        if (window instanceof Stage stage) {
            onceShown(stage, () -> place(stage, dialog.getOwner(), Double.NaN, Double.NaN));
        }
    }

    /** Esc asks the window to close, as its title bar's close button does (so that a window can refuse). */
    public static void closeOnEscape(Stage stage) {
        stage.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !e.isConsumed()) {
                e.consume();
                WindowEvent request = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
                EventHandler<WindowEvent> handler = stage.getOnCloseRequest();
                if (handler != null) {
                    handler.handle(request);
                }
                if (!request.isConsumed()) {
                    stage.hide();
                }
            }
        });
    }

    private static void place(Stage stage, Window owner, double width, double height) {
        Scene scene = stage.getScene();
        if (scene == null) {
            return;
        }
        Parent root = scene.getRoot();
        root.applyCss();
        // The frame's share of the window (title bar, borders): zero before the window is shown.
        double frameW = stage.isShowing() ? Math.max(0, stage.getWidth() - scene.getWidth()) : 0;
        double frameH = stage.isShowing() ? Math.max(0, stage.getHeight() - scene.getHeight()) : 0;
        double minW = Math.ceil(root.minWidth(-1));
        double minH = Math.ceil(root.minHeight(minW));
        double w = Math.max(minW, Double.isNaN(width) ? Math.ceil(root.prefWidth(-1)) : width);
        double h = Math.max(minH, Double.isNaN(height) ? Math.ceil(root.prefHeight(w)) : height);
        Rectangle2D screen = owner != null ? screenOf(owner).getVisualBounds()
                : Screen.getPrimary().getVisualBounds();
        w = Math.min(w + frameW, screen.getWidth());
        h = Math.min(h + frameH, screen.getHeight());
        stage.setMinWidth(Math.min(minW + frameW, screen.getWidth()));
        stage.setMinHeight(Math.min(minH + frameH, screen.getHeight()));
        stage.setWidth(w);
        stage.setHeight(h);
        double cx = owner != null && owner.getWidth() > 0 ? owner.getX() + owner.getWidth() / 2 : screen.getMinX()
                + screen.getWidth() / 2;
        double cy = owner != null && owner.getHeight() > 0 ? owner.getY() + owner.getHeight() / 2 : screen.getMinY()
                + screen.getHeight() / 2;
        stage.setX(clamp(cx - w / 2, screen.getMinX(), screen.getMaxX() - w));
        stage.setY(clamp(cy - h / 2, screen.getMinY(), screen.getMaxY() - h));
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, max));
    }

    private static Screen screenOf(Window w) {
        return screenOf(w.getX() + w.getWidth() / 2, w.getY() + w.getHeight() / 2);
    }

    private static Screen screenOf(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Screen.getPrimary();
        }
        return Screen.getScreens().stream().filter(s -> s.getBounds().contains(x, y)).findFirst()
                .orElse(Screen.getPrimary());
    }

    /**
     * Runs {@code action} once the window has been shown, and again if the window manager then
     * gives the window another size: a request made just after the map can reach openbox before it
     * manages the window, and it then keeps the size the window was mapped with (WindowManagerTest
     * found the import dialog at its minimum height, placed for its full one, and a confirmation
     * at the width JavaFX mapped it with, in some CI runs). A request made after the window manager
     * has answered holds. For {@link #SETTLING} any other size is answered twice at most; a size
     * that leaves the content short of its minimum is answered for as long as the window manager
     * keeps sending one (its minimum-size hint included the frame only once the frame was known).
     * After that the user's own resizing is never undone.
     */
    private static void onceShown(Stage stage, Runnable action) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<WindowEvent>() {
            @Override
            public void handle(WindowEvent e) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                action.run();
                holdSize(stage, action);
            }
        });
    }

    /** How long after showing a window the window manager's changes of its size are corrected. */
    private static final Duration SETTLING = Duration.seconds(2);

    private static void holdSize(Stage stage, Runnable action) {
        double[] asked = {stage.getWidth(), stage.getHeight()};
        int[] corrections = {0};
        boolean[] pending = {false};
        InvalidationListener watch = o -> {
            if (pending[0] || !stage.isShowing() || stage.isMaximized()) {
                return;
            }
            boolean differs = Math.abs(stage.getWidth() - asked[0]) > 0.5 || Math.abs(stage.getHeight() - asked[1]) > 0.5;
            if (differs && corrections[0] < 2 || cramped(stage)) {
                corrections[0]++;
                pending[0] = true;
                // After the change has been delivered, not inside it.
                Platform.runLater(() -> {
                    pending[0] = false;
                    action.run();
                    asked[0] = stage.getWidth();
                    asked[1] = stage.getHeight();
                });
            }
        };
        stage.widthProperty().addListener(watch);
        stage.heightProperty().addListener(watch);
        stage.getScene().widthProperty().addListener(watch);
        stage.getScene().heightProperty().addListener(watch);
        PauseTransition settled = new PauseTransition(SETTLING);
        settled.setOnFinished(e -> {
            stage.widthProperty().removeListener(watch);
            stage.heightProperty().removeListener(watch);
            stage.getScene().widthProperty().removeListener(watch);
            stage.getScene().heightProperty().removeListener(watch);
        });
        settled.play();
    }

    /** Whether the scene is smaller than its content's minimum at the width it has (and the screen has room). */
    static boolean cramped(Stage stage) {
        Scene scene = stage.getScene();
        if (scene == null || scene.getWidth() <= 0 || scene.getHeight() <= 0) {
            return false;
        }
        Parent root = scene.getRoot();
        Rectangle2D screen = screenOf(stage).getVisualBounds();
        double minW = Math.min(Math.ceil(root.minWidth(-1)), screen.getWidth());
        double minH = Math.min(Math.ceil(root.minHeight(scene.getWidth())), screen.getHeight());
        return scene.getWidth() < minW - 0.5 || scene.getHeight() < minH - 0.5;
    }
}
