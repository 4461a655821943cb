package org.umlmanager.ui.lab;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.umlmanager.job.Cancellation;
import org.umlmanager.lab.LabProblem;
import org.umlmanager.service.LabImportRequest;
import org.umlmanager.service.LabRunner;
import org.umlmanager.service.LabService;
import org.umlmanager.ui.console.SaveLocation;

/**
 * The Labs window: the saved labs on the left, the selected lab's topology on the right with its
 * description and running count ("3 of 5 running"), a toolbar to import, start, shut down or force
 * off the whole lab, export it as a lab directory and save the drawing as PNG or SVG, and a status
 * line. A directory dropped on the window is imported. Double-clicking a device opens its console
 * in the main window.
 */
public final class LabsWindow {

    /**
     * What the window needs from the app.
     *
     * @param kernel      the kernel new devices boot
     * @param openConsole shows an instance's console tabs (in the main window)
     * @param background  where files are written
     * @param save        asks where a file goes
     */
    public record Context(Supplier<String> kernel, Consumer<String> openConsole, Executor background,
                          SaveLocation save) {
    }

    private final Stage stage = new Stage();
    private final LabsViewModel vm;
    private final Context context;
    private final TopologyView topology;
    private Cancellation capture = Cancellation.none();
    private final Button stopCapture = new Button("Stop capture");

