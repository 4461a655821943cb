package org.umlmanager.ui.editor;

import java.util.List;
import java.util.stream.Stream;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.model.Instance;

/**
 * The instance editor: five pages of form state over one {@link Instance}, the validator's
 * problems for it, and the command line it makes. Every edit rebuilds the instance; the check
 * (which may look at files) and the preview run on {@code background} and come back on
 * {@code ui}, the newest edit winning. Touches no controls.
 */
public final class InstanceEditorViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceEditorViewModel.class);

    private final InstanceChecker checker;
    private final CommandPreview preview;
    private final Executor background;
    private final Executor ui;
    private final GeneralViewModel general = new GeneralViewModel(this::changed);
    private final DisksViewModel disks = new DisksViewModel(this::changed);
    private final NetworkViewModel network = new NetworkViewModel(this::changed);
    private final ConsolesViewModel consoles = new ConsolesViewModel(this::changed);
    private final HostAccessViewModel hostAccess = new HostAccessViewModel(this::changed);
    private final ObjectProperty<Instance> original = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Instance> edited = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper commandLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final BooleanBinding dirty;
    private final BooleanBinding hasErrors;
    private final BooleanBinding canSave;
    private final AtomicLong generation = new AtomicLong();
    private boolean loading;
    /** Held here: the shared list of networks only holds it weakly, so a closed editor can go. */
    private final InvalidationListener networksChanged = o -> changed();

    public InstanceEditorViewModel(Instance instance, InstanceChecker checker, CommandPreview preview,
                                   Executor background, Executor ui) {
        this.checker = Objects.requireNonNull(checker);
        this.preview = Objects.requireNonNull(preview);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        dirty = Bindings.createBooleanBinding(() -> !Objects.equals(original.get(), edited.get()), original, edited);
        hasErrors = Bindings.createBooleanBinding(() -> problems.stream().anyMatch(Problem::isError), problems);
        canSave = dirty.and(hasErrors.not()).and(checking.not());
        load(instance);
    }

    /** Replaces the form's content with {@code instance}, which becomes the saved state. */
    public void load(Instance instance) {
        loading = true;
        try {
            general.load(instance);
            disks.load(instance);
            network.load(instance);
            consoles.load(instance);
            hostAccess.load(instance);
        } finally {
            loading = false;
        }
        original.set(instance);
        changed();
    }

    /**
     * What the Network page's interfaces can connect to; the family the machine's kernel gives
     * interfaces on NAT networks and switches is learned in the background.
     */
    public void setNetworkChoices(NetworkChoices choices) {
        network.setChoices(choices);
        // The preview resolves interfaces over the networks as last read: show them when they change.
        choices.networks().addListener(new WeakInvalidationListener(networksChanged));
        choices.family(original.get().kernel()).whenCompleteAsync((family, error) -> {
            if (family != null) {
                network.familyProperty().set(family);
            } else {
                LOG.warn("Could not learn the interface family of kernel {}: {}", original.get().kernel(),
                        error.getMessage());
            }
        }, ui);
    }

    /** Throws the edits away. */
    public void revert() {
        load(original.get());
    }

    /** The edited instance was saved (possibly normalised by the store): it is the new baseline. */
    public void markSaved(Instance saved) {
        load(saved);
    }

    private void changed() {
        if (loading) {
            return;
        }
        // No page edits the exec agent's line: it stays what the instance had.
        Instance.Builder b = Instance.builder("").agent(original.get().agent().orElse(null));
        general.apply(b);
        disks.apply(b);
        network.apply(b);
        consoles.apply(b);
        hostAccess.apply(b);
        Instance now = b.build();
        edited.set(now);
        long gen = generation.incrementAndGet();
        checking.set(true);
        List<Problem> ofForm = general.formProblems();
        CompletableFuture.supplyAsync(() -> new Checked(Stream.concat(ofForm.stream(), checker.check(now).stream())
                        .toList(), shellLine(now)), background)
                .whenCompleteAsync((result, error) -> {
                    if (gen != generation.get()) {
                        return;
                    }
                    if (error != null) {
                        LOG.error("Checking {} failed", now.name(), error);
                        problems.setAll(Problem.error("", now.name(), "could not check the configuration: "
                                + error.getMessage()));
                        commandLine.set("");
                    } else {
                        problems.setAll(result.problems());
                        commandLine.set(result.commandLine());
                    }
                    checking.set(false);
                }, ui);
    }

    private String shellLine(Instance instance) {
        try {
            return preview.shellLine(instance);
        } catch (RuntimeException e) {
            // An instance the generator cannot write has errors the validator names; the preview just says so.
            return "(no command line: " + e.getMessage() + ")";
        }
    }

    private record Checked(List<Problem> problems, String commandLine) {
    }

    /** Problems whose field is exactly {@code field}. */
    public List<Problem> problemsFor(String field) {
        return problems.stream().filter(p -> p.field().equals(field)).toList();
    }

    public GeneralViewModel general() {
        return general;
    }

    public DisksViewModel disks() {
        return disks;
    }

    public NetworkViewModel network() {
        return network;
    }

    public ConsolesViewModel consoles() {
        return consoles;
    }

    public HostAccessViewModel hostAccess() {
        return hostAccess;
    }

    public ReadOnlyObjectProperty<Instance> originalProperty() {
        return original;
    }

    public ReadOnlyObjectProperty<Instance> editedProperty() {
        return edited.getReadOnlyProperty();
    }

    public Instance edited() {
        return edited.get();
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    public ReadOnlyStringProperty commandLineProperty() {
        return commandLine.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public BooleanBinding hasErrorsProperty() {
        return hasErrors;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
