package org.umlmanager.ui.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.job.Cancellation;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.launch.GuestEvent;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Lab;
import org.umlmanager.model.LabDevice;
import org.umlmanager.model.LabDomain;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.NodePosition;
import org.umlmanager.network.NetworkCapture;
import org.umlmanager.service.GuestRuntime;
import org.umlmanager.service.LabImportRequest;
import org.umlmanager.service.LabImportResult;
import org.umlmanager.service.LabProgress;
import org.umlmanager.service.LabRunner;
import org.umlmanager.service.LabService;
import org.umlmanager.service.LabStatus;
import org.umlmanager.service.NetworkService;

/**
 * State of the Labs window: the saved labs, the selected lab's drawing (nodes, links, their states
 * followed live from the runtime's events), whole-lab start and stop with a running count, node
 * positions, import, export as SVG, capture of a domain's traffic. Never touches controls; every
 * property changes on the FX thread ({@code ui}); blocking work runs on {@code background}.
 */
public final class LabsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(LabsViewModel.class);
    /** The area nodes without a saved position are laid out in. */
    static final double AREA_WIDTH = 860;
    static final double AREA_HEIGHT = 540;

    private final LabService labs;
    private final LabRunner runner;
    private final GuestRuntime runtime;
    private final NetworkService networks;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObjectProperty<String> selected = new SimpleObjectProperty<>();
    private final ObservableList<TopologyNode> nodes = FXCollections.observableArrayList();
    private final ObservableList<TopologyEdge> edges = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Map<String, TopologyNode> byInstance = new LinkedHashMap<>();
    private Lab lab;
    private boolean positionsChanged;
    private final AutoCloseable subscription;

    public LabsViewModel(LabService labs, LabRunner runner, GuestRuntime runtime, NetworkService networks,
                         Executor background, Executor ui) {
        this.labs = labs;
        this.runner = runner;
        this.runtime = runtime;
        this.networks = networks;
        this.background = background;
        this.ui = ui;
        selected.addListener((o, old, name) -> {
            if (name != null && !name.equals(old)) {
                load(name);
            }
        });
        subscription = runtime.addListener(event -> ui.execute(() -> apply(event)));
    }

    public ObservableList<String> labs() {
        return names;
    }

    public ObjectProperty<String> selectedProperty() {
        return selected;
    }

    public ObservableList<TopologyNode> nodes() {
        return nodes;
    }

    public ObservableList<TopologyEdge> edges() {
        return edges;
    }

    /** "3 of 5 running" for the selected lab. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** Whether a whole-lab start, stop or import runs. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    public Optional<Lab> lab() {
        return Optional.ofNullable(lab);
    }

    public Optional<TopologyNode> node(NodePosition.Kind kind, String name) {
        return nodes.stream().filter(n -> n.kind() == kind && n.name().equals(name)).findFirst();
    }

    /** Lists the saved labs again; the selection stays when the lab still exists. */
    public CompletableFuture<Void> refresh() {
        return labs.list().thenAcceptAsync(report -> {
            String keep = selected.get();
            names.setAll(report.labs().stream().map(Lab::name).toList());
            report.problems().forEach(p -> status.set("Lab file not loaded: " + p));
            if (keep != null && names.contains(keep)) {
                load(keep);
            } else {
                selected.set(names.isEmpty() ? null : names.get(0));
                if (names.isEmpty()) {
                    clear();
                }
            }
        }, ui).exceptionally(e -> failed("list the labs", e));
    }

    private void clear() {
        lab = null;
        nodes.clear();
        edges.clear();
        byInstance.clear();
        progress.set("");
        description.set("");
    }

    /** Reads the lab, its instances and their states, and builds the drawing. */
    public CompletableFuture<Void> load(String name) {
        CompletableFuture<Lab> labF = labs.get(name);
        CompletableFuture<List<Instance>> members = labs.members(name);
        return labF.thenCombine(members, (l, m) -> Map.entry(l, m)).thenCombine(runner.status(name),
                (e, s) -> new Loaded(e.getKey(), e.getValue(), s)).thenAcceptAsync(this::show, ui)
                .exceptionally(e -> failed("read lab " + name, e));
    }

    private record Loaded(Lab lab, List<Instance> members, LabStatus status) {
    }

    private void show(Loaded loaded) {
        if (!loaded.lab().name().equals(selected.get())) {
            return;
        }
        lab = loaded.lab();
        description.set(lab.meta(Lab.DESCRIPTION).orElse(""));
        byInstance.clear();
        Map<String, TopologyNode> byNetwork = new LinkedHashMap<>();
        List<TopologyNode> all = new ArrayList<>();
        for (LabDomain d : lab.domains()) {
            TopologyNode n = new TopologyNode(NodePosition.Kind.DOMAIN, d.name(), d.network());
            byNetwork.put(d.network(), n);
            all.add(n);
        }
        List<TopologyEdge> links = new ArrayList<>();
        for (LabDevice d : lab.devices()) {
            TopologyNode device = new TopologyNode(NodePosition.Kind.DEVICE, d.name(), d.instance());
            byInstance.put(d.instance(), device);
            all.add(device);
            Optional<Instance> instance = loaded.members().stream().filter(i -> i.name().equals(d.instance()))
                    .findFirst();
            if (instance.isEmpty()) {
                device.stateProperty().set(NodeState.MISSING);
                continue;
            }
            for (NetworkAttachment a : instance.get().attachments()) {
                TopologyNode network = byNetwork.computeIfAbsent(a.network(), n -> {
                    TopologyNode outside = new TopologyNode(NodePosition.Kind.NETWORK, n, n);
                    all.add(outside);
                    return outside;
                });
                links.add(new TopologyEdge(device, network, a.deviceName()));
            }
        }
        for (LabStatus.Device d : loaded.status().devices()) {
            TopologyNode n = byInstance.get(d.instance());
            if (n != null) {
                d.status().ifPresent(s -> n.stateProperty().set(NodeState.of(s.state())));
            }
        }
        for (LabStatus.Domain d : loaded.status().domains()) {
            Optional.ofNullable(byNetwork.get(d.network())).ifPresent(n -> n.stateProperty()
                    .set(NodeState.ofNetwork(d.status().stateWord())));
        }
        Set<TopologyNode> placed = new HashSet<>();
        for (TopologyNode n : all) {
            lab.position(n.kind(), n.name()).ifPresent(p -> {
                n.xProperty().set(p.x());
                n.yProperty().set(p.y());
                placed.add(n);
            });
        }
        TopologyLayout.layout(all, links, placed, AREA_WIDTH, AREA_HEIGHT);
        positionsChanged = false;
        edges.clear();
        nodes.setAll(all);
        edges.setAll(links);
        updateProgress();
        refreshNetworks();
    }

    private void apply(GuestEvent event) {
        if (event instanceof GuestEvent.StateChanged change) {
            TopologyNode n = byInstance.get(change.snapshot().name());
            if (n != null) {
                n.stateProperty().set(NodeState.of(change.snapshot().state()));
                updateProgress();
                refreshNetworks();
            }
        }
    }

    private void updateProgress() {
        long devices = nodes.stream().filter(n -> n.kind() == NodePosition.Kind.DEVICE).count();
        long running = nodes.stream().filter(n -> n.kind() == NodePosition.Kind.DEVICE && (n.state()
                == NodeState.RUNNING || n.state() == NodeState.PAUSED || n.state() == NodeState.STARTING
                || n.state() == NodeState.STOPPING)).count();
        progress.set(devices == 0 ? "" : running + " of " + devices + " running");
    }

    /** Reads the states of the lab's networks (and of outside networks it reaches) again. */
    private void refreshNetworks() {
        List<TopologyNode> nets = nodes.stream().filter(n -> n.kind() != NodePosition.Kind.DEVICE).toList();
        CompletableFuture<Map<TopologyNode, NodeState>> read;
        try {
            read = CompletableFuture.supplyAsync(() -> {
                Map<TopologyNode, NodeState> states = new LinkedHashMap<>();
                for (TopologyNode n : nets) {
                    states.put(n, NodeState.ofNetwork(networks.owner().status(n.target()).stateWord()));
                }
                return states;
            }, background);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return; // the app is closing
        }
        read.thenAcceptAsync(states -> states.forEach((n, s) -> n.stateProperty().set(s)), ui)
                .exceptionally(e -> {
                    LOG.debug("reading the networks' states failed", e);
                    return null;
                });
    }

    /** Starts the whole lab, counting devices as they come up. */
    public CompletableFuture<LabRunner.Report> start(int parallel) {
        return whole("start", runner.start(selected.get(), parallel, this::progress));
    }

    /** Stops the whole lab (shut down, or forced off). */
    public CompletableFuture<LabRunner.Report> stop(boolean force) {
        return whole(force ? "force off" : "stop", runner.stop(selected.get(), force, LabRunner.defaultParallel(),
                this::progress));
    }

    private CompletableFuture<LabRunner.Report> whole(String what, CompletableFuture<LabRunner.Report> job) {
        String name = selected.get();
        busy.set(true);
        status.set((what.equals("start") ? "Starting " : "Stopping ") + name + "…");
        return job.whenCompleteAsync((report, error) -> {
            busy.set(false);
            if (error != null) {
                status.set("Could not " + what + " " + name + ": " + reason(error));
            } else if (report.ok()) {
                status.set("Lab " + name + (what.equals("start") ? " is up: every device ran its startup files."
                        : " stopped."));
            } else {
                status.set("Lab " + name + ": " + report.outcomes().entrySet().stream()
                        .filter(e -> !(e.getValue() instanceof org.umlmanager.lab.Schedule.Outcome.Done))
                        .map(e -> e.getKey() + " " + describe(e.getValue())).findFirst().orElse("") + ".");
            }
            if (name != null && name.equals(selected.get())) {
                load(name);
            }
        }, ui);
    }

    private static String describe(org.umlmanager.lab.Schedule.Outcome o) {
        if (o instanceof org.umlmanager.lab.Schedule.Outcome.Failed f) {
            return "failed: " + f.reason();
        }
        return o instanceof org.umlmanager.lab.Schedule.Outcome.Skipped s ? "was not started: it waits for "
                + s.dependency() : "done";
    }

    private void progress(LabProgress p) {
        ui.execute(() -> {
            status.set(p.device() + ": " + p.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (p.text().isEmpty() ? "" : " — " + p.text()));
            progress.set(p.running() + " of " + p.total() + " running");
        });
    }

    /** Starts one device (its networks with it). */
    public CompletableFuture<Void> startDevice(TopologyNode device) {
        return labs.members(selected.get()).thenCompose(members -> runtime.start(members.stream()
                .filter(i -> i.name().equals(device.target())).findFirst().orElseThrow(() ->
                        new IllegalStateException("its instance " + device.target() + " no longer exists"))))
                .<Void>thenApply(s -> null).exceptionally(e -> failed("start " + device.name(), e));
    }

    /** Stops one device: shut down, or forced off. */
    public CompletableFuture<Void> stopDevice(TopologyNode device, boolean force) {
        return runtime.stop(device.target(), force ? StopMode.FORCE : StopMode.GRACEFUL,
                step -> ui.execute(() -> status.set(device.name() + ": " + step.message())))
                .<Void>thenApply(s -> null).exceptionally(e -> failed("stop " + device.name(), e));
    }

    /** A node was dragged: its position is saved with the others ({@link #savePositions}). */
    public void moved(TopologyNode node) {
        positionsChanged = true;
    }

    /** Saves where the nodes are, if one was moved. */
    public CompletableFuture<Void> savePositions() {
        if (!positionsChanged || lab == null) {
            return CompletableFuture.completedFuture(null);
        }
        positionsChanged = false;
        List<NodePosition> positions = nodes.stream().map(TopologyNode::position).toList();
        return labs.savePositions(lab.name(), positions).thenAcceptAsync(l -> {
            if (l.name().equals(selected.get())) {
                lab = l;
            }
        }, ui).exceptionally(e -> failed("save the drawing of " + lab.name(), e));
    }

    /** Imports a lab directory and selects it; progress goes to the status line. */
    public CompletableFuture<LabImportResult> importLab(LabImportRequest request, Cancellation cancel) {
        busy.set(true);
        status.set("Importing " + request.directory() + "…");
        ProgressListener listener = new ProgressListener() {
            @Override
            public void stage(String title) {
                ui.execute(() -> status.set(title + "…"));
            }
        };
        return labs.importLab(request, listener, cancel).whenCompleteAsync((result, error) -> {
            busy.set(false);
            if (error != null) {
                status.set("Nothing was imported.");
                return;
            }
            status.set("Imported lab " + result.lab().name() + (result.warnings().isEmpty() ? "."
                    : " with " + result.warnings().size() + " remark(s)."));
            refresh().thenRunAsync(() -> selected.set(result.lab().name()), ui);
        }, ui);
    }

    /** The drawing as an SVG document. */
    public String svg() {
        return TopologySvg.render(lab == null ? "" : "Lab " + lab.name(), List.copyOf(nodes), List.copyOf(edges));
    }

    /** Writes text to a file off the FX thread. */
    public CompletableFuture<Void> write(Path file, String text) {
        return CompletableFuture.runAsync(() -> {
            try {
                PngFiles.write(text, file);
            } catch (java.io.IOException e) {
                throw new CompletionException(e);
            }
        }, background).whenCompleteAsync((v, e) -> status.set(e == null ? "Saved " + file
                : "Could not save " + file + ": " + reason(e)), ui);
    }

    /** Writes the lab back as a lab directory. */
    public CompletableFuture<Void> export(Path directory) {
        String name = selected.get();
        return labs.export(name, directory).thenAcceptAsync(r -> status.set("Exported lab " + name + " to "
                + r.directory() + (r.warnings().isEmpty() ? "" : "; " + String.join("; ", r.warnings()))), ui)
                .exceptionally(e -> failed("export " + name, e));
    }

    /** Writes the drawing's pixels (read on the FX thread) as PNG, off the FX thread. */
    public CompletableFuture<Void> writePng(Path file, java.awt.image.BufferedImage pixels) {
        return CompletableFuture.runAsync(() -> {
            try {
                PngFiles.write(pixels, file);
            } catch (java.io.IOException e) {
                throw new CompletionException(e);
            }
        }, background).whenCompleteAsync((v, e) -> status.set(e == null ? "Saved " + file
                : "Could not save " + file + ": " + reason(e)), ui);
    }

    /** Captures a domain's traffic into {@code file} until {@code cancel}; the count goes to the status line. */
    public CompletableFuture<NetworkCapture.Result> capture(TopologyNode domain, Path file, Cancellation cancel) {
        LongConsumer count = n -> ui.execute(() -> status.set("Capturing " + domain.name() + " into "
                + file.getFileName() + ": " + n + " frames (Stop capture ends it)"));
        count.accept(0);
        return networks.capture(domain.target(), file, new NetworkCapture.Limit.Open(), count, cancel)
                .whenCompleteAsync((r, e) -> status.set(e == null ? "Captured " + r.packets() + " frames of "
                        + domain.name() + " into " + r.file() : "Could not capture " + domain.name() + ": "
                        + reason(e)), ui);
    }

    private Void failed(String what, Throwable e) {
        ui.execute(() -> status.set("Could not " + what + ": " + reason(e)));
        return null;
    }

    static String reason(Throwable e) {
        Throwable t = e;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("closing the runtime subscription: {}", e.getMessage());
        }
    }
}
