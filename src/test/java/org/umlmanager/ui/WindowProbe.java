package org.umlmanager.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.model.MemorySize;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.ui.console.SaveLocation;
import org.umlmanager.ui.main.MainUi;
import org.umlmanager.ui.prefs.PreferencesDialog;
import org.umlmanager.ui.prefs.UiPreferences;
import org.umlmanager.ui.prefs.WindowGeometry;
import org.umlmanager.ui.storage.StorageWindow;

/**
 * Run by {@link WindowManagerTest} in a JVM of its own on a real X display with a window manager:
 * shows the main window as the app does on a first run, then opens each dialog and secondary
 * window from its menu item, one at a time, and prints where each ended up once the window
 * manager has placed it, with its content's minimum (the height at the window's width) ({@code WINDOW title|x|y|w|h|sceneW|sceneH|minW|minH|ownerX|ownerY|ownerW|ownerH|resizable}).
 * Arguments: a scratch directory.
 */
public final class WindowProbe {

    /** Menu items whose windows are checked, in order. */
    static final List<String> ITEMS = List.of("menu-wizard", "menu-import", "menu-new", "menu-preferences",
            "menu-storage", "menu-shortcuts", "menu-about", "menu-delete");

    private WindowProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        AppPaths paths = AppPaths.under(home);
        InstanceStore store = new InstanceStore(paths.instancesDir());
        store.create(Instance.builder("alpha").memory(MemorySize.ofMebibytes(128)).build());
        store.create(Instance.builder("beta").build());
        ExecutorService io = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        DesktopWiring wiring = new DesktopWiring(DesktopWiring.Places.of(paths), () -> UiPreferences.DEFAULTS, io,
                Platform::runLater);
        Stage[] main = new Stage[1];
        onFx(() -> {
            Stage stage = new Stage();
            main[0] = stage;
            MenuItem preferences = new MenuItem("Preferences…");
            preferences.setId("menu-preferences");
            preferences.setOnAction(e -> PreferencesDialog.create(stage, UiPreferences.DEFAULTS).show());
            MenuItem storage = new MenuItem("Disk images & COW files…");
            storage.setId("menu-storage");
            storage.setOnAction(e -> StorageWindow.show(stage, wiring.jobs(), Platform::runLater,
                    SaveLocation.CHOOSER));
            MainUi ui = wiring.mainUi(stage, SaveLocation.CHOOSER, List.of(storage, preferences));
            Scene scene = ui.window().scene(WindowGeometry.DEFAULT.width(), WindowGeometry.DEFAULT.height());
            new Themes(UiPreferences.DEFAULTS.theme()).install();
            stage.setTitle("UML Manager");
            stage.setScene(scene);
            ui.window().applyGeometry(WindowGeometry.DEFAULT);
            stage.show();
            ui.refresh().thenRunAsync(() -> ui.main().select("alpha"), Platform::runLater);
            return null;
        });
        report(settled(() -> main[0]), null);
        System.out.println("SPLIT " + onFx(() -> ((javafx.scene.control.SplitPane) main[0].getScene()
                .lookup(".split-pane")).getDividerPositions()[0]));
        waitFor(() -> onFx(() -> main[0].getScene().lookup("#nameField") != null));
        MenuBar bar = onFx(() -> (MenuBar) main[0].getScene().lookup("#menuBar"));
        for (String id : ITEMS) {
            MenuItem item = onFx(() -> find(bar, id));
            Set<Window> before = onFx(() -> Set.copyOf(Window.getWindows()));
            Platform.runLater(item::fire);
            Window opened = settled(() -> Window.getWindows().stream().filter(w -> w instanceof Stage
                    && w.isShowing() && !before.contains(w)).findFirst().orElse(null));
            report(opened, main[0]);
            onFx(() -> {
                opened.hide();
                return null;
            });
        }
        onFx(() -> {
            main[0].hide();
            return null;
        });
        wiring.close();
        io.shutdownNow();
        Platform.exit();
        System.exit(0);
    }

    private static MenuItem find(MenuBar bar, String id) {
        for (Menu menu : bar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (id.equals(item.getId())) {
                    return item;
                }
            }
        }
        throw new IllegalArgumentException("no menu item " + id);
    }

    /** The window once it is showing and has kept its place and size for a while (the window manager is done). */
    private static Window settled(Supplier<Window> which) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String last = "";
        int same = 0;
        while (System.nanoTime() < deadline) {
            String now = onFx(() -> {
                Window w = which.get();
                return w == null || !w.isShowing() || w.getScene() == null ? "" : w.getX() + "," + w.getY() + ","
                        + w.getWidth() + "," + w.getHeight();
            });
            same = !now.isEmpty() && now.equals(last) ? same + 1 : 0;
            last = now;
            if (same >= 8) {
                return onFx(which::get);
            }
            // Polling X's answer: the window manager moves the window in its own time.
            Thread.sleep(100);
        }
        throw new IllegalStateException("no settled window; last " + last);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(100);
        }
    }

    private static void report(Window w, Window owner) throws Exception {
        String line = onFx(() -> {
            Scene s = w.getScene();
            s.getRoot().applyCss();
            double minW = s.getRoot().minWidth(-1);
            // At the width the window has: what shows every control there (wrapped text needs less
            // height on a wider window than at the minimum width).
            double minH = s.getRoot().minHeight(s.getWidth());
            String title = w instanceof Stage st ? Optional.ofNullable(st.getTitle()).orElse("") : "";
            boolean resizable = w instanceof Stage st && st.isResizable();
            List<Double> values = List.of(w.getX(), w.getY(), w.getWidth(), w.getHeight(), s.getWidth(), s.getHeight(),
                    minW, minH, owner == null ? 0 : owner.getX(), owner == null ? 0 : owner.getY(),
                    owner == null ? 0 : owner.getWidth(), owner == null ? 0 : owner.getHeight());
            return "WINDOW " + title + "|" + values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v))
                    .collect(Collectors.joining("|")) + "|" + resizable;
        });
        System.out.println(line);
        System.out.flush();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
