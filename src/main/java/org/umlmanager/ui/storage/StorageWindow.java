package org.umlmanager.ui.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
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
import org.umlmanager.cow.CowCheck;
import org.umlmanager.cow.CowFiles;
import org.umlmanager.cow.CowHeader;
import org.umlmanager.cow.CowInfo;
import org.umlmanager.cow.CowMerger;
import org.umlmanager.cow.CowUsers;
import org.umlmanager.cow.InPlacePlan;
import org.umlmanager.cow.MergeOptions;
import org.umlmanager.cow.MergeResult;
import org.umlmanager.disk.ByteSize;
import org.umlmanager.disk.DiskImages;
import org.umlmanager.disk.GrowResult;
import org.umlmanager.disk.ImageInfo;
import org.umlmanager.job.Cancellation;
import org.umlmanager.job.CancelledException;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.model.Instance;
import org.umlmanager.service.InstanceService;
import org.umlmanager.ui.console.SaveLocation;
import org.umlmanager.ui.Windows;
import org.umlmanager.ui.main.Dialogs;

/**
 * The disks of the configured instances: each backing file with the COW files that sit on it
 * (instance, unit, how much each holds, whether it still fits its backing file), and the plain
 * images with their apparent and allocated sizes. A selected file's details show its COW header
 * and the check against its backing file, or its sizes. Merges (into a new file, or in place after
 * a confirmation naming the COW files it breaks) and growing an image run on a worker thread with
 * progress and Cancel; one at a time.
 */
public final class StorageWindow {

    private final Stage stage = new Stage();
    private final InstanceService instances;
    private final Executor background;
    private final Executor ui;
    private final SaveLocation saveLocation;
    private final TreeTableView<StorageItem> tree = new TreeTableView<>(new TreeItem<>());
    private final TextArea details = new TextArea();
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancel = new Button("Cancel");
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    /** The selected file is held by a running machine. */
    private final SimpleBooleanProperty inUse = new SimpleBooleanProperty();
    private volatile List<Instance> known = List.of();
    private Cancellation job = Cancellation.none();

    private StorageWindow(Window owner, InstanceService instances, Executor background, Executor ui,
                          SaveLocation saveLocation) {
        this.instances = instances;
        this.background = background;
        this.ui = ui;
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
        Windows.secondary(stage, owner, 1000, 640);
        Windows.closeOnEscape(stage);
    }

    /** Opens the window and loads what it lists. Call on the FX thread. */
    public static StorageWindow show(Window owner, InstanceService instances, Executor background, Executor ui,
                                     SaveLocation saveLocation) {
        StorageWindow window = new StorageWindow(owner, instances, background, ui, saveLocation);
        window.stage.show();
        window.refresh();
        return window;
    }

    public Stage stage() {
        return stage;
    }

    /** Reads the configured disks again; the selection is kept by path where it still exists. */
    public void refresh() {
        status.setText("Reading the disks of the configured instances…");
        reload(true);
    }

    /** {@code announce}: whether the status line then says what was found (not after a job: it says how that went). */
    private void reload(boolean announce) {
        Optional<Path> selected = selected().map(StorageItem::file);
        instances.list().thenApplyAsync(report -> {
            known = report.instances();
            return StorageScan.of(known);
        }, background).whenCompleteAsync((items, error) -> {
            if (!stage.isShowing()) {
                return;
            }
            if (error != null) {
                status.setText("Could not read the configured instances: " + cause(error).getMessage());
                return;
            }
            tree.getSelectionModel().clearSelection();
            TreeItem<StorageItem> root = tree.getRoot();
            root.getChildren().clear();
            for (StorageItem item : items) {
                TreeItem<StorageItem> node = new TreeItem<>(item);
                if (item instanceof StorageItem.Backing b) {
                    b.cows().forEach(c -> node.getChildren().add(new TreeItem<>(c)));
                    node.setExpanded(true);
                }
                root.getChildren().add(node);
            }
            if (announce) {
                long files = items.stream().mapToLong(i -> i instanceof StorageItem.Backing b ? 1 + b.cows().size() : 1)
                        .sum();
                status.setText(items.isEmpty() ? "No configured instance has a disk." : files + " files.");
            }
            selected.ifPresent(this::select);
        }, ui);
    }

