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
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Lab;
import org.umlmanager.model.Names;
import org.umlmanager.model.Network;
import org.umlmanager.storage.StoreException.Reason;

/**
 * The saved labs: one file {@code NAME.json} per lab, under the instances' rules (see
 * {@link InstanceStore}): atomic writes, mode 0600 in a 0700 directory, names unique ignoring case,
 * unreadable files moved aside and reported, newer files left alone, and {@link DocumentFolder}'s
 * protection from odd files and stuck processes (regular files only, a size limit, a lock wait
 * that ends naming the holder). Every operation holds the instance store's lock, and a lab is saved or deleted together with its instances and networks
 * under one hold of it, so no other program sees (or makes) half a lab. Thread-safe; all methods
 * block on I/O.
 */
public final class LabStore {

    private static final Logger LOG = LoggerFactory.getLogger(LabStore.class);
    private static final String SUFFIX = ".json";

    private final DocumentFolder folder;
    private final Path dir;
    private final InstanceStore instances;
    private final NetworkStore networks;

    public LabStore(Path directory, InstanceStore instances, NetworkStore networks) {
        this(directory, instances, networks, Clock.systemUTC());
    }

    public LabStore(Path directory, InstanceStore instances, NetworkStore networks, Clock clock) {
        this(directory, instances, networks, clock, StoreLock.DEFAULT_WAIT);
    }

    /** {@code lockWait}: how long an operation waits for another process's lock before it fails, naming it. */
    public LabStore(Path directory, InstanceStore instances, NetworkStore networks, Clock clock, Duration lockWait) {
        this.instances = Objects.requireNonNull(instances);
        this.networks = Objects.requireNonNull(networks);
        this.folder = new DocumentFolder(directory, instances.directory(), SUFFIX, clock, lockWait);
        this.dir = folder.directory();
    }

    public Path directory() {
        return dir;
    }

    public Path fileOf(String name) {
        return folder.fileOf(name);
    }

    /**
     * Every lab; unreadable files are moved aside and reported, the rest still load. Files moved
     * aside earlier are reported again until dealt with.
     */
    public LabLoadReport loadAll() throws StoreException {
        List<Lab> labs = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        if (!exists()) {
            return new LabLoadReport(labs, problems);
        }
        try (StoreLock lock = folder.lock()) {
            for (DocumentFolder.Entry entry : folder.entries()) {
                if (entry instanceof DocumentFolder.Document doc) {
                    loadInto(doc, labs, problems);
                } else {
                    problems.add(new LoadProblem(entry.file(), "a lab file moved aside earlier because it could not"
                            + " be loaded; fix it and rename it back to " + entry.name() + SUFFIX + ", or delete it",
                            Optional.empty(), false));
                }
            }
        } catch (IOException e) {
            throw ioFailure("read the labs in " + dir, e);
        }
        labs.sort(Comparator.comparing(Lab::name));
        return new LabLoadReport(labs, problems);
    }

    public Lab load(String name) throws StoreException {
        checkName(name);
        if (!exists()) {
            throw noSuchLab(name);
        }
        try (StoreLock lock = folder.lock()) {
            return read(existing(name));
        } catch (IOException e) {
            throw ioFailure("read lab '" + name + "'", e);
        }
    }

    /** The saved lab whose name equals {@code name} ignoring case, if any. */
    public Optional<String> existingName(String name) throws StoreException {
        if (!exists()) {
            return Optional.empty();
        }
        try {
            return nameInUse(name);
        } catch (IOException e) {
            throw ioFailure("read the labs in " + dir, e);
        }
    }

    /**
     * Saves a new lab together with its new instances and networks, all or nothing: if any name is
     * taken (ignoring case) or a write fails, whatever this call saved is removed again and nothing
     * that existed is touched. The files are written under one hold of the store lock.
     */
    public void createWithMembers(Lab lab, List<Instance> newInstances, List<Network> newNetworks)
            throws StoreException {
        checkName(lab.name());
        exists();
        List<String> madeInstances = new ArrayList<>();
        List<String> madeNetworks = new ArrayList<>();
        try {
            AtomicFiles.ensureDirectory(dir);
            try (StoreLock lock = folder.lock()) {
                Optional<String> taken = nameInUse(lab.name());
                if (taken.isPresent()) {
                    throw nameTaken(lab.name(), taken.get());
                }
                try {
                    for (Network n : newNetworks) {
                        networks.create(n);
                        madeNetworks.add(n.name());
                    }
                    for (Instance i : newInstances) {
                        instances.create(i);
                        madeInstances.add(i.name());
                    }
                    // The lab last: a crash before it leaves members a re-import names, never a lab without them.
                    AtomicFiles.write(fileOf(lab.name()), LabCodec.encode(lab));
                } catch (StoreException | IOException | RuntimeException e) {
                    undo(madeInstances, madeNetworks);
                    throw e;
                }
            }
        } catch (IOException e) {
            throw ioFailure("save lab '" + lab.name() + "'", e);
        }
    }

