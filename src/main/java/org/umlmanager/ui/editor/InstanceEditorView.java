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
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.umlmanager.ui.Icons;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.model.Instance;
import org.umlmanager.ui.AppIcon;

/**
 * The editor: five pages, the command line with its problems in a panel that folds away, Save and
 * Revert. Save with errors says why instead of doing nothing. Page, dividers and the panel follow
 * an {@link EditorLayout} that the editors of all machines share.
 */
public final class InstanceEditorView {

    private static final List<String> GENERAL_FIELDS = List.of("name", "umid", "kernel", "memory", "root", "init",
            "umlDir", "cpuPinning", "extraArgs", "environment", "notes");

    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final InstanceEditorViewModel vm;
    private final EditorLayout layout;
    private final TitledPane commandLine = new TitledPane();
    private final StringProperty notice = new SimpleStringProperty("");
    private Consumer<Instance> onSave = i -> { };

    public InstanceEditorView(InstanceEditorViewModel vm) {
        this(vm, new EditorLayout());
    }

    public InstanceEditorView(InstanceEditorViewModel vm, EditorLayout layout) {
        this.vm = vm;
        this.layout = layout;
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
        tabs.getSelectionModel().select(Math.max(0, Math.min(layout.pageProperty().get(), tabs.getTabs().size() - 1)));
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> layout.pageProperty().set(b.intValue()));
        for (Tab tab : tabs.getTabs()) {
            if (tab.getContent().lookup(".split-pane") instanceof SplitPane split && !split.getDividers().isEmpty()) {
                split.getDividers().get(0).positionProperty().bindBidirectional(layout.listDividerProperty());
            }
        }
        // Any edit makes an earlier "not saved" notice stale.
        vm.editedProperty().addListener(o -> notice.set(""));
    }

    /** The form of disk {@code index} of {@code vm} alone, for adding a disk to a running guest. */
    public static Node diskForm(InstanceEditorViewModel vm, int index) {
        return DisksPage.single(vm.disks(), index, new FieldMessages(vm.problems()));
    }

    /** The form of interface {@code index} of {@code vm} alone, for adding one to a running guest. */
    public static Node interfaceForm(InstanceEditorViewModel vm, int index) {
        return NetworkPage.single(vm.network(), index, new FieldMessages(vm.problems()));
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
        Button copy = new Button("Copy", Icons.of(AppIcon.CONTENT_COPY));
        copy.setId("copyPreview");
        copy.setAccessibleText("Copy the command line");
        copy.setTooltip(new Tooltip("Copy the command line"));
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
        commandLine.setId("commandLinePanel");
        commandLine.setContent(new VBox(6, previewRow, problems));
        commandLine.setAnimated(false);
        commandLine.expandedProperty().bindBidirectional(layout.commandLineShownProperty());
        commandLine.textProperty().bind(Bindings.createStringBinding(() -> {
            long errors = vm.problems().stream().filter(Problem::isError).count();
            long warnings = vm.problems().size() - errors;
            String counts = (errors > 0 ? errors + (errors == 1 ? " error" : " errors") : "")
                    + (errors > 0 && warnings > 0 ? ", " : "")
                    + (warnings > 0 ? warnings + (warnings == 1 ? " warning" : " warnings") : "");
            return "Command line" + (counts.isEmpty() ? "" : " — " + counts);
        }, vm.problems()));
        commandLine.setTooltip(new Tooltip("The command line the machine starts with, and what is wrong with it"));

        Label status = new Label();
        status.setId("editorStatus");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() ->
                !notice.get().isEmpty() ? notice.get()
                        : vm.checkingProperty().get() ? "Checking…"
                        : vm.hasErrorsProperty().get() ? "Fix the errors to save."
                        : vm.dirtyProperty().get() ? "Unsaved changes." : "Saved.",
                notice, vm.checkingProperty(), vm.hasErrorsProperty(), vm.dirtyProperty()));
        Button revert = new Button("Revert", Icons.of(AppIcon.UNDO));
        revert.setId("revertButton");
        revert.setTooltip(new Tooltip("Throw the unsaved changes away"));
        revert.disableProperty().bind(vm.dirtyProperty().not());
        revert.setOnAction(e -> vm.revert());
        Button save = new Button("Save", Icons.of(AppIcon.CONTENT_SAVE));
        save.setId("saveButton");
        save.setDefaultButton(true);
        save.setTooltip(new Tooltip("Save the configuration (it applies at the next start)"));
        save.disableProperty().bind(vm.dirtyProperty().not().or(vm.checkingProperty()));
        save.setOnAction(e -> save());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, status, spacer, revert, save);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.SOMETIMES);

        VBox box = new VBox(6, commandLine, buttons);
        box.setPadding(new Insets(6, 12, 10, 12));
        return box;
    }

    /** Saves, or, while there are errors, says so and shows the first one instead. */
    private void save() {
        if (!vm.canSaveProperty().get()) {
            List<Problem> errors = vm.problems().stream().filter(Problem::isError).toList();
            if (!errors.isEmpty()) {
                Problem first = errors.get(0);
                notice.set("Not saved: " + errors.size() + (errors.size() == 1 ? " error" : " errors") + ". "
                        + first.subject() + ": " + first.message());
                layout.commandLineShownProperty().set(true);
                reveal(first.field());
            }
            return;
        }
        onSave.accept(vm.edited());
    }

    /** Tells why the last Save did not happen; cleared by the next edit. */
    public void setNotice(String text) {
        notice.set(text);
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
