package org.umlmanager.ui.main;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.service.InstanceService;
import org.umlmanager.ui.AppIcon;
import org.umlmanager.ui.Windows;
import org.umlmanager.ui.actions.AppAction;

/** New, Duplicate, Delete, Import command line… and Export script…: the saved configurations. */
final class ConfigActions {

    private final Supplier<Window> owner;
    private final InstanceService instances;
    private final MainViewModel main;
    private final MainUi.Context context;

    ConfigActions(Supplier<Window> owner, InstanceService instances, MainViewModel main, MainUi.Context context) {
        this.owner = owner;
        this.instances = instances;
        this.main = main;
        this.context = context;
    }

    List<AppAction> actions() {
        BooleanBinding always = Bindings.createBooleanBinding(() -> true);
        BooleanBinding oneSaved = Bindings.createBooleanBinding(() -> main.selection().size() == 1
                && !main.selection().get(0).external(), main.selection());
        BooleanBinding deletable = Bindings.createBooleanBinding(() -> !main.selection().isEmpty()
                && main.selection().stream().allMatch(r -> !r.external() && !r.state().active()), main.selection(),
                main.selectedStateProperty());
        var whyNotOne = Bindings.createStringBinding(() -> main.selection().isEmpty() ? "Select a machine first."
                : main.selection().size() > 1 ? "Select one machine." : main.selection().get(0).external()
                ? "It has no saved configuration." : "", main.selection());
        var whyNotDelete = Bindings.createStringBinding(() -> main.selection().isEmpty() ? "Select a machine first."
                : main.selection().stream().anyMatch(InstanceRow::external) ? "It has no saved configuration."
                : main.selection().stream().anyMatch(r -> r.state().active())
                ? "Shut it down first: a running machine's configuration stays." : "", main.selection(),
                main.selectedStateProperty());
        return List.of(
                new AppAction("new", "New from template…", "Make a machine's configuration from a template (no disk"
                        + " image)", shortcut(KeyCode.N), always, this::create).withIcon(AppIcon.FILE_DOCUMENT_OUTLINE),
                new AppAction("import", "Import command line…", "Make a machine from an existing command line",
                        shortcut(KeyCode.I), always, this::importLine).withButtonText("Import")
                        .withIcon(AppIcon.IMPORT),
                new AppAction("duplicate", "Duplicate…", "Copy the selected machine's configuration",
                        shortcut(KeyCode.D), oneSaved, this::duplicate).withReason(whyNotOne)
                        .withIcon(AppIcon.CONTENT_DUPLICATE),
                new AppAction("delete", "Delete…", "Delete the selected configurations (not their disk images)",
                        new KeyCodeCombination(KeyCode.DELETE), deletable, this::delete).withReason(whyNotDelete)
                        .withIcon(AppIcon.DELETE_OUTLINE),
                new AppAction("export", "Export script…", "Write a shell script that starts the machine",
                        shortcut(KeyCode.E), oneSaved, this::export).withReason(whyNotOne)
                        .withIcon(AppIcon.EXPORT));
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }

    private void create() {
        ChoiceDialog<Templates> template = new ChoiceDialog<>(Templates.BLANK, Templates.values());
        Windows.dialog(template, owner.get());
        template.setTitle("New instance");
        template.setHeaderText("Start from");
        template.getDialogPane().setId("templateDialog");
        Optional<Templates> chosen = template.showAndWait();
        if (chosen.isEmpty()) {
            return;
        }
        askName("New instance", "Name of the new instance", freeName("uml")).ifPresent(name -> {
            saveNew(chosen.get().create(name, context.defaultKernel().get(), context.dataDir()), "create");
        });
    }

    private void duplicate() {
        Instance source = main.selectedProperty().get().config().orElseThrow();
        askName("Duplicate " + source.name(), "Name of the copy", freeName(source.name() + "-copy"))
                .ifPresent(name -> saveNew(copy(source, name), "duplicate " + source.name() + " as"));
    }

    /** A copy under a new name and umid; private COW files get names of their own so the two never share one. */
    static Instance copy(Instance source, String name) {
        List<Disk> disks = source.disks().stream().map(d -> d.cowFile().isEmpty() ? d
                : new Disk(d.unit(), d.image(), Optional.of(renamed(d.cowFile().get(), name)), d.flags(), d.serial()))
                .toList();
        return source.toBuilder().name(name).umid(name).disks(disks).build();
    }

    private static String renamed(String cowFile, String name) {
        int dot = cowFile.lastIndexOf('.');
        int slash = cowFile.lastIndexOf('/');
        return dot > slash ? cowFile.substring(0, dot) + "-" + name + cowFile.substring(dot) : cowFile + "-" + name;
    }

    private void delete() {
        List<InstanceRow> rows = List.copyOf(main.selection());
        String names = String.join(", ", rows.stream().map(InstanceRow::name).toList());
        if (!Dialogs.confirm(owner.get(), "Delete " + names + "?", "The configuration is removed; disk images,"
                + " COW files and logs stay where they are.", "Delete")) {
            return;
        }
        CompletableFuture<?>[] all = rows.stream().map(r -> instances.delete(r.name())
                .whenCompleteAsync((ok, error) -> {
                    if (error != null) {
                        Dialogs.error(owner.get(), "delete", r.name(), error);
                    }
                }, context.ui())).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(all).whenCompleteAsync((ok, error) -> {
            main.setStatus("Deleted " + names + ".");
            main.refresh();
        }, context.ui());
    }

    private void importLine() {
        var dialog = ImportDialog.create(owner.get(), context.parse(), InstanceSummary::describe,
                context.background(), context.ui());
        dialog.showAndWait().ifPresent(instance -> saveNew(instance, "import"));
    }

    private void export() {
        Instance instance = main.selectedProperty().get().config().orElseThrow();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export start script of " + instance.name());
        chooser.setInitialFileName("start-" + instance.name() + ".sh");
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) {
            return;
        }
        CompletableFuture.runAsync(() -> writeScript(file.toPath(), context.script().apply(instance)),
                context.background()).whenCompleteAsync((ok, error) -> {
                    if (error != null) {
                        Dialogs.error(owner.get(), "export the script of", instance.name(), error);
                    } else {
                        main.setStatus("Wrote " + file + ".");
                    }
                }, context.ui());
    }

    private static void writeScript(Path file, String script) {
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void saveNew(Instance instance, String action) {
        instances.create(instance).whenCompleteAsync((saved, error) -> {
            if (error != null) {
                Dialogs.error(owner.get(), action, instance.name(), error);
                return;
            }
            main.setStatus("Created " + saved.name() + ".");
            main.refresh().thenRunAsync(() -> main.select(saved.name()), context.ui());
        }, context.ui());
    }

    private Optional<String> askName(String title, String header, String suggestion) {
        TextInputDialog dialog = new TextInputDialog(suggestion);
        Windows.dialog(dialog, owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getEditor().setId("nameInput");
        dialog.getDialogPane().setId("nameDialog");
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private String freeName(String base) {
        String name = base;
        for (int n = 2; main.row(name).isPresent(); n++) {
            name = base + n;
        }
        return name;
    }
}