    /** Selects the row of {@code file}, if it is listed. */
    public void select(Path file) {
        for (TreeItem<StorageItem> top : tree.getRoot().getChildren()) {
            for (TreeItem<StorageItem> item : concat(top)) {
                if (item.getValue().file().equals(file)) {
                    tree.getSelectionModel().select(item);
                    return;
                }
            }
        }
    }

    private static List<TreeItem<StorageItem>> concat(TreeItem<StorageItem> top) {
        List<TreeItem<StorageItem>> all = new java.util.ArrayList<>();
        all.add(top);
        all.addAll(top.getChildren());
        return all;
    }

    private Optional<StorageItem> selected() {
        return Optional.ofNullable(tree.getSelectionModel().getSelectedItem()).map(TreeItem::getValue);
    }

    private ToolBar toolBar() {
        Button refresh = button("storageRefresh", "Refresh", "Read the disks and check the COW files again");
        refresh.setOnAction(e -> refresh());
        Button mergeNew = button("storageMergeNew", "Merge into new file…",
                "Write the COW file's disk (backing file plus changes) to a new file, as uml_moo does");
        mergeNew.setOnAction(e -> mergeIntoNewFile());
        Button mergeInPlace = button("storageMergeInPlace", "Merge in place…",
                "Write the COW file's changes into its backing file (uml_moo -d); other COW files on it stop working");
        mergeInPlace.setOnAction(e -> mergeInPlace());
        Button grow = button("storageGrow", "Grow…", "Make the image larger, and its ext filesystem with it");
        grow.setOnAction(e -> grow());
        var selection = tree.getSelectionModel().selectedItemProperty();
        javafx.beans.binding.BooleanBinding cow = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected().filter(i -> i instanceof StorageItem.Cow c && c.info().isPresent()).isPresent(),
                selection);
        javafx.beans.binding.BooleanBinding image = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected().filter(i -> !(i instanceof StorageItem.Cow)).isPresent(), selection);
        // A file a running machine holds cannot be merged or grown: say so before anything is typed.
        selection.addListener((o, a, item) -> checkInUse());
        mergeNew.disableProperty().bind(cow.not().or(busy));
        mergeInPlace.disableProperty().bind(cow.not().or(busy).or(inUse));
        grow.disableProperty().bind(image.not().or(busy).or(inUse));
        refresh.disableProperty().bind(busy);
        String running = "Not while a running machine uses it: shut that machine down first.";
        return new ToolBar(refresh, mergeNew, explained(mergeInPlace, running), explained(grow, running));
    }

    /** The button in a holder whose tooltip also says why it is disabled (a disabled button shows none). */
    private Node explained(Button button, String whyDisabled) {
        StackPane holder = new StackPane(button);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> button.getTooltip().getText()
                + (inUse.get() ? "\n" + whyDisabled : ""), inUse));
        Tooltip.install(holder, tip);
        return holder;
    }

    private void checkInUse() {
        inUse.set(false);
        Optional<Path> file = selected().map(StorageItem::file);
        if (file.isEmpty()) {
            return;
        }
        CompletableFuture.supplyAsync(() -> {
            try {
                return DiskImages.inUse(file.get());
            } catch (IOException e) {
                return false;
            }
        }, background).thenAcceptAsync(used -> {
            if (file.equals(selected().map(StorageItem::file))) {
                inUse.set(used);
            }
        }, ui);
    }

    private static Button button(String id, String text, String tooltip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        b.setAccessibleText(tooltip);
        return b;
    }

    private TreeTableView<StorageItem> table() {
        tree.setId("storageTree");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.getColumns().setAll(List.of(
                column("File", 330, i -> i.file().toString()),
                column("Used by", 150, StorageWindow::usedBy),
                column("Size", 80, StorageWindow::size),
                column("Data", 160, StorageWindow::data),
                column("State", 200, StorageWindow::state)));
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> showDetails(item));
        return tree;
    }

    private static TreeTableColumn<StorageItem, String> column(String title, double width,
                                                               Function<StorageItem, String> text) {
        TreeTableColumn<StorageItem, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().getValue() == null ? ""
                : text.apply(f.getValue().getValue())));
        return c;
    }

    private static String usedBy(StorageItem item) {
        if (item instanceof StorageItem.Backing b) {
            return b.cows().size() + (b.cows().size() == 1 ? " COW file" : " COW files");
        }
        if (item instanceof StorageItem.Cow c) {
            return c.user().instance() + " " + c.user().disk().deviceName();
        }
        return String.join(", ", ((StorageItem.Image) item).usedBy());
    }

    private static String size(StorageItem item) {
        if (item instanceof StorageItem.Cow c) {
            return c.info().map(i -> ByteSize.format(i.header().size())).orElse("");
        }
        return imageInfo(item).map(i -> ByteSize.format(i.apparentSize())).orElse("");
    }

    private static String data(StorageItem item) {
        if (item instanceof StorageItem.Cow c) {
            return c.info().map(i -> ByteSize.format(i.changedBytes()) + " changed ("
                    + String.format(Locale.ROOT, "%.1f", i.changedPercent()) + "%)").orElse("");
        }
        return imageInfo(item).map(StorageWindow::allocated).orElse("");
    }

    private static String allocated(ImageInfo info) {
        return ByteSize.format(info.allocatedBytes()) + " allocated ("
                + String.format(Locale.ROOT, "%.0f", info.allocatedPercent()) + "%)";
    }

    private static String state(StorageItem item) {
        if (item instanceof StorageItem.Cow c) {
            return c.user().state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        if (item instanceof StorageItem.Image i && !i.warning().isEmpty()) {
            return "⚠ " + i.warning();
        }
        String error = item instanceof StorageItem.Backing b ? b.error() : ((StorageItem.Image) item).error();
        return error.isEmpty() ? imageInfo(item).flatMap(ImageInfo::filesystem).orElse("") : error;
    }

    /** The sizes of a backing file or plain image; empty for a COW file or an unreadable file. */
    private static Optional<ImageInfo> imageInfo(StorageItem item) {
        if (item instanceof StorageItem.Backing b) {
            return b.info();
        }
        if (item instanceof StorageItem.Image i) {
            return i.info();
        }
        return Optional.empty();
    }

    private javafx.scene.Node detailsPane() {
        details.setId("storageDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.setStyle("-fx-font-family: monospace;");
        details.setText("Select a file to see its details.");
        return details;
    }

    private HBox statusBar() {
        status.setId("storageStatus");
        status.setWrapText(true);
        progress.setId("storageProgress");
        progress.visibleProperty().bind(busy);
        cancel.setId("storageCancel");
        cancel.visibleProperty().bind(busy);
        cancel.setOnAction(e -> job.cancel());
        HBox bar = new HBox(8, status, progress, cancel);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    private void showDetails(TreeItem<StorageItem> node) {
        if (!stage.isShowing()) {
            return;
        }
        if (node == null || node.getValue() == null) {
            details.setText("Select a file to see its details.");
            return;
        }
        StorageItem item = node.getValue();
        CompletableFuture.supplyAsync(() -> describe(item), background).whenCompleteAsync((text, error) -> {
            if (selected().orElse(null) == item) {
                details.setText(error != null ? "Could not read " + item.file() + ": " + cause(error).getMessage()
                        : text);
            }
        }, ui);
    }

    /** What the details pane says about {@code item}: reads the files (worker thread). */
    static String describe(StorageItem item) {
        StringBuilder s = new StringBuilder();
        if (item instanceof StorageItem.Cow c) {
            describeCow(c, s);
        } else if (item instanceof StorageItem.Backing b) {
            s.append("Backing file:  ").append(b.file()).append('\n');
            appendInfo(s, b.info(), b.error());
            s.append("\nCOW files on it:\n");
            b.cows().forEach(c -> s.append("  ").append(usedBy(c)).append(": ").append(c.file()).append(" [")
                    .append(state(c)).append("]\n"));
        } else if (item instanceof StorageItem.Image i) {
            s.append("Image:         ").append(i.file()).append('\n');
            s.append("Used by:       ").append(String.join(", ", i.usedBy())).append('\n');
            appendInfo(s, i.info(), i.error());
            if (!i.warning().isEmpty()) {
                s.append("\nWarning: it is ").append(i.warning()).append(".\n");
            }
        }
        return s.toString();
    }

    private static void describeCow(StorageItem.Cow c, StringBuilder s) {
        s.append("COW file:      ").append(c.file()).append('\n');
        s.append("Used by:       ").append(usedBy(c)).append('\n');
        if (c.info().isEmpty()) {
            s.append('\n').append(c.user().detail()).append('\n');
            return;
        }
        try {
            CowInfo info = CowFiles.info(c.file());
            CowHeader h = info.header();
            s.append("Format:        version ").append(h.version().number()).append('\n');
            s.append("Backing file:  ").append(h.backingFile()).append('\n');
            s.append("Disk size:     ").append(ByteSize.format(h.size())).append(" (").append(h.size())
                    .append(" bytes)\n");
            s.append("Sector size:   ").append(h.sectorSize()).append(" bytes\n");
            s.append("Backing mtime: ").append(h.mtime()).append(" (").append(Instant.ofEpochSecond(h.mtime()))
                    .append(")\n");
            s.append("Changed:       ").append(info.changedSectors()).append(" sectors, ")
                    .append(ByteSize.format(info.changedBytes()))
                    .append(String.format(Locale.ROOT, " (%.1f%%)", info.changedPercent())).append('\n');
            s.append("File length:   ").append(ByteSize.format(info.fileLength())).append('\n');
            CowCheck check = CowFiles.check(c.file(), Optional.empty());
            s.append('\n').append(check.valid() ? "Check: " : "Check failed: ").append(check.explanation())
                    .append('\n');
        } catch (IOException e) {
            s.append('\n').append("Cannot read it: ").append(e.getMessage()).append('\n');
        }
    }

    private static void appendInfo(StringBuilder s, Optional<ImageInfo> info, String error) {
        if (info.isEmpty()) {
            s.append("\n").append(error).append('\n');
            return;
        }
        ImageInfo i = info.get();
        s.append("Size:          ").append(ByteSize.format(i.apparentSize())).append(" (").append(i.apparentSize())
                .append(" bytes)\n");
        s.append("Allocated:     ").append(allocated(i)).append(i.isSparse() ? ", sparse" : "").append('\n');
        s.append("Filesystem:    ").append(i.filesystem().orElse("none found")).append('\n');
    }

    private void mergeIntoNewFile() {
        StorageItem.Cow cow = (StorageItem.Cow) selected().orElseThrow();
        String suggested = cow.file().getFileName().toString().replaceFirst("\\.cow$", "") + "-merged.img";
        Optional<Path> target = saveLocation.ask(stage, "Merge " + cow.file().getFileName() + " into a new file",
                suggested);
        if (target.isEmpty()) {
            return;
        }
        run("merge", cow.file().getFileName().toString(), (listener, cancellation) -> CowMerger.mergeToNew(cow.file(),
                target.get(), new MergeOptions(Optional.empty(), false, true), listener, cancellation),
                (MergeResult r) -> "Wrote " + r.target() + " (" + ByteSize.format(r.bytesWritten())
                        + " of data; zero sectors left as holes).");
    }

    private void mergeInPlace() {
        StorageItem.Cow cow = (StorageItem.Cow) selected().orElseThrow();
        List<Instance> configured = known;
        CompletableFuture.supplyAsync(() -> call(() -> CowMerger.planInPlace(cow.file(), Optional.empty(),
                CowUsers.cowFiles(configured))), background).whenCompleteAsync((plan, error) -> {
                    if (error != null) {
                        Dialogs.error(stage, "merge", cow.file().getFileName().toString(), cause(error));
                        return;
                    }
                    if (!confirmInPlace(plan)) {
                        status.setText("Nothing was changed.");
                        return;
                    }
                    run("merge", cow.file().getFileName().toString(),
                            (listener, cancellation) -> CowMerger.mergeInPlace(plan, true, listener, cancellation),
                            (MergeResult r) -> "Merged " + ByteSize.format(r.bytesWritten()) + " into " + r.target()
                                    + ". " + cow.file() + " no longer fits it: delete or recreate it.");
                }, ui);
    }

    private boolean confirmInPlace(InPlacePlan plan) {
        return Dialogs.confirm(stage, "Merge into " + plan.backingFile() + "?", plan.summary(), "Merge in place");
    }

    private void grow() {
        StorageItem item = selected().orElseThrow();
        long now = imageInfo(item).map(ImageInfo::apparentSize).orElse(0L);
        TextInputDialog ask = new TextInputDialog();
        Windows.dialog(ask, stage);
        ask.setTitle("UML Manager");
        ask.setHeaderText("Grow " + item.file().getFileName() + " (now " + ByteSize.format(now) + ")");
        ask.setContentText("New size (e.g. 4G):");
        ask.getDialogPane().setId("growDialog");
        Optional<String> answer = ask.showAndWait();
        if (answer.isEmpty()) {
            return;
        }
        long size;
        try {
            size = ByteSize.parse(answer.get().strip()).bytes();
        } catch (IllegalArgumentException e) {
            status.setText("Could not grow " + item.file().getFileName() + ": " + e.getMessage());
            return;
        }
        run("grow", item.file().getFileName().toString(),
                (listener, cancellation) -> DiskImages.grow(item.file(), size, listener, cancellation),
                (GrowResult r) -> item.file().getFileName() + " is now " + ByteSize.format(r.info().apparentSize())
                        + ": " + r.summary() + ".");
    }

    @FunctionalInterface
    private interface Job<T> {
        T run(ProgressListener listener, Cancellation cancellation) throws IOException;
    }

    /** Runs a long job on the worker thread, with progress and Cancel; the outcome goes to the status line. */
    private <T> void run(String action, String name, Job<T> work, Function<T, String> done) {
        Cancellation cancellation = new Cancellation();
        job = cancellation;
        busy.set(true);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void stage(String title) {
                ui.execute(() -> status.setText(title + "…"));
            }

            @Override
            public void progress(double fraction) {
                ui.execute(() -> progress.setProgress(fraction < 0 ? ProgressBar.INDETERMINATE_PROGRESS : fraction));
            }
        };
        CompletableFuture.supplyAsync(() -> call(() -> work.run(listener, cancellation)), background)
                .whenCompleteAsync((result, error) -> {
                    busy.set(false);
                    Throwable cause = error == null ? null : cause(error);
                    if (cause instanceof CancelledException) {
                        status.setText("Cancelled; nothing half-made was kept.");
                    } else if (cause != null) {
                        status.setText("Could not " + action + " " + name + ": " + cause.getMessage());
                        Dialogs.error(stage, action, name, cause);
                    } else {
                        status.setText(done.apply(result));
                    }
                    reload(false);
                }, ui);
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private static Throwable cause(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** For tests: what the status line says. */
    String statusText() {
        return status.getText();
    }

    /** Runs {@code action} on every listed item (tests). */
    void forEachItem(Consumer<StorageItem> action) {
        tree.getRoot().getChildren().forEach(top -> concat(top).forEach(i -> action.accept(i.getValue())));
    }
}