    /** Replaces a saved lab's file (its positions, start order …); its members are not touched. */
    public void update(Lab lab) throws StoreException {
        checkName(lab.name());
        if (!exists()) {
            throw noSuchLab(lab.name());
        }
        try (StoreLock lock = folder.lock()) {
            Path file = existing(lab.name());
            DocumentFolder.Content content = folder.read(file);
            if (content instanceof DocumentFolder.NotRegular odd) {
                throw notRegular(lab.name(), file, odd);
            }
            LabDecoded old = content instanceof DocumentFolder.Bytes b
                    ? LabCodec.decode(b.bytes(), lab.name())
                    : new LabDecoded.Corrupt(tooLarge(((DocumentFolder.TooLarge) content).size()));
            if (old instanceof LabDecoded.Newer newer) {
                throw newerVersion(lab.name(), newer);
            }
            if (old instanceof LabDecoded.Corrupt corrupt) {
                Path aside = folder.moveAside(file);
                LOG.warn("{} could not be read ({}); moved aside to {} before saving over it", file, corrupt.reason(),
                        aside);
            }
            AtomicFiles.write(file, LabCodec.encode(lab));
        } catch (IOException e) {
            throw ioFailure("save lab '" + lab.name() + "'", e);
        }
    }

    /**
     * Deletes a lab's file and the instances and networks named, under one hold of the lock; members
     * already gone are skipped. The lab's file goes first, so a failure half-way leaves instances
     * and networks that stand on their own rather than a lab with members missing.
     */
    public void deleteWithMembers(String name, List<String> memberInstances, List<String> memberNetworks)
            throws StoreException {
        checkName(name);
        if (!exists()) {
            throw noSuchLab(name);
        }
        try (StoreLock lock = folder.lock()) {
            Files.delete(existing(name));
            AtomicFiles.syncDirectory(dir);
            for (String i : memberInstances) {
                if (instances.existingName(i).filter(i::equals).isPresent()) {
                    instances.delete(i);
                }
            }
            for (String n : memberNetworks) {
                if (Files.isRegularFile(networks.fileOf(n))) {
                    networks.delete(n);
                }
            }
        } catch (IOException e) {
            throw ioFailure("delete lab '" + name + "'", e);
        }
    }

    private void undo(List<String> madeInstances, List<String> madeNetworks) {
        for (String i : madeInstances) {
            try {
                instances.delete(i);
            } catch (StoreException e) {
                LOG.warn("could not remove instance {} of a lab that was not saved: {}", i, e.getMessage());
            }
        }
        for (String n : madeNetworks) {
            try {
                networks.delete(n);
            } catch (StoreException e) {
                LOG.warn("could not remove network {} of a lab that was not saved: {}", n, e.getMessage());
            }
        }
    }

    private boolean exists() throws StoreException {
        if (Files.isDirectory(dir)) {
            return true;
        }
        if (Files.exists(dir)) {
            throw new StoreException(Reason.IO, "The lab store " + dir + " is not a directory; move that file away"
                    + " (or set UML_MANAGER_HOME to another directory)");
        }
        return false;
    }

    private void loadInto(DocumentFolder.Document doc, List<Lab> labs, List<LoadProblem> problems)
            throws IOException {
        Path file = doc.file();
        Optional<String> badName = Names.labNameProblem(doc.name());
        if (badName.isPresent()) {
            problems.add(new LoadProblem(file, "not loaded: the file name " + badName.get() + "; rename the file",
                    Optional.empty(), false));
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
            problems.add(new LoadProblem(file, "not loaded: it is " + odd.what() + ", not a lab file, so nothing"
                    + " was read from it; remove or rename it", Optional.empty(), false));
            return;
        }
        if (content instanceof DocumentFolder.TooLarge big) {
            Path aside = folder.moveAside(file);
            problems.add(new LoadProblem(file, "not loaded: " + tooLarge(big.size()) + "; if it really is a lab,"
                    + " shorten it and move it back to " + file.getFileName(), Optional.of(aside), false));
            return;
        }
        LabDecoded decoded = LabCodec.decode(((DocumentFolder.Bytes) content).bytes(), doc.name());
        if (decoded instanceof LabDecoded.Readable ok) {
            labs.add(ok.lab());
            ok.warnings().forEach(w -> problems.add(new LoadProblem(file, w, Optional.empty(), true)));
        } else if (decoded instanceof LabDecoded.Newer newer) {
            problems.add(new LoadProblem(file, newerMessage(newer) + "; left untouched", Optional.empty(), false));
        } else if (decoded instanceof LabDecoded.Corrupt corrupt) {
            Path aside = folder.moveAside(file);
            problems.add(new LoadProblem(file, "not loaded: " + corrupt.reason() + "; fix it and move it back to "
                    + file.getFileName(), Optional.of(aside), false));
        }
    }

