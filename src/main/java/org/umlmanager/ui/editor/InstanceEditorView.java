package org.umlmanager.ui.editor;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.model.Instance;

/** The editor: five pages, the command-line preview, the problem list, Save and Revert. */
public final class InstanceEditorView {

    private static final List<String> GENERAL_FIELDS = List.of("name", "umid", "kernel", "memory", "root", "init",
            "umlDir", "cpuPinning", "extraArgs", "environment", "notes");

    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final InstanceEditorViewModel vm;
    private Consumer<Instance> onSave = i -> { };

    public InstanceEditorView(InstanceEditorViewModel vm) {
        this.vm = vm;
        FieldMessages messages = new FieldMessages(vm.problems());
        tabs.setId("editorTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("General", "generalTab", GeneralPage.create(vm.general(), messages), GENERAL_FIELDS),
                tab("Disks", "disksTab", DisksPage.create(vm.disks(), messages), List.of("disks")),
                tab("Network", "networkTab", NetworkPage.create(vm.network(), messages), List.of("networks")),
                tab("Consoles & serial lines", "consolesTab", ConsolesPage.create(vm.consoles(), messages),
                        List.of("consoles")),
                tab("Host access", "hostTab", HostAccessPage.create(vm.hostAccess(), messages), List.of("hostfs")));
        root.setCenter(tabs);
        root.setBottom(bottom());
    }

    /** The Disks page alone over {@code vm}, for adding a disk to a running guest. */
    public static Node disksPage(InstanceEditorViewModel vm) {
        return DisksPage.create(vm.disks(), new FieldMessages(vm.problems()));
    }

    /** The Network page alone over {@code vm}, for adding an interface to a running guest. */
    public static Node networkPage(InstanceEditorViewModel vm) {
        return NetworkPage.create(vm.network(), new FieldMessages(vm.problems()));
    }

    public BorderPane root() {
        return root;
    }

    public InstanceEditorViewModel viewModel() {
        return vm;
    }

    /** What Save does with the edited instance (the owner saves it through the service). */
    public void setOnSave(Consumer<Instance> action) {
        onSave = action;
    }

    private Tab tab(String title, String id, Node content, List<String> fields) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        vm.problems().addListener((InvalidationListener) o -> {
            boolean bad = vm.problems().stream().anyMatch(p -> p.isError() && fields.stream().anyMatch(
                    f -> p.field().equals(f) || p.field().startsWith(f + ".") || p.field().startsWith(f + "[")));
            tab.setText(bad ? "⚠ " + title : title);
        });
        return tab;
    }

    private VBox bottom() {
        TextArea preview = new TextArea();
        preview.setId("previewText");
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.setPrefRowCount(2);
        preview.getStyleClass().add("command-preview");
        preview.setAccessibleText("Command line preview");
        preview.textProperty().bind(vm.commandLineProperty());
        Button copy = new Button("Copy");
        copy.setId("copyPreview");
        copy.setAccessibleText("Copy the command line");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.commandLineProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox previewRow = new HBox(6, preview, copy);
        HBox.setHgrow(preview, Priority.ALWAYS);

        ListView<Problem> problems = new ListView<>(vm.problems());
        problems.setId("problemList");
        problems.setPrefHeight(90);
        problems.setAccessibleText("Problems");
        problems.setCellFactory(v -> new ListCell<>() {
            {
                // Wrapped, not scrolled sideways: the messages are sentences.
                setWrapText(true);
                prefWidthProperty().bind(v.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : (p.isError() ? "✖ " : "⚠ ") + p.subject() + ": " + p.message());
            }
        });
        problems.visibleProperty().bind(Bindings.isNotEmpty(vm.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        problems.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                reveal(p.field());
            }
        });

        Label status = new Label();
        status.setId("editorStatus");
        status.textProperty().bind(Bindings.createStringBinding(() ->
                vm.checkingProperty().get() ? "Checking…"
                        : vm.hasErrorsProperty().get() ? "Fix the errors to save."
                        : vm.dirtyProperty().get() ? "Unsaved changes." : "Saved.",
                vm.checkingProperty(), vm.hasErrorsProperty(), vm.dirtyProperty()));
        Button revert = new Button("Revert");
        revert.setId("revertButton");
        revert.disableProperty().bind(vm.dirtyProperty().not());
        revert.setOnAction(e -> vm.revert());
        Button save = new Button("Save");
        save.setId("saveButton");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> onSave.accept(vm.edited()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, status, spacer, revert, save);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(6, new Label("Command line"), previewRow, problems, buttons);
        box.setPadding(new Insets(8, 12, 12, 12));
        return box;
    }

    /** Shows the page (and row) a problem's field belongs to. */
    private void reveal(String field) {
        if (GENERAL_FIELDS.stream().anyMatch(field::startsWith)) {
            tabs.getSelectionModel().select(0);
        } else if (field.startsWith("disks")) {
            tabs.getSelectionModel().select(1);
            index(field).ifPresent(vm.disks().selectedProperty()::set);
        } else if (field.startsWith("networks")) {
            tabs.getSelectionModel().select(2);
            index(field).ifPresent(vm.network().selectedProperty()::set);
        } else if (field.startsWith("consoles")) {
            tabs.getSelectionModel().select(3);
            index(field).ifPresent(vm.consoles().selectedProperty()::set);
        } else if (field.startsWith("hostfs")) {
            tabs.getSelectionModel().select(4);
        }
    }

    private static Optional<Integer> index(String field) {
        int open = field.indexOf('[');
        int close = field.indexOf(']');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(field.substring(open + 1, close)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
