package org.umlmanager.ui.storage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.umlmanager.cow.CowHeader;
import org.umlmanager.cow.InPlacePlan;
import org.umlmanager.cow.MergeOptions;
import org.umlmanager.cow.MergeResult;
import org.umlmanager.disk.ByteSize;
import org.umlmanager.disk.GrowResult;
import org.umlmanager.disk.ImageInfo;
import org.umlmanager.job.Cancellation;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.service.DiskEntry;
import org.umlmanager.service.JobService;

/**
 * The storage window without its controls: the disk files of the configured instances, the
 * selected one and what the details pane says about it, the status line, whether a job runs and
 * how far it is, and the jobs themselves — merge into a new file, merge in place once confirmed,
 * grow — run by the {@link JobService}, one at a time, with Cancel. Results come back on the
 * {@code ui} executor; a window that was closed ignores them.
 *
 * <p>Threading: call on the UI thread; every property changes there.
 */
public final class StorageViewModel {

    static final String SELECT = "Select a file to see its details.";

    /** Asks the person before an in-place merge; runs on the UI thread. */
    @FunctionalInterface
    public interface Confirmation {
        boolean confirm(InPlacePlan plan);
    }

    private final JobService jobs;
    private final Executor ui;
    private final ObservableList<DiskEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<DiskEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(SELECT);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private BiConsumer<String, Throwable> failed = (title, error) -> { };
    private Cancellation job = Cancellation.none();
    private boolean closed;

    public StorageViewModel(JobService jobs, Executor ui) {
        this.jobs = jobs;
        this.ui = ui;
        selected.addListener((o, before, entry) -> loadDetails(entry));
    }

    /** Also shown in a dialog: {@code title} ("merge alpha.cow") and the failure. */
    public void onFailure(BiConsumer<String, Throwable> action) {
        failed = action;
    }

    /** Reads the configured disks again; the selection is kept by path where it still exists. */
    public CompletableFuture<Void> refresh() {
        status.set("Reading the disks of the configured instances…");
        return reload(true);
    }

    /** {@code announce}: whether the status line then says what was found (not after a job: it says how that went). */
    private CompletableFuture<Void> reload(boolean announce) {
        Optional<Path> keep = Optional.ofNullable(selected.get()).map(DiskEntry::file);
        return jobs.disks().handleAsync((list, error) -> {
            if (closed) {
                return null;
            }
            if (error != null) {
                status.set("Could not read the configured instances: " + JobService.cause(error).getMessage());
                return null;
            }
            selected.set(null);
            entries.setAll(list);
            if (announce) {
                long files = list.stream().mapToLong(e -> e instanceof DiskEntry.Backing b ? 1 + b.cows().size() : 1)
                        .sum();
                status.set(list.isEmpty() ? "No configured instance has a disk." : files + " files.");
            }
            keep.ifPresent(this::select);
            return null;
        }, ui);
    }

    /** Selects the entry of {@code file}, if it is listed. */
    public void select(Path file) {
        all().stream().filter(e -> e.file().equals(file)).findFirst().ifPresent(selected::set);
    }

    /** Every entry, the COW files after their backing file. */
    public List<DiskEntry> all() {
        return entries.stream().flatMap(e -> e instanceof DiskEntry.Backing b
                ? java.util.stream.Stream.concat(java.util.stream.Stream.of(e), b.cows().stream())
                : java.util.stream.Stream.of(e)).toList();
    }

    private void loadDetails(DiskEntry entry) {
        if (entry == null) {
            details.set(SELECT);
            return;
        }
        if (!(entry instanceof DiskEntry.Cow cow) || cow.info().isEmpty()) {
            details.set(describe(entry, Optional.empty()));
            return;
        }
        jobs.cowDetails(cow.file()).whenCompleteAsync((read, error) -> {
            if (!closed && selected.get() == entry) {
                details.set(error != null ? "Could not read " + entry.file() + ": "
                        + JobService.cause(error).getMessage() : describe(entry, Optional.of(read)));
            }
        }, ui);
    }

    /** A COW file that can be merged is selected (and no job runs). */
    public BooleanBinding canMerge() {
        return selectedIs(e -> e instanceof DiskEntry.Cow c && c.info().isPresent());
    }

    /** A backing file or image that can be grown is selected (and no job runs). */
    public BooleanBinding canGrow() {
        return selectedIs(e -> !(e instanceof DiskEntry.Cow));
    }

