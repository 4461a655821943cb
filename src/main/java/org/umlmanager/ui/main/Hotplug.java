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
import javafx.stage.Window;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.model.NetworkInterface;
import org.umlmanager.service.CommandLines;
import org.umlmanager.service.GuestRuntime;
import org.umlmanager.service.InstanceService;
import org.umlmanager.ui.Windows;
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
            if (vm.disks().add().isEmpty()) {
                main.setStatus(config.name() + " has all 16 disks already.");
                return;
            }
            Node form = InstanceEditorView.diskForm(vm, vm.disks().disks().size() - 1);
            add(config, vm, "Add a disk to " + config.name(), form, "disks[" + (vm.disks().disks().size() - 1) + "]",
                    "add a disk to", edited -> configAll(config, args(edited.disks().stream()
                            .filter(d -> !config.disks().contains(d)).toList(), List.of())));
        });
    }

    void addNetwork() {
        selectedConfig().ifPresent(config -> {
            InstanceEditorViewModel vm = editors.create(config);
            vm.network().add();
            Node form = InstanceEditorView.interfaceForm(vm, vm.network().interfaces().size() - 1);
            add(config, vm, "Add a network interface to " + config.name(), form,
                    "networks[" + (vm.network().interfaces().size() - 1) + "]",
                    "add a network interface to", edited -> addInterfaces(config, edited.networks().stream()
                            .filter(n -> !config.networks().contains(n)).toList()));
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
            Windows.dialog(choice, owner);
            choice.setTitle("Remove device");
            choice.setHeaderText("Remove a device from the running " + config.name());
            choice.getDialogPane().setId("removeDeviceDialog");
            choice.showAndWait().map(d -> d.split(" ")[0]).ifPresent(device ->
                    // Through the runtime: a network the interface was on forgets it (and stops if it was the last).
                    runtime.removeDevice(config, device).whenCompleteAsync((x, failure) -> {
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

    /**
     * @param field the new device's place in the validator's problems: only its own errors hold the
     *              plug back (the saved configuration's other problems are not this dialog's business)
     */
    private void add(Instance config, InstanceEditorViewModel vm, String title, Node page, String field,
                     String action, Function<Instance, CompletableFuture<List<String>>> plugIn) {
        Dialog<Instance> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(title + " (mconsole config); saving it in the configuration is offered next.");
        dialog.getDialogPane().setContent(page);
        dialog.getDialogPane().setPrefWidth(640);
        dialog.getDialogPane().setId("hotplugDialog");
        Windows.dialog(dialog, owner);
        ButtonType plug = new ButtonType("Add to the running guest", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(plug, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(plug).disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.checkingProperty().get() || vm.problems().stream().anyMatch(p -> p.isError()
                        && (p.field().equals(field) || p.field().startsWith(field + ".")
                        || p.field().startsWith(field + "["))), vm.problems(), vm.checkingProperty()));
        dialog.setResultConverter(b -> b == plug ? vm.edited() : null);
        dialog.showAndWait().ifPresent(edited -> plugIn.apply(edited).whenCompleteAsync((args, error) -> {
            if (error != null) {
                Dialogs.error(owner, action, config.name(), error);
                return;
            }
            main.setStatus("Sent to " + config.name() + ": " + String.join(" ", args));
            offerSave(edited, "Also save the new device in the configuration of " + config.name() + "?");
        }, ui));
    }

    /** Sends each argument with mconsole {@code config}, in order; completes with them. */
    private CompletableFuture<List<String>> configAll(Instance config, List<String> args) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String arg : args) {
            chain = chain.thenCompose(x -> runtime.command(config.name(), "config " + arg)).thenAccept(reply -> {
                if (!reply.ok()) {
                    throw new IllegalStateException(arg + ": " + reply.text().strip());
                }
            });
        }
        return chain.thenApply(x -> args);
    }

    /**
     * Adds each interface through the runtime: one on a saved network gets its network started and
     * the guest registered with it, as at a start. Completes with the arguments the kernel took.
     */
    private CompletableFuture<List<String>> addInterfaces(Instance config, List<NetworkInterface> nics) {
        CompletableFuture<List<String>> chain = CompletableFuture.completedFuture(List.of());
        for (NetworkInterface nic : nics) {
            chain = chain.thenCompose(done -> runtime.addInterface(config, nic).thenApply(arg -> {
                List<String> all = new ArrayList<>(done);
                all.add(arg);
                return all;
            }));
        }
        return chain;
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
