package org.umlmanager.ui.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.umlmanager.service.GuestRuntime;
import org.umlmanager.service.LabRunner;
import org.umlmanager.service.LabService;
import org.umlmanager.service.NetworkService;

/**
 * The Labs feature as the main window hooks it in: File ▸ Labs… and File ▸ Import lab…, a lab
 * directory dropped on the main window, and the one Labs window.
 */
public final class Labs {

    private final Stage owner;
    private final LabService labs;
    private final LabRunner runner;
    private final GuestRuntime runtime;
    private final NetworkService networks;
    private final Executor background;
    private final Executor ui;
    private final LabsWindow.Context context;
    private LabsWindow window;

    public Labs(Stage owner, LabService labs, GuestRuntime runtime, NetworkService networks, Executor background,
                Executor ui, LabsWindow.Context context) {
        this.owner = owner;
        this.labs = labs;
        this.runner = new LabRunner(labs, runtime, networks, LabRunner.DEFAULT_READY_TIMEOUT);
        this.runtime = runtime;
        this.networks = networks;
        this.background = background;
        this.ui = ui;
        this.context = context;
    }

    /** File ▸ Labs… (Ctrl+L) and File ▸ Import lab…. */
    public List<MenuItem> menuItems() {
        MenuItem open = new MenuItem("Labs…");
        open.setId("menu-labs");
        open.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> open());
        MenuItem importLab = new MenuItem("Import lab…");
        importLab.setId("menu-import-lab");
        importLab.setOnAction(e -> open().importLab(Optional.empty()));
        return List.of(open, importLab);
    }

    /** A lab directory dropped on {@code scene} opens the import for it. */
    public void acceptDrops(Scene scene) {
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (LabsWindow.droppedDirectory(e.getDragboard().getFiles()).isPresent()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            Optional<Path> dir = LabsWindow.droppedDirectory(e.getDragboard().getFiles());
            if (dir.isPresent()) {
                e.setDropCompleted(true);
                e.consume();
                open().importLab(dir);
            }
        });
    }

    /** The Labs window, opened (or brought to the front). */
    public LabsWindow open() {
        if (window == null || !window.stage().isShowing()) {
            window = LabsWindow.show(owner, new LabsViewModel(labs, runner, runtime, networks, background, ui),
                    context);
        } else {
            window.stage().toFront();
        }
        return window;
    }

}
