package org.umlmanager.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Names;
import org.umlmanager.model.Printable;
import org.umlmanager.storage.StoreException.Reason;

/**
 * The saved instances: one file {@code NAME.json} per instance in one directory.
 *
 * <p>Every operation holds an exclusive lock on the directory (shared with other processes), so a
 * CLI run and the GUI never interleave. Writes are atomic (see {@link AtomicFiles}); files are
 * mode 0600 in a 0700 directory. Names are unique ignoring case, so that {@code Debian} and
 * {@code debian} never coexist (they would collide on case-insensitive file systems and are easy
 * to mix up on a command line). A file that cannot be read is moved aside to
 * {@code NAME.json.corrupt-TIME} and reported, never deleted; a file written by a newer version is
 * left alone and never rewritten. What protects the store from odd files and stuck processes
 * (a lock wait with a limit, regular files only, a size limit, tidying after killed writers) is
 * {@link DocumentFolder}'s, shared with every other kind of saved document. Thread-safe; all
 * methods block on file I/O.
 */
public final class InstanceStore {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceStore.class);
    private static final String SUFFIX = ".json";

    private final DocumentFolder folder;
    private final Path dir;

    public InstanceStore(Path directory) {
        this(directory, Clock.systemUTC());
    }

    /** {@code clock} stamps the names of files moved aside. */
    public InstanceStore(Path directory, Clock clock) {
        this(directory, clock, StoreLock.DEFAULT_WAIT);
    }

    /** {@code lockWait}: how long an operation waits for another process's lock before it fails, naming it. */
    public InstanceStore(Path directory, Clock clock, Duration lockWait) {
        this.folder = new DocumentFolder(directory, SUFFIX, clock, lockWait);
        this.dir = folder.directory();
    }

    public Path directory() {
        return dir;
    }

    /** The file that holds instance {@code name}. */
    public Path fileOf(String name) {
        return folder.fileOf(name);
    }

    /**
     * Loads every instance; files that cannot be loaded are reported (unreadable ones moved aside
     * first), the rest still load. Files moved aside earlier are reported again until dealt with.
     */
    public LoadReport loadAll() throws StoreException {
        if (!exists()) {
            return new LoadReport(List.of(), List.of());
        }
        List<Instance> instances = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        try (StoreLock lock = folder.lock()) {
            for (DocumentFolder.Entry entry : folder.entries()) {
                if (entry instanceof DocumentFolder.Document doc) {
                    loadInto(doc, instances, problems);
                } else {
                    problems.add(new LoadProblem(entry.file(), "an instance file moved aside earlier because it could"
                            + " not be loaded; fix it and rename it back to " + entry.name() + SUFFIX
                            + ", or delete it", Optional.empty(), false));
                }
            }
        } catch (IOException e) {
            throw ioFailure("read the instances in " + dir, e);
        }
        instances.sort(Comparator.comparing(Instance::name));
        return new LoadReport(instances, problems);
    }

    /** The instance {@code name}; an unreadable file is moved aside and reported as {@code UNREADABLE}. */
    public Instance load(String name) throws StoreException {
        checkName(name);
        if (!exists()) {
            throw noSuchInstance(name);
        }
        try (StoreLock lock = folder.lock()) {
            return read(existingEntry(name));
        } catch (IOException e) {
            throw ioFailure("read instance '" + name + "'", e);
        }
    }

    /** The saved instance whose name equals {@code name} ignoring case, if any: it blocks that name. */
    public Optional<String> existingName(String name) throws StoreException {
        if (!exists()) {
            return Optional.empty();
        }
        try {
            return nameInUse(name, Optional.empty());
        } catch (IOException e) {
            throw ioFailure("read the instances in " + dir, e);
        }
    }

    /** Saves a new instance; fails with {@code NAME_TAKEN} if the name (ignoring case) is in use. */
    public void create(Instance instance) throws StoreException {
        checkName(instance.name());
        exists();
        try {
            AtomicFiles.ensureDirectory(dir);
            try (StoreLock lock = folder.lock()) {
                Optional<String> taken = nameInUse(instance.name(), Optional.empty());
                if (taken.isPresent()) {
                    throw nameTaken(instance.name(), taken.get());
                }
                AtomicFiles.write(fileOf(instance.name()), InstanceCodec.encode(instance));
            }
        } catch (IOException e) {
            throw ioFailure("save instance '" + instance.name() + "'", e);
        }
    }

    /**
     * Replaces the saved configuration of an existing instance. Refused for a file written by a
     * newer version (its fields unknown here would be lost); a corrupt file is moved aside first.
     */
    public void update(Instance instance) throws StoreException {
        checkName(instance.name());
        if (!exists()) {
            throw noSuchInstance(instance.name());
        }
        try (StoreLock lock = folder.lock()) {
            Path file = existingEntry(instance.name());
            DocumentFolder.Content content = folder.read(file);
            if (content instanceof DocumentFolder.NotRegular odd) {
                throw notRegular(instance.name(), file, odd);
            }
            Decoded old = content instanceof DocumentFolder.Bytes b ? InstanceCodec.decode(b.bytes(), instance.name())
                    : new Decoded.Corrupt(tooLarge(((DocumentFolder.TooLarge) content).size()));
            if (old instanceof Decoded.Newer newer) {
                throw newerVersion(instance.name(), newer);
            }
            if (old instanceof Decoded.Corrupt corrupt) {
                Path aside = folder.moveAside(file);
                LOG.warn("{} could not be read ({}); moved aside to {} before saving over it", file,
                        corrupt.reason(), aside);
            }
            AtomicFiles.write(file, InstanceCodec.encode(instance));
        } catch (IOException e) {
            throw ioFailure("save instance '" + instance.name() + "'", e);
        }
    }

    /**
     * Gives instance {@code from} the name {@code to}. The new file is complete on disk before the
     * old one is removed, so a crash in between leaves both, never neither.
     */
    public Instance rename(String from, String to) throws StoreException {
        checkName(from);
        checkName(to);
        if (!exists()) {
            throw noSuchInstance(from);
        }
        try (StoreLock lock = folder.lock()) {
            Path oldFile = existingEntry(from);
            Instance renamed = read(oldFile).withName(to);
            if (from.equals(to)) {
                return renamed;
            }
            Optional<String> taken = nameInUse(to, Optional.of(from));
            if (taken.isPresent()) {
                throw nameTaken(to, taken.get());
            }
            Path newFile = fileOf(to);
            if (Files.exists(newFile, LinkOption.NOFOLLOW_LINKS)) {
                throw new StoreException(Reason.NAME_TAKEN, "Cannot rename '" + from + "' to '" + to
                        + "': this file system does not tell names apart by case; rename it to another name first");
            }
            AtomicFiles.write(newFile, InstanceCodec.encode(renamed));
            Files.delete(oldFile);
            AtomicFiles.syncDirectory(dir);
            return renamed;
        } catch (IOException e) {
            throw ioFailure("rename instance '" + from + "' to '" + to + "'", e);
        }
    }

    /** Deletes the instance's file (whatever its content: the user asked for it by name). */
    public void delete(String name) throws StoreException {
        checkName(name);
        if (!exists()) {
            throw noSuchInstance(name);
        }
        try (StoreLock lock = folder.lock()) {
            Files.delete(existingEntry(name));
            AtomicFiles.syncDirectory(dir);
        } catch (IOException e) {
            throw ioFailure("delete instance '" + name + "'", e);
        }
    }

    /** Whether the store's directory exists; something else in its place is the user's to fix. */
    private boolean exists() throws StoreException {
        if (Files.isDirectory(dir)) {
            return true;
        }
        if (Files.exists(dir)) {
            throw new StoreException(Reason.IO, "The instance store " + dir + " is not a directory; move that file"
                    + " away (or set UML_MANAGER_HOME to another directory)");
        }
        return false;
    }

    private void loadInto(DocumentFolder.Document doc, List<Instance> instances, List<LoadProblem> problems)
            throws IOException {
        Path file = doc.file();
        Optional<String> badName = Names.instanceNameProblem(doc.name());
        if (badName.isPresent()) {
            problems.add(new LoadProblem(file, "not loaded: the file name " + badName.get()
                    + "; rename the file", Optional.empty(), false));
            return;
        }
        DocumentFolder.Content content;
        try {
            content = folder.read(file);
        } catch (IOException e) {
            problems.add(new LoadProblem(file, "not loaded: cannot read it (" + AtomicFiles.describe(e) + ")",
                    Optional.empty(), false));
            return;
        }
        if (content instanceof DocumentFolder.NotRegular odd) {
            problems.add(new LoadProblem(file, "not loaded: it is " + odd.what() + ", not an instance file, so"
                    + " nothing was read from it; remove or rename it", Optional.empty(), false));
            return;
        }
        if (content instanceof DocumentFolder.TooLarge big) {
            Path aside = folder.moveAside(file);
            problems.add(new LoadProblem(file, "not loaded: " + tooLarge(big.size()) + "; if it really is an"
                    + " instance, shorten it and move it back to " + file.getFileName(), Optional.of(aside), false));
            return;
        }
        Decoded decoded = InstanceCodec.decode(((DocumentFolder.Bytes) content).bytes(), doc.name());
        if (decoded instanceof Decoded.Readable ok) {
            instances.add(ok.instance());
            ok.warnings().forEach(w -> problems.add(new LoadProblem(file, w, Optional.empty(), true)));
        } else if (decoded instanceof Decoded.Newer newer) {
            problems.add(new LoadProblem(file, newerMessage(newer) + "; left untouched", Optional.empty(), false));
        } else if (decoded instanceof Decoded.Corrupt corrupt) {
            Path aside = folder.moveAside(file);
            problems.add(new LoadProblem(file, "not loaded: " + corrupt.reason() + "; fix it and move it back to "
                    + file.getFileName(), Optional.of(aside), false));
        }
    }

    private Instance read(Path file) throws IOException, StoreException {
        String name = nameOf(file);
        DocumentFolder.Content content = folder.read(file);
        if (content instanceof DocumentFolder.NotRegular odd) {
            throw notRegular(name, file, odd);
        }
        if (content instanceof DocumentFolder.TooLarge big) {
            Path aside = folder.moveAside(file);
            throw new StoreException(Reason.UNREADABLE, "Instance '" + name + "' could not be read ("
                    + tooLarge(big.size()) + "); its file was moved aside to " + aside
                    + "; if it really is an instance, shorten it and move it back to " + file.getFileName());
        }
        Decoded decoded = InstanceCodec.decode(((DocumentFolder.Bytes) content).bytes(), name);
        if (decoded instanceof Decoded.Readable ok) {
            ok.warnings().forEach(w -> LOG.warn("{}: {}", file, w));
            return ok.instance();
        }
        if (decoded instanceof Decoded.Newer newer) {
            throw newerVersion(name, newer);
        }
        Path aside = folder.moveAside(file);
        throw new StoreException(Reason.UNREADABLE, "Instance '" + name + "' could not be read ("
                + ((Decoded.Corrupt) decoded).reason() + "); its file was moved aside to " + aside
                + "; fix it and move it back to " + file.getFileName());
    }

    /** The entry named after instance {@code name}, whatever it is (a file, a link, a FIFO). */
    private Path existingEntry(String name) throws IOException, StoreException {
        Path file = fileOf(name);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return file;
        }
        Optional<String> other = nameInUse(name, Optional.empty());
        if (other.isPresent()) {
            throw new StoreException(Reason.NO_SUCH_INSTANCE, "No instance is named '" + name + "'; did you mean '"
                    + other.get() + "'?");
        }
        List<Path> aside = new ArrayList<>();
        for (DocumentFolder.Entry e : folder.entries()) {
            if (e instanceof DocumentFolder.MovedAside && e.name().equals(name)) {
                aside.add(e.file());
            }
        }
        if (!aside.isEmpty()) {
            throw new StoreException(Reason.NO_SUCH_INSTANCE, "Instance '" + name + "' is not loaded: its file was"
                    + " moved aside to " + aside.get(aside.size() - 1) + " because it could not be read; fix it and"
                    + " rename it back to " + file.getFileName() + ", or delete it");
        }
        throw noSuchInstance(name);
    }

    /** The existing name equal to {@code name} ignoring case, other than {@code except}. */
    private Optional<String> nameInUse(String name, Optional<String> except) throws IOException {
        for (DocumentFolder.Entry e : folder.entries()) {
            if (e instanceof DocumentFolder.Document doc && doc.name().equalsIgnoreCase(name)
                    && !except.equals(Optional.of(doc.name()))) {
                return Optional.of(doc.name());
            }
        }
        return Optional.empty();
    }

    private static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.length() - SUFFIX.length());
    }

    private static void checkName(String name) throws StoreException {
        Optional<String> problem = Names.instanceNameProblem(name);
        if (problem.isPresent()) {
            throw new StoreException(Reason.INVALID_NAME, "Invalid instance name: " + problem.get());
        }
    }

    private static String tooLarge(long size) {
        return "it is " + DocumentFolder.size(size) + ", far over the " + DocumentFolder.size(
                DocumentFolder.MAX_DOCUMENT_BYTES) + " an instance file may have (real ones are a few KiB)";
    }

    private static StoreException notRegular(String name, Path file, DocumentFolder.NotRegular odd) {
        return new StoreException(Reason.UNREADABLE, "Instance '" + name + "' cannot be read: " + file
                + " is " + odd.what() + ", not an instance file, so nothing was read from it; remove or rename it");
    }

    private static StoreException noSuchInstance(String name) {
        return new StoreException(Reason.NO_SUCH_INSTANCE, "No instance is named '" + Printable.escape(name)
                + "'; 'uml-manager list' shows the existing ones");
    }

    private static StoreException nameTaken(String wanted, String existing) {
        String detail = wanted.equals(existing) ? "" : " (names differing only by case count as the same)";
        return new StoreException(Reason.NAME_TAKEN, "An instance named '" + existing + "' already exists"
                + detail + "; choose another name");
    }

    private static String newerMessage(Decoded.Newer newer) {
        return "written by a newer UML Manager (schema version " + newer.schemaVersion()
                + "; this version understands up to " + InstanceCodec.SCHEMA_VERSION + ")";
    }

    private static StoreException newerVersion(String name, Decoded.Newer newer) {
        return new StoreException(Reason.NEWER_VERSION, "Instance '" + name + "' was " + newerMessage(newer)
                + "; use that version to change it");
    }

    private StoreException ioFailure(String what, IOException e) {
        return new StoreException(Reason.IO, "Could not " + what + ": " + AtomicFiles.describe(e)
                + " (store: " + dir + ")", e);
    }
}
