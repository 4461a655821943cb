package org.umlmanager.ui.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.umlmanager.disk.ByteSize;
import org.umlmanager.service.DiskEntry;
import org.umlmanager.service.JobService;
import org.umlmanager.ui.console.SaveLocation;
import org.umlmanager.ui.main.Dialogs;

/**
 * The storage window, a view over {@link StorageViewModel}: each backing file with the COW files
 * that sit on it (instance, unit, how much each holds, whether it still fits its backing file),
 * and the plain images with their apparent and allocated sizes; a selected file's details; the
 * jobs (merge into a new file, in place after a confirmation naming the COW files it breaks, grow)
 * with progress and Cancel. It asks the questions (where to write, how large, are you sure) and
 * shows failures; everything else is the view model's.
 */
public final class StorageWindow {

    private final Stage stage = new Stage();
    private final StorageViewModel vm;
    private final SaveLocation saveLocation;
    private final TreeTableView<DiskEntry> tree = new TreeTableView<>(new TreeItem<>());
    private final TextArea details = new TextArea();
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancel = new Button("Cancel");
    private boolean following;

    private StorageWindow(Window owner, StorageViewModel vm, SaveLocation saveLocation) {
        this.vm = vm;
        this.saveLocation = saveLocation;
        stage.initOwner(owner);
        stage.setTitle("Disk images & COW files");
        BorderPane root = new BorderPane();
        root.setTop(toolBar());
        SplitPane split = new SplitPane(table(), detailsPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        root.setCenter(split);
        root.setBottom(statusBar());
        Scene scene = new Scene(root, 1000, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.close());
        vm.onFailure((title, error) -> {
            int space = title.indexOf(' ');
            Dialogs.error(stage, title.substring(0, space), title.substring(space + 1), error);
        });
        vm.entries().addListener((javafx.collections.ListChangeListener<DiskEntry>) c -> rebuild());
        vm.selectedProperty().addListener((o, a, entry) -> follow(entry));
    }

    /** Opens the window and loads what it lists. Call on the FX thread. */
    public static StorageWindow show(Window owner, JobService jobs, Executor ui, SaveLocation saveLocation) {
        StorageWindow window = new StorageWindow(owner, new StorageViewModel(jobs, ui), saveLocation);
        window.stage.show();
        window.vm.refresh();
        return window;
    }

    public Stage stage() {
        return stage;
    }

    /** Reads the configured disks again. */
    public void refresh() {
        vm.refresh();
    }

    /** Selects the row of {@code file}, if it is listed. */
    public void select(Path file) {
        vm.select(file);
    }

    private void rebuild() {
        following = true;
        try {
            tree.getSelectionModel().clearSelection();
            TreeItem<DiskEntry> root = tree.getRoot();
            root.getChildren().clear();
            for (DiskEntry entry : vm.entries()) {
                TreeItem<DiskEntry> node = new TreeItem<>(entry);
                if (entry instanceof DiskEntry.Backing b) {
                    b.cows().forEach(c -> node.getChildren().add(new TreeItem<>(c)));
                    node.setExpanded(true);
                }
                root.getChildren().add(node);
            }
        } finally {
            following = false;
        }
    }

    /** The view model's selection, shown in the tree. */
    private void follow(DiskEntry entry) {
        if (following) {
            return;
        }
        following = true;
        try {
            if (entry == null) {
                tree.getSelectionModel().clearSelection();
                return;
            }
            for (TreeItem<DiskEntry> top : tree.getRoot().getChildren()) {
                for (TreeItem<DiskEntry> item : withChildren(top)) {
                    if (item.getValue() == entry) {
                        tree.getSelectionModel().select(item);
                        return;
                    }
                }
            }
        } finally {
            following = false;
        }
    }

    private static List<TreeItem<DiskEntry>> withChildren(TreeItem<DiskEntry> top) {
        List<TreeItem<DiskEntry>> all = new java.util.ArrayList<>();
        all.add(top);
        all.addAll(top.getChildren());
        return all;
    }

    private ToolBar toolBar() {
        Button refresh = button("storageRefresh", "Refresh", "Read the disks and check the COW files again");
        refresh.setOnAction(e -> vm.refresh());
        Button mergeNew = button("storageMergeNew", "Merge into new file…",
                "Write the COW file's disk (backing file plus changes) to a new file, as uml_moo does");
        mergeNew.setOnAction(e -> mergeIntoNewFile());
        Button mergeInPlace = button("storageMergeInPlace", "Merge in place…",
                "Write the COW file's changes into its backing file (uml_moo -d); other COW files on it stop working");
        mergeInPlace.setOnAction(e -> vm.mergeInPlace(plan -> Dialogs.confirm(stage, "Merge into "
                + plan.backingFile() + "?", plan.summary(), "Merge in place")));
        Button grow = button("storageGrow", "Grow…", "Make the image larger, and its ext filesystem with it");
        grow.setOnAction(e -> grow());
        mergeNew.disableProperty().bind(vm.canMerge().not());
        mergeInPlace.disableProperty().bind(vm.canMerge().not());
        grow.disableProperty().bind(vm.canGrow().not());
        refresh.disableProperty().bind(vm.busyProperty());
        return new ToolBar(refresh, mergeNew, mergeInPlace, grow);
    }

    private static Button button(String id, String text, String tooltip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        b.setAccessibleText(tooltip);
        return b;
    }

    private TreeTableView<DiskEntry> table() {
        tree.setId("storageTree");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.getColumns().setAll(List.of(
                column("File", 330, e -> e.file().toString()),
                column("Used by", 150, StorageViewModel::usedBy),
                column("Size", 80, StorageViewModel::size),
                column("Data", 160, StorageViewModel::data),
                column("State", 200, StorageViewModel::state)));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!following) {
                following = true;
                try {
                    vm.selectedProperty().set(item == null ? null : item.getValue());
                } finally {
                    following = false;
                }
            }
        });
        return tree;
    }

    private static TreeTableColumn<DiskEntry, String> column(String title, double width,
                                                             Function<DiskEntry, String> text) {
        TreeTableColumn<DiskEntry, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().getValue() == null ? ""
                : text.apply(f.getValue().getValue())));
        return c;
    }

    private javafx.scene.Node detailsPane() {
        details.setId("storageDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.setStyle("-fx-font-family: monospace;");
        details.textProperty().bind(vm.detailsProperty());
        return details;
    }

    private HBox statusBar() {
        status.setId("storageStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        progress.setId("storageProgress");
        progress.visibleProperty().bind(vm.busyProperty());
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> vm.progressProperty().get() < 0
                ? ProgressBar.INDETERMINATE_PROGRESS : vm.progressProperty().get(), vm.progressProperty()));
        cancel.setId("storageCancel");
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> vm.cancel());
        HBox bar = new HBox(8, status, progress, cancel);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    private void mergeIntoNewFile() {
        Path cow = vm.selectedProperty().get().file();
        String suggested = cow.getFileName().toString().replaceFirst("\\.cow$", "") + "-merged.img";
        saveLocation.ask(stage, "Merge " + cow.getFileName() + " into a new file", suggested)
                .ifPresent(vm::mergeIntoNewFile);
    }

    private void grow() {
        Path file = vm.selectedProperty().get().file();
        TextInputDialog ask = new TextInputDialog();
        ask.initOwner(stage);
        ask.setTitle("UML Manager");
        ask.setHeaderText("Grow " + file.getFileName() + " (now " + ByteSize.format(vm.currentSize()) + ")");
        ask.setContentText("New size (e.g. 4G):");
        ask.getDialogPane().setId("growDialog");
        ask.showAndWait().ifPresent(vm::grow);
    }

    /** For tests: what the status line says. */
    String statusText() {
        return vm.statusProperty().get();
    }

    /** Runs {@code action} on every listed entry (tests). */
    void forEachItem(Consumer<DiskEntry> action) {
        vm.all().forEach(action);
    }
}
