package org.umlmanager.ui.network;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.cmdline.AttachmentResolver;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.service.NetworkService;
import org.umlmanager.service.NetworkView;
import org.umlmanager.ui.editor.NetworkChoices;

/**
 * The saved networks as the desktop app shows them, one list for the whole window: the Networks
 * window, the editor's "Connect to", the New VM wizard and Add network interface… all read it. It
 * is read through the {@link NetworkService} off the FX thread and replaced on it. The command-line
 * previews (the editor's, the New VM wizard's Summary) resolve interfaces over what was last read,
 * never over the files, so they never make the FX thread wait for the disk; a save or delete in the
 * Networks window reads the list again.
 */
public final class SavedNetworks implements NetworkChoices {

    private static final Logger LOG = LoggerFactory.getLogger(SavedNetworks.class);

    private final NetworkService service;
    private final Executor ui;
    private final ObservableList<NetworkView> views = FXCollections.observableArrayList();
    private final ObservableList<Network> networks = FXCollections.observableArrayList(Network.builtInDefault());
    /** {@link #networks} for any thread: previews resolve interfaces over it instead of reading the files. */
    private volatile List<Network> snapshot = List.of(Network.builtInDefault());

    /** @param ui the FX thread ({@code Platform::runLater}) */
    public SavedNetworks(NetworkService service, Executor ui) {
        this.service = service;
        this.ui = ui;
    }

    public NetworkService service() {
        return service;
    }

    /** Every network with its state and users, as last read; FX thread. */
    public ObservableList<NetworkView> views() {
        return views;
    }

    @Override
    public ObservableList<Network> networks() {
        return networks;
    }

    @Override
    public CompletableFuture<NetworkAttachment.Family> family(String kernel) {
        return service.family(kernel);
    }

    /**
     * What interfaces naming a saved network become on {@code instance}'s command line, over the
     * networks as last read; reads no file, so any thread may call it (the FX thread included).
     */
    public AttachmentResolver resolver(String instance) {
        return service.resolver(instance, snapshot);
    }

    /** The view of {@code name} as last read. */
    public Optional<NetworkView> view(String name) {
        return views.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** Reads the networks again; completes on the FX thread once the lists show them (failures are logged and kept). */
    public CompletableFuture<List<NetworkView>> refresh() {
        return service.list().whenCompleteAsync((list, error) -> {
            if (error != null) {
                LOG.warn("Could not read the saved networks: {}", error.getMessage());
                return;
            }
            if (!list.equals(views)) {
                views.setAll(list);
            }
            List<Network> now = list.stream().map(NetworkView::network).toList();
            snapshot = now;
            if (!now.equals(networks)) {
                networks.setAll(now);
            }
        }, ui);
    }
}