    private Lab read(Path file) throws IOException, StoreException {
        String name = nameOf(file);
        DocumentFolder.Content content = folder.read(file);
        if (content instanceof DocumentFolder.NotRegular odd) {
            throw notRegular(name, file, odd);
        }
        if (content instanceof DocumentFolder.TooLarge big) {
            Path aside = folder.moveAside(file);
            throw new StoreException(Reason.UNREADABLE, "Lab '" + name + "' could not be read ("
                    + tooLarge(big.size()) + "); its file was moved aside to " + aside
                    + "; if it really is a lab, shorten it and move it back to " + file.getFileName());
        }
        LabDecoded decoded = LabCodec.decode(((DocumentFolder.Bytes) content).bytes(), name);
        if (decoded instanceof LabDecoded.Readable ok) {
            ok.warnings().forEach(w -> LOG.warn("{}: {}", file, w));
            return ok.lab();
        }
        if (decoded instanceof LabDecoded.Newer newer) {
            throw newerVersion(name, newer);
        }
        Path aside = folder.moveAside(file);
        throw new StoreException(Reason.UNREADABLE, "Lab '" + name + "' could not be read ("
                + ((LabDecoded.Corrupt) decoded).reason() + "); its file was moved aside to " + aside
                + "; fix it and move it back to " + file.getFileName());
    }

    private Path existing(String name) throws IOException, StoreException {
        Path file = fileOf(name);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return file;
        }
        Optional<String> other = nameInUse(name);
        if (other.isPresent()) {
            throw new StoreException(Reason.NO_SUCH_INSTANCE, "No lab is named '" + name + "'; did you mean '"
                    + other.get() + "'?");
        }
        throw noSuchLab(name);
    }

    private Optional<String> nameInUse(String name) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        for (DocumentFolder.Entry e : folder.entries()) {
            if (e instanceof DocumentFolder.Document doc && doc.name().equalsIgnoreCase(name)) {
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
        Optional<String> problem = Names.labNameProblem(name);
        if (problem.isPresent()) {
            throw new StoreException(Reason.INVALID_NAME, "Invalid lab name: " + problem.get());
        }
    }

    private static String tooLarge(long size) {
        return "it is " + DocumentFolder.size(size) + ", far over the " + DocumentFolder.size(
                DocumentFolder.MAX_DOCUMENT_BYTES) + " a lab file may have (real ones are a few KiB)";
    }

    private static StoreException notRegular(String name, Path file, DocumentFolder.NotRegular odd) {
        return new StoreException(Reason.UNREADABLE, "Lab '" + name + "' cannot be read: " + file + " is "
                + odd.what() + ", not a lab file, so nothing was read from it; remove or rename it");
    }

    private static StoreException noSuchLab(String name) {
        return new StoreException(Reason.NO_SUCH_INSTANCE, "No lab is named '" + name
                + "'; 'uml-manager lab list' shows the existing ones");
    }

    private static StoreException nameTaken(String wanted, String existing) {
        String detail = wanted.equals(existing) ? "" : " (names differing only by case count as the same)";
        return new StoreException(Reason.NAME_TAKEN, "A lab named '" + existing + "' already exists" + detail
                + "; import it under another name (--name), or delete the old one first");
    }

    private static String newerMessage(LabDecoded.Newer newer) {
        return "written by a newer UML Manager (lab schema version " + newer.schemaVersion()
                + "; this version understands up to " + LabCodec.SCHEMA_VERSION + ")";
    }

    private static StoreException newerVersion(String name, LabDecoded.Newer newer) {
        return new StoreException(Reason.NEWER_VERSION, "Lab '" + name + "' was " + newerMessage(newer)
                + "; use that version to change it");
    }

    private StoreException ioFailure(String what, IOException e) {
        return new StoreException(Reason.IO, "Could not " + what + ": " + AtomicFiles.describe(e) + " (store: " + dir
                + ")", e);
    }
}
