package org.umlmanager.ui.network;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.umlmanager.model.Network;
import org.umlmanager.service.NetworkView;

/**
 * The Networks window's state: the saved networks with their state and the guests on them, the
 * selected one's form, and what can be done to it (start, stop, delete, capture). The work goes
 * through the {@link org.umlmanager.service.NetworkService} off the FX thread; results come back
 * on {@code ui}. Touches no controls; FX thread.
 */
public final class NetworksViewModel {

    private final SavedNetworks saved;
    private final Executor ui;
    private final NetworkFormViewModel form;
    private final StringProperty selected = new SimpleStringProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectBinding<Optional<NetworkView>> selectedView;
    private final BooleanBinding canStart;
    private final BooleanBinding canStop;
    private final BooleanBinding canCapture;
    private final BooleanBinding canDelete;

    public NetworksViewModel(SavedNetworks saved, Executor ui) {
        this.saved = saved;
        this.ui = ui;
        form = new NetworkFormViewModel(saved.service(), ui);
        selectedView = Bindings.createObjectBinding(() -> Optional.ofNullable(selected.get())
                .flatMap(saved::view), selected, saved.views());
        canStart = Bindings.createBooleanBinding(() -> selectedView.get().filter(v -> !hostDevice(v))
                .filter(v -> !v.status().running()).isPresent(), selectedView);
        // Stopping is refused while guests use the network: off then, as the tooltip says.
        canStop = Bindings.createBooleanBinding(() -> selectedView.get().filter(v -> v.status().running()
                && v.status().guests().isEmpty()).isPresent(), selectedView);
        canCapture = Bindings.createBooleanBinding(() -> selectedView.get().filter(v -> v.status().running())
                .isPresent(), selectedView);
        canDelete = Bindings.createBooleanBinding(() -> selectedView.get()
                .filter(v -> !v.name().equals(Network.DEFAULT_NAME)).isPresent(), selectedView);
    }

    private static boolean hostDevice(NetworkView v) {
        return v.network() instanceof Network.HostDevice;
    }

    public ObservableList<NetworkView> networks() {
        return saved.views();
    }

    public NetworkFormViewModel form() {
        return form;
    }

    /** The name of the network whose form shows; null while a new one is being made or nothing is selected. */
    public StringProperty selectedProperty() {
        return selected;
    }

    public ObjectBinding<Optional<NetworkView>> selectedViewProperty() {
        return selectedView;
    }

    /** What the last action did, or why it could not. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public BooleanBinding canStopProperty() {
        return canStop;
    }

    /** The selected network runs, so its switch can be captured. */
    public BooleanBinding canCaptureProperty() {
        return canCapture;
    }

    public BooleanBinding canDeleteProperty() {
        return canDelete;
    }

    /** Shows network {@code name}'s form (the view asks about unsaved edits first). */
    public void select(String name) {
        selected.set(name);
        Optional<NetworkView> v = saved.view(name);
        if (v.isPresent()) {
            form.load(v.get().network());
        } else {
            form.clear();
        }
    }

    /** Reads the networks again (their state changes as guests start and stop); the selection stays. */
    public CompletableFuture<Void> refresh() {
        return saved.refresh().thenAccept(list -> { });
    }

    /** A new switch, named {@code lanN}, in the form (saved by Save). */
    public void newSwitch() {
        selected.set(null);
        form.startNew(new Network.Switch(freeName("lan"), false));
    }

    /** A new NAT network named {@code natN} on a subnet no saved network overlaps, in the form. */
    public CompletableFuture<Void> newNat() {
        String name = freeName("nat");
        return saved.service().proposeNat(name).thenAcceptAsync(nat -> {
            selected.set(null);
            form.startNew(nat);
        }, ui);
    }

    private String freeName(String base) {
        Set<String> taken = saved.views().stream().map(v -> v.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + i;
        }
        return name;
    }

    /** Saves the form; the list shows the network, selected. Fails with the service's reason. */
    public CompletableFuture<Network> save() {
        return form.save().thenCompose(net -> saved.refresh().thenApplyAsync(list -> {
            selected.set(net.name());
            status.set("Saved network " + net.name() + (saved.view(net.name()).map(v -> v.status().running())
                    .orElse(false) ? "; it runs with its old settings until it is started again." : "."));
            return net;
        }, ui));
    }

    /** Deletes the selected network (refused while a machine's interface names it: the reason says which). */
    public CompletableFuture<Void> delete() {
        String name = selected.get();
        return saved.service().delete(name).thenCompose(x -> saved.refresh()).thenAcceptAsync(list -> {
            select(null);
            status.set("Deleted network " + name + ".");
        }, ui);
    }

    /** Starts the selected network's processes on their own: they run until Stop, with or without guests. */
    public CompletableFuture<Void> start() {
        String name = selected.get();
        status.set("Starting " + name + "…");
        return saved.service().start(name).thenCompose(s -> saved.refresh()).thenAcceptAsync(list ->
                status.set("Network " + name + " runs."), ui);
    }

    /** Stops the selected network's processes; refused while guests use it (the reason names them). */
    public CompletableFuture<Void> stop() {
        String name = selected.get();
        status.set("Stopping " + name + "…");
        return saved.service().stop(name).thenCompose(x -> saved.refresh()).thenAcceptAsync(list ->
                status.set("Network " + name + " stopped."), ui);
    }

    /** Capture traffic… of network {@code name}, into {@code file} unless the user picks another. */
    public CaptureViewModel capture(String name, java.nio.file.Path file) {
        return new CaptureViewModel(saved.service(), name, file, ui);
    }

    /** Says why an action failed, in the status line. */
    public void failed(String action, Throwable error) {
        Throwable cause = error;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        status.set("Could not " + action + ": " + cause.getMessage());
    }

    /** The guests on a network as the list shows them: its running guests, and the other machines configured on it. */
    public static String guests(NetworkView v) {
        Set<String> running = v.status().guests().stream().map(g -> g.instance()).collect(Collectors.toSet());
        return v.users().isEmpty() && running.isEmpty() ? "" : String.join(", ", java.util.stream.Stream.concat(
                v.users().stream(), running.stream().filter(r -> !v.users().contains(r))).map(u -> running.contains(u)
                ? u + " (running)" : u).toList());
    }

    /** {@code NAT 10.0.2.0/24}, {@code switch}, {@code switch (hub)}, {@code host device tap}. */
    public static String kind(Network n) {
        if (n instanceof Network.Nat nat) {
            return "NAT " + nat.subnet();
        }
        if (n instanceof Network.Switch s) {
            return s.hub() ? "switch (hub)" : "switch";
        }
        return "host device " + ((Network.HostDevice) n).transport().name();
    }
}
