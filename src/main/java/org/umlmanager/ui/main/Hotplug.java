package org.umlmanager.ui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.SplitPane;
import javafx.stage.Window;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.model.NetworkInterface;
import org.umlmanager.service.CommandLines;
import org.umlmanager.service.GuestRuntime;
import org.umlmanager.service.InstanceService;
import org.umlmanager.ui.editor.InstanceEditorView;
import org.umlmanager.ui.editor.InstanceEditorViewModel;

/**
 * Add disk…, Add network interface… and Remove device… on a running guest: the editor's own
 * Disks and Network forms, the change sent with mconsole {@code config}/{@code remove}, then an
 * offer to make it part of the saved configuration too.
 */
final class Hotplug {

    private final GuestRuntime runtime;
    private final InstanceService instances;
    private final EditorFactory editors;
    private final MainViewModel main;
    private final Window owner;
    private final Executor ui;

    Hotplug(GuestRuntime runtime, InstanceService instances, EditorFactory editors, MainViewModel main, Window owner,
            Executor ui) {
        this.runtime = runtime;
        this.instances = instances;
        this.editors = editors;
        this.main = main;
        this.owner = owner;
        this.ui = ui;
    }

    void addDisk() {
        selectedConfig().ifPresent(config -> {
            InstanceEditorViewModel vm = editors.create(config);
            vm.disks().add();
            add(config, vm, "Add a disk to " + config.name(), InstanceEditorView.disksPage(vm), "add a disk to",
                    edited -> args(edited.disks().stream().filter(d -> !config.disks().contains(d)).toList(),
                            List.of()));
        });
    }

    void addNetwork() {
        selectedConfig().ifPresent(config -> {
            InstanceEditorViewModel vm = editors.create(config);
            vm.network().add();
            add(config, vm, "Add a network interface to " + config.name(), InstanceEditorView.networkPage(vm),
                    "add a network interface to", edited -> args(List.of(),
                            edited.networks().stream().filter(n -> !config.networks().contains(n)).toList()));
        });
    }

    void removeDevice() {
        selectedConfig().ifPresent(config -> {
            List<String> devices = new ArrayList<>();
            config.disks().forEach(d -> devices.add("ubd" + d.unit() + "  (" + d.writableFile() + ")"));
            config.networks().forEach(n -> devices.add(n.deviceName() + "  (" + n.transportName() + ")"));
            if (devices.isEmpty()) {
                main.setStatus(config.name() + " has no disk or interface to remove.");
                return;
            }
            ChoiceDialog<String> choice = new ChoiceDialog<>(devices.get(0), devices);
            choice.initOwner(owner);
            choice.setTitle("Remove device");
            choice.setHeaderText("Remove a device from the running " + config.name());
            choice.getDialogPane().setId("removeDeviceDialog");
            choice.showAndWait().map(d -> d.split(" ")[0]).ifPresent(device ->
                    runtime.command(config.name(), "remove " + device).whenCompleteAsync((reply, error) -> {
                        Throwable failure = error != null ? error : reply.ok() ? null
                                : new IllegalStateException(reply.text().strip());
                        if (failure != null) {
                            Dialogs.error(owner, "remove " + device + " from", config.name(), failure);
                            return;
                        }
                        main.setStatus("Removed " + device + " from the running " + config.name() + ".");
                        Instance without = config.toBuilder()
                                .disks(config.disks().stream().filter(d -> !("ubd" + d.unit()).equals(device)).toList())
                                .networks(config.networks().stream().filter(n -> !n.deviceName().equals(device))
                                        .toList()).build();
                        offerSave(without, "Also remove " + device + " from the saved configuration?");
                    }, ui));
        });
    }

    private Optional<Instance> selectedConfig() {
        InstanceRow row = main.selectedProperty().get();
        return row == null ? Optional.empty() : row.config();
    }

    private void add(Instance config, InstanceEditorViewModel vm, String title, Node page, String action,
                     Function<Instance, List<String>> newArgs) {
        Dialog<Instance> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title + " (mconsole config); the configuration is offered next.");
        dialog.getDialogPane().setContent(page);
        dialog.getDialogPane().setPrefSize(900, 560);
        dialog.getDialogPane().setId("hotplugDialog");
        // Laid out first at the content's own width, the list took half the dialog and squeezed the form.
        dialog.setOnShown(e -> {
            if (page.lookup(".split-pane") instanceof SplitPane split) {
                split.setDividerPositions(0.28);
            }
        });
        ButtonType plug = new ButtonType("Add to the running guest", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(plug, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(plug).disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.hasErrorsProperty().get() || vm.checkingProperty().get(), vm.hasErrorsProperty(),
                vm.checkingProperty()));
        dialog.setResultConverter(b -> b == plug ? vm.edited() : null);
        dialog.showAndWait().ifPresent(edited -> {
            List<String> args = newArgs.apply(edited);
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (String arg : args) {
                chain = chain.thenCompose(x -> runtime.command(config.name(), "config " + arg)).thenAccept(reply -> {
                    if (!reply.ok()) {
                        throw new IllegalStateException(arg + ": " + reply.text().strip());
                    }
                });
            }
            chain.whenCompleteAsync((ok, error) -> {
                if (error != null) {
                    Dialogs.error(owner, action, config.name(), error);
                    return;
                }
                main.setStatus("Sent to " + config.name() + ": " + String.join(" ", args));
                offerSave(edited, "Also save " + String.join(" ", args) + " in the configuration?");
            }, ui);
        });
    }

    private void offerSave(Instance changed, String question) {
        if (Dialogs.confirm(owner, question, "The guest already has the change; saving makes it part of every"
                + " next start.", "Save")) {
            instances.update(changed).whenCompleteAsync((saved, error) -> {
                if (error != null) {
                    Dialogs.error(owner, "save", changed.name(), error);
                } else {
                    main.refresh();
                }
            }, ui);
        }
    }

    /** The command-line arguments of these devices, as {@code config} takes them. */
    static List<String> args(List<Disk> disks, List<NetworkInterface> nics) {
        Instance only = Instance.builder("hotplug").disks(disks).networks(nics).build();
        return CommandLines.kernelArgs(only, GenerateOptions.none()).stream()
                .filter(a -> a.startsWith("ubd") || a.startsWith("vec") || a.startsWith("eth")).toList();
    }
}