    private BooleanBinding selectedIs(Predicate<DiskEntry> test) {
        return Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null && test.test(selected.get()),
                selected, busy);
    }

    /** Writes the selected COW file's disk to {@code target} (which must not exist). */
    public CompletableFuture<Void> mergeIntoNewFile(Path target) {
        DiskEntry.Cow cow = (DiskEntry.Cow) selected.get();
        return run("merge", cow.file().getFileName().toString(), (listener, cancellation) -> jobs.mergeToNew(
                cow.file(), target, new MergeOptions(Optional.empty(), false, true), listener, cancellation),
                (MergeResult r) -> "Wrote " + r.target() + " (" + ByteSize.format(r.bytesWritten())
                        + " of data; zero sectors left as holes).");
    }

    /**
     * Plans merging the selected COW file into its backing file, asks {@code confirmation} (which
     * names the other COW files it breaks) and, if confirmed, merges.
     */
    public CompletableFuture<Void> mergeInPlace(Confirmation confirmation) {
        DiskEntry.Cow cow = (DiskEntry.Cow) selected.get();
        String name = cow.file().getFileName().toString();
        return jobs.planInPlace(cow.file(), Optional.empty()).handleAsync((plan, error) -> {
            if (error != null) {
                fail("merge " + name, JobService.cause(error));
                return CompletableFuture.<Void>completedFuture(null);
            }
            if (!confirmation.confirm(plan)) {
                status.set("Nothing was changed.");
                return CompletableFuture.<Void>completedFuture(null);
            }
            return run("merge", name, (listener, cancellation) -> jobs.mergeInPlace(plan, listener, cancellation),
                    (MergeResult r) -> "Merged " + ByteSize.format(r.bytesWritten()) + " into " + r.target() + ". "
                            + cow.file() + " no longer fits it: delete or recreate it.");
        }, ui).thenCompose(Function.identity());
    }

    /** Grows the selected image to {@code sizeText} ("4G"); a size that does not read is said in the status line. */
    public CompletableFuture<Void> grow(String sizeText) {
        DiskEntry entry = selected.get();
        String name = entry.file().getFileName().toString();
        ByteSize size;
        try {
            size = ByteSize.parse(sizeText.strip());
        } catch (IllegalArgumentException e) {
            status.set("Could not grow " + name + ": " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        return run("grow", name, (listener, cancellation) -> jobs.grow(entry.file(), size, listener, cancellation),
                (GrowResult r) -> name + " is now " + ByteSize.format(r.info().apparentSize()) + ": " + r.summary()
                        + ".");
    }

    /** The selected entry's size now, for asking how much larger. */
    public long currentSize() {
        return imageInfo(selected.get()).map(ImageInfo::apparentSize).orElse(0L);
    }

    /** Asks the running job to stop; it removes what it half made. */
    public void cancel() {
        job.cancel();
    }

    /** The window closed: later results are dropped. */
    public void close() {
        closed = true;
    }

    @FunctionalInterface
    private interface Job<T> {
        CompletableFuture<T> start(ProgressListener listener, Cancellation cancellation);
    }

    /** Runs a job through the service, with progress and Cancel; the outcome goes to the status line. */
    private <T> CompletableFuture<Void> run(String action, String name, Job<T> work, Function<T, String> done) {
        Cancellation cancellation = new Cancellation();
        job = cancellation;
        busy.set(true);
        progress.set(-1);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void stage(String title) {
                ui.execute(() -> status.set(title + "…"));
            }

            @Override
            public void progress(double fraction) {
                ui.execute(() -> progress.set(fraction));
            }
        };
        return work.start(listener, cancellation).handleAsync((result, error) -> {
            busy.set(false);
            if (closed) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            if (error != null && JobService.cancelled(error)) {
                status.set("Cancelled; nothing half-made was kept.");
            } else if (error != null) {
                fail(action + " " + name, JobService.cause(error));
            } else {
                status.set(done.apply(result));
            }
            return reload(false);
        }, ui).thenCompose(Function.identity());
    }

    private void fail(String title, Throwable cause) {
        status.set("Could not " + title + ": " + cause.getMessage());
        failed.accept(title, cause);
    }

    public ObservableList<DiskEntry> entries() {
        return entries;
    }

    public ObjectProperty<DiskEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0 to 1, or negative while the job cannot say. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    // What the columns and the details pane say.

    static String usedBy(DiskEntry entry) {
        if (entry instanceof DiskEntry.Backing b) {
            return b.cows().size() + (b.cows().size() == 1 ? " COW file" : " COW files");
        }
        if (entry instanceof DiskEntry.Cow c) {
            return c.user().instance() + " " + c.user().disk().deviceName();
        }
        return String.join(", ", ((DiskEntry.Image) entry).usedBy());
    }

    static String size(DiskEntry entry) {
        if (entry instanceof DiskEntry.Cow c) {
            return c.info().map(i -> ByteSize.format(i.header().size())).orElse("");
        }
        return imageInfo(entry).map(i -> ByteSize.format(i.apparentSize())).orElse("");
    }

    static String data(DiskEntry entry) {
        if (entry instanceof DiskEntry.Cow c) {
            return c.info().map(i -> ByteSize.format(i.changedBytes()) + " changed ("
                    + String.format(Locale.ROOT, "%.1f", i.changedPercent()) + "%)").orElse("");
        }
        return imageInfo(entry).map(StorageViewModel::allocated).orElse("");
    }

    static String state(DiskEntry entry) {
        if (entry instanceof DiskEntry.Cow c) {
            return c.user().state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        if (entry instanceof DiskEntry.Image i && !i.warning().isEmpty()) {
            return "⚠ " + i.warning();
        }
        String error = entry instanceof DiskEntry.Backing b ? b.error() : ((DiskEntry.Image) entry).error();
        return error.isEmpty() ? imageInfo(entry).flatMap(ImageInfo::filesystem).orElse("") : error;
    }

    private static String allocated(ImageInfo info) {
        return ByteSize.format(info.allocatedBytes()) + " allocated ("
                + String.format(Locale.ROOT, "%.0f", info.allocatedPercent()) + "%)";
    }

    /** The sizes of a backing file or plain image; empty for a COW file or an unreadable file. */
    private static Optional<ImageInfo> imageInfo(DiskEntry entry) {
        if (entry instanceof DiskEntry.Backing b) {
            return b.info();
        }
        if (entry instanceof DiskEntry.Image i) {
            return i.info();
        }
        return Optional.empty();
    }

    /** What the details pane says about {@code entry}; a COW file's header and check come in {@code cow}. */
    static String describe(DiskEntry entry, Optional<JobService.CowDetails> cow) {
        StringBuilder s = new StringBuilder();
        if (entry instanceof DiskEntry.Cow c) {
            describeCow(c, cow, s);
        } else if (entry instanceof DiskEntry.Backing b) {
            s.append("Backing file:  ").append(b.file()).append('\n');
            appendInfo(s, b.info(), b.error());
            s.append("\nCOW files on it:\n");
            b.cows().forEach(c -> s.append("  ").append(usedBy(c)).append(": ").append(c.file()).append(" [")
                    .append(state(c)).append("]\n"));
        } else if (entry instanceof DiskEntry.Image i) {
            s.append("Image:         ").append(i.file()).append('\n');
            s.append("Used by:       ").append(String.join(", ", i.usedBy())).append('\n');
            appendInfo(s, i.info(), i.error());
            if (!i.warning().isEmpty()) {
                s.append("\nWarning: it is ").append(i.warning()).append(".\n");
            }
        }
        return s.toString();
    }

    private static void describeCow(DiskEntry.Cow c, Optional<JobService.CowDetails> read, StringBuilder s) {
        s.append("COW file:      ").append(c.file()).append('\n');
        s.append("Used by:       ").append(usedBy(c)).append('\n');
        if (read.isEmpty()) {
            s.append('\n').append(c.user().detail()).append('\n');
            return;
        }
        var info = read.get().info();
        CowHeader h = info.header();
        s.append("Format:        version ").append(h.version().number()).append('\n');
        s.append("Backing file:  ").append(h.backingFile()).append('\n');
        s.append("Disk size:     ").append(ByteSize.format(h.size())).append(" (").append(h.size()).append(" bytes)\n");
        s.append("Sector size:   ").append(h.sectorSize()).append(" bytes\n");
        s.append("Backing mtime: ").append(h.mtime()).append(" (").append(Instant.ofEpochSecond(h.mtime()))
                .append(")\n");
        s.append("Changed:       ").append(info.changedSectors()).append(" sectors, ")
                .append(ByteSize.format(info.changedBytes()))
                .append(String.format(Locale.ROOT, " (%.1f%%)", info.changedPercent())).append('\n');
        s.append("File length:   ").append(ByteSize.format(info.fileLength())).append('\n');
        var check = read.get().check();
        s.append('\n').append(check.valid() ? "Check: " : "Check failed: ").append(check.explanation()).append('\n');
    }

    private static void appendInfo(StringBuilder s, Optional<ImageInfo> info, String error) {
        if (info.isEmpty()) {
            s.append("\n").append(error).append('\n');
            return;
        }
        ImageInfo i = info.get();
        s.append("Size:          ").append(ByteSize.format(i.apparentSize())).append(" (").append(i.apparentSize())
                .append(" bytes)\n");
        s.append("Allocated:     ").append(allocated(i)).append(i.isSparse() ? ", sparse" : "").append('\n');
        s.append("Filesystem:    ").append(i.filesystem().orElse("none found")).append('\n');
    }
}