    private LabsWindow(Window owner, LabsViewModel vm, Context context) {
        this.vm = vm;
        this.context = context;
        this.topology = new TopologyView(vm, new Actions());
        stage.initOwner(owner);
        stage.setTitle("Labs");
        BorderPane root = new BorderPane();
        root.setId("labsWindow");
        root.setTop(toolBar());
        ListView<String> list = new ListView<>(vm.labs());
        list.setId("labList");
        list.setPlaceholder(new Label("No labs yet: Import lab…, or drop a lab directory here."));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, name) -> {
            if (name != null) {
                vm.selectedProperty().set(name);
            }
        });
        vm.selectedProperty().addListener((o, a, name) -> {
            if (name != null && !name.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(name);
            }
        });
        list.setMinWidth(140);
        list.setPrefWidth(190);
        list.setMaxWidth(320);
        SplitPane split = new SplitPane(list, center());
        SplitPane.setResizableWithParent(list, false);
        split.setDividerPositions(0.17);
        root.setCenter(split);
        root.setBottom(statusBar());
        Scene scene = new Scene(root, 1180, 720);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        acceptDrops(root);
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            vm.savePositions();
            capture.cancel();
            vm.close();
        });
    }

    /** Opens the window and lists the labs. Call on the FX thread. */
    public static LabsWindow show(Window owner, LabsViewModel vm, Context context) {
        LabsWindow w = new LabsWindow(owner, vm, context);
        w.stage.show();
        vm.refresh();
        return w;
    }

    public Stage stage() {
        return stage;
    }

    public TopologyView topology() {
        return topology;
    }

    public LabsViewModel viewModel() {
        return vm;
    }

    private Node center() {
        Label title = new Label();
        title.setId("labTitle");
        title.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null ? ""
                : "Lab " + vm.selectedProperty().get(), vm.selectedProperty()));
        Label description = new Label();
        description.textProperty().bind(vm.descriptionProperty());
        Label progress = new Label();
        progress.setId("labProgress");
        progress.textProperty().bind(vm.progressProperty());
        progress.setStyle("-fx-font-weight: bold;");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(10, title, description, gap, progress);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.setPadding(new Insets(6, 8, 6, 8));
        Label legend = new Label("Drag nodes to arrange them; double-click a device for its console; right-click for"
                + " more. Green: running, amber: starting or stopping, grey: stopped, red: crashed or failed.");
        legend.setStyle("-fx-font-size: 11px; -fx-text-fill: #555;");
        legend.setPadding(new Insets(2, 8, 4, 8));
        VBox box = new VBox(header, topology.root(), legend);
        VBox.setVgrow(topology.root(), Priority.ALWAYS);
        return box;
    }

    private ToolBar toolBar() {
        BooleanBinding none = vm.selectedProperty().isNull();
        Button importButton = button("Import lab…", "tool-lab-import", "Import a Kathará or Netkit lab directory",
                () -> importLab(Optional.empty()));
        importButton.disableProperty().bind(vm.busyProperty());
        Button start = button("Start lab", "tool-lab-start", "Start every device in lab.dep order", () -> vm.start(
                LabRunner.defaultParallel()));
        start.disableProperty().bind(none.or(vm.busyProperty()));
        Button stop = button("Shut down lab", "tool-lab-stop", "Shut the devices down (their shutdown files run),"
                + " then the lab's networks", () -> vm.stop(false));
        stop.disableProperty().bind(none.or(vm.busyProperty()));
        Button off = button("Force off", "tool-lab-forceoff", "Halt every device at once", () -> vm.stop(true));
        off.disableProperty().bind(none.or(vm.busyProperty()));
        Button export = button("Export lab…", "tool-lab-export", "Write the lab back as a lab directory",
                this::exportLab);
        export.disableProperty().bind(none);
        MenuButton picture = new MenuButton("Save drawing");
        picture.setId("tool-lab-picture");
        picture.setTooltip(new Tooltip("Save the topology as a picture"));
        MenuItem png = new MenuItem("As PNG…");
        png.setId("menu-lab-png");
        png.setOnAction(e -> savePng());
        MenuItem svg = new MenuItem("As SVG…");
        svg.setId("menu-lab-svg");
        svg.setOnAction(e -> saveSvg());
        picture.getItems().addAll(png, svg);
        picture.disableProperty().bind(none);
        return new ToolBar(importButton, new Separator(Orientation.VERTICAL), start, stop, off,
                new Separator(Orientation.VERTICAL), export, picture);
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("labStatus");
        status.textProperty().bind(vm.statusProperty());
        stopCapture.setId("labStopCapture");
        stopCapture.setVisible(false);
        stopCapture.managedProperty().bind(stopCapture.visibleProperty());
        stopCapture.setOnAction(e -> capture.cancel());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, status, gap, stopCapture);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** A directory (with a lab.conf) dropped on the window is offered for import. */
    private void acceptDrops(Node root) {
        root.setOnDragOver(e -> {
            if (droppedDirectory(e.getDragboard().getFiles()).isPresent()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            Optional<Path> dir = droppedDirectory(e.getDragboard().getFiles());
            e.setDropCompleted(dir.isPresent());
            e.consume();
            dir.ifPresent(d -> importLab(Optional.of(d)));
        });
    }

    /** The directory among dropped files, if there is exactly one. */
    public static Optional<Path> droppedDirectory(List<File> files) {
        if (files == null || files.size() != 1 || !files.get(0).isDirectory()) {
            return Optional.empty();
        }
        return Optional.of(files.get(0).toPath());
    }

    /** Asks what to import (the directory already filled in, if given) and imports it. */
    public void importLab(Optional<Path> directory) {
        Optional<LabImportRequest> request = LabImportDialog.ask(stage, directory, context.kernel());
        request.ifPresent(this::importNow);
    }

    /** Imports without asking (for a drop with everything known, and tests). */
    public CompletableFuture<?> importNow(LabImportRequest request) {
        return vm.importLab(request, new Cancellation()).whenComplete((result, error) -> {
            if (error != null) {
                javafx.application.Platform.runLater(() -> importFailed(error));
            } else if (!result.warnings().isEmpty()) {
                javafx.application.Platform.runLater(() -> problems(Alert.AlertType.INFORMATION, "Imported lab "
                        + result.lab().name() + ". Worth knowing:", result.warnings()));
            }
        });
    }

    private void importFailed(Throwable error) {
        problems(Alert.AlertType.ERROR, "Nothing was imported:", LabService.importProblems(error).orElseGet(() ->
                List.of(LabProblem.error("import", LabsViewModel.reason(error)))));
    }

    private void problems(Alert.AlertType type, String header, List<LabProblem> problems) {
        Alert alert = new Alert(type);
        alert.initOwner(stage);
        alert.setTitle("Import lab");
        alert.setHeaderText(header);
        TextArea text = new TextArea(problems.stream().map(p -> (p.error() ? "error: " : "warning: ") + p)
                .collect(Collectors.joining("\n")));
        text.setEditable(false);
        text.setWrapText(true);
        text.setId("labImportProblems");
        text.setPrefRowCount(Math.min(14, problems.size() * 2 + 1));
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setId(type == Alert.AlertType.ERROR ? "labImportError" : "labImportRemarks");
        alert.show();
    }

    private void exportLab() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export lab " + vm.selectedProperty().get() + " into a new or empty directory");
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            vm.export(dir.toPath());
        }
    }

    private void savePng() {
        String name = vm.selectedProperty().get();
        context.save().ask(stage, "Save the drawing of " + name + " as PNG", name + ".png").ifPresent(file -> {
            java.awt.image.BufferedImage pixels = PngFiles.pixels(topology.snapshot());
            vm.writePng(file, pixels);
        });
    }

    private void saveSvg() {
        String name = vm.selectedProperty().get();
        context.save().ask(stage, "Save the drawing of " + name + " as SVG", name + ".svg")
                .ifPresent(file -> vm.write(file, vm.svg()));
    }

    private final class Actions implements TopologyView.Actions {
        @Override
        public void openConsole(TopologyNode device) {
            context.openConsole().accept(device.target());
        }

        @Override
        public void start(TopologyNode device) {
            vm.startDevice(device);
        }

        @Override
        public void stop(TopologyNode device, boolean force) {
            vm.stopDevice(device, force);
        }

        @Override
        public void capture(TopologyNode domain) {
            context.save().ask(stage, "Capture the traffic of " + domain.name(), domain.target() + ".pcap")
                    .ifPresent(file -> {
                        capture.cancel();
                        Cancellation c = new Cancellation();
                        capture = c;
                        stopCapture.setVisible(true);
                        vm.capture(domain, file, c).whenComplete((r, e) -> javafx.application.Platform.runLater(() -> {
                            if (capture == c) {
                                stopCapture.setVisible(false);
                            }
                        }));
                    });
        }
    }
}
