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

    private static final String SUFFIX = ".json";
    private static final DocumentFolder.Kind<Instance> KIND = new DocumentFolder.Kind<>("instance", "an instance",
            Names::instanceNameProblem, InstanceCodec::decode, "schema", InstanceCodec.SCHEMA_VERSION, "a few KiB");

    private final DocumentFolder<Instance> folder;
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
        this.folder = new DocumentFolder<>(directory, SUFFIX, clock, lockWait, KIND);
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
        DocumentFolder.Loaded<Instance> loaded = folder.loadAll();
        List<Instance> instances = new ArrayList<>(loaded.documents());
        instances.sort(Comparator.comparing(Instance::name));
        return new LoadReport(instances, loaded.problems());
    }

    /** The instance {@code name}; an unreadable file is moved aside and reported as {@code UNREADABLE}. */
    public Instance load(String name) throws StoreException {
        folder.checkName(name);
        if (!folder.exists()) {
            throw noSuchInstance(name);
        }
        try (StoreLock lock = folder.lock()) {
            return folder.load(existingEntry(name));
        } catch (IOException e) {
            throw folder.ioFailure("read instance '" + name + "'", e);
        }
    }

    /** The saved instance whose name equals {@code name} ignoring case, if any: it blocks that name. */
    public Optional<String> existingName(String name) throws StoreException {
        if (!folder.exists()) {
            return Optional.empty();
        }
        try {
            return folder.nameInUse(name, Optional.empty());
        } catch (IOException e) {
            throw folder.ioFailure("read the instances in " + dir, e);
        }
    }

    /** Saves a new instance; fails with {@code NAME_TAKEN} if the name (ignoring case) is in use. */
    public void create(Instance instance) throws StoreException {
        folder.checkName(instance.name());
        folder.exists();
        try {
            AtomicFiles.ensureDirectory(dir);
            try (StoreLock lock = folder.lock()) {
                Optional<String> taken = folder.nameInUse(instance.name(), Optional.empty());
                if (taken.isPresent()) {
                    throw nameTaken(instance.name(), taken.get());
                }
                AtomicFiles.write(fileOf(instance.name()), InstanceCodec.encode(instance));
            }
        } catch (IOException e) {
            throw folder.ioFailure("save instance '" + instance.name() + "'", e);
        }
    }

    /**
     * Replaces the saved configuration of an existing instance. Refused for a file written by a
     * newer version (its fields unknown here would be lost); a corrupt file is moved aside first.
     */
    public void update(Instance instance) throws StoreException {
        folder.checkName(instance.name());
        if (!folder.exists()) {
            throw noSuchInstance(instance.name());
        }
        try (StoreLock lock = folder.lock()) {
            Path file = existingEntry(instance.name());
            folder.prepareOverwrite(file, instance.name());
            AtomicFiles.write(file, InstanceCodec.encode(instance));
        } catch (IOException e) {
            throw folder.ioFailure("save instance '" + instance.name() + "'", e);
        }
    }

    /**
     * Gives instance {@code from} the name {@code to}. The new file is complete on disk before the
     * old one is removed, so a crash in between leaves both, never neither.
     */
    public Instance rename(String from, String to) throws StoreException {
        folder.checkName(from);
        folder.checkName(to);
        if (!folder.exists()) {
            throw noSuchInstance(from);
        }
        try (StoreLock lock = folder.lock()) {
            Path oldFile = existingEntry(from);
            Instance renamed = folder.load(oldFile).withName(to);
            if (from.equals(to)) {
                return renamed;
            }
            Optional<String> taken = folder.nameInUse(to, Optional.of(from));
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
            throw folder.ioFailure("rename instance '" + from + "' to '" + to + "'", e);
        }
    }

    /** Deletes the instance's file (whatever its content: the user asked for it by name). */
    public void delete(String name) throws StoreException {
        folder.checkName(name);
        if (!folder.exists()) {
            throw noSuchInstance(name);
        }
        try (StoreLock lock = folder.lock()) {
            Files.delete(existingEntry(name));
            AtomicFiles.syncDirectory(dir);
        } catch (IOException e) {
            throw folder.ioFailure("delete instance '" + name + "'", e);
        }
    }

    /** The entry named after instance {@code name}, whatever it is (a file, a link, a FIFO). */
    private Path existingEntry(String name) throws IOException, StoreException {
        Optional<Path> entry = folder.entry(name);
        if (entry.isPresent()) {
            return entry.get();
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
                    + " rename it back to " + fileOf(name).getFileName() + ", or delete it");
        }
        throw noSuchInstance(name);
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
}
