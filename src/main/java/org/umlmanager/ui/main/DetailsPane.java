package org.umlmanager.ui.main;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.umlmanager.model.Instance;
import org.umlmanager.service.InstanceService;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.ui.editor.EditorLayout;
import org.umlmanager.ui.editor.InstanceEditorView;
import org.umlmanager.ui.editor.InstanceEditorViewModel;

/**
 * The editor of the selected instance. Saving goes through the service (a changed name is a
 * rename first); leaving unsaved edits asks Save / Discard / Cancel.
 */
final class DetailsPane {

    private final StackPane root = new StackPane();
    private final InstanceService instances;
    private final EditorFactory editors;
    private final MainViewModel main;
    private final Executor ui;
    private final EditorLayout layout = new EditorLayout();
    private InstanceEditorView current;

    DetailsPane(InstanceService instances, EditorFactory editors, MainViewModel main, Executor ui) {
        this.instances = instances;
        this.editors = editors;
        this.main = main;
        this.ui = ui;
        root.setId("detailsPane");
        showNothing();
    }

    StackPane root() {
        return root;
    }

    Optional<InstanceEditorViewModel> editor() {
        return Optional.ofNullable(current).map(InstanceEditorView::viewModel);
    }

    /** Shows {@code row}'s configuration; a row without one (an external guest) shows a note. */
    void show(InstanceRow row) {
        if (row == null) {
            showNothing();
            return;
        }
        if (row.config().isEmpty()) {
            current = null;
            Label note = new Label(row.name() + " is running but has no saved configuration. It was started"
                    + " outside UML Manager or deleted since; its consoles and mconsole still work.");
            note.setWrapText(true);
            note.setPadding(new Insets(16));
            root.getChildren().setAll(note);
            return;
        }
        InstanceEditorViewModel vm = editors.create(row.config().get());
        current = new InstanceEditorView(vm, layout);
        current.setOnSave(edited -> save(vm, edited));
        // A running machine's configuration applies at its next start: say so while it runs.
        Label running = new Label(row.name() + " is running: changes apply when it next starts. Devices ▸ Add disk…"
                + " and Add network interface… change it now.");
        running.setId("runningNote");
        running.setWrapText(true);
        running.getStyleClass().add("info-banner");
        running.visibleProperty().bind(Bindings.createBooleanBinding(() -> row.state().active(), row.stateProperty()));
        running.managedProperty().bind(running.visibleProperty());
        BorderPane.setMargin(running, new Insets(6, 12, 0, 12));
        current.root().setTop(running);
        root.getChildren().setAll(current.root());
    }

    private void showNothing() {
        current = null;
        Label none = new Label("Select a machine to see and edit its configuration.");
        none.setPadding(new Insets(16));
        root.getChildren().setAll(new BorderPane(none));
    }

    /** Saves through the service; completes on the FX thread with the saved instance. */
    CompletableFuture<Instance> save(InstanceEditorViewModel vm, Instance edited) {
        Instance before = vm.originalProperty().get();
        boolean newName = !before.name().equals(edited.name());
        if (newName && main.row(before.name()).map(r -> r.state().active()).orElse(false)) {
            IllegalStateException running = new IllegalStateException(before.name() + " is running; shut it down"
                    + " before renaming it (its session, consoles and logs go by its name)");
            Dialogs.error(root.getScene().getWindow(), "rename", before.name(), running);
            return CompletableFuture.failedFuture(running);
        }
        CompletableFuture<Instance> saving = !newName
                ? instances.update(edited)
                : instances.rename(before.name(), edited.name()).thenCompose(renamed -> instances.update(edited));
        return saving.whenCompleteAsync((saved, error) -> {
            if (error != null) {
                Dialogs.error(root.getScene().getWindow(), "save", edited.name(), error);
                return;
            }
            vm.markSaved(saved);
            main.setStatus("Saved " + saved.name() + ".");
            main.refresh();
        }, ui);
    }

    /**
     * Before the selection moves away: true to go on. Unsaved edits ask Save / Discard / Cancel;
     * Save goes on once the save succeeded.
     */
    boolean confirmLeave() {
        if (current == null || !current.viewModel().dirtyProperty().get()) {
            return true;
        }
        InstanceEditorViewModel vm = current.viewModel();
        Optional<ButtonType> answer = Dialogs.unsaved(root.getScene().getWindow(), vm.originalProperty().get().name());
        if (answer.isEmpty()) {
            return false;
        }
        if (answer.get() == Dialogs.SAVE) {
            if (!vm.canSaveProperty().get()) {
                long errors = vm.problems().stream().filter(Problem::isError).count();
                current.setNotice("Not saved: " + (vm.checkingProperty().get() ? "still checking; try again."
                        : errors + (errors == 1 ? " error" : " errors") + " to fix first (see Command line)."));
                layout.commandLineShownProperty().set(true);
                return false;
            }
            save(vm, vm.edited());
        }
        return true;
    }
}
