package org.umlmanager.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * unreadable files moved aside and reported, newer files left alone. Every operation holds the
 * instance store's lock, and a lab is saved or deleted together with its instances and networks
 * under one hold of it, so no other program sees (or makes) half a lab. Thread-safe; all methods
 * block on I/O.
 */
public final class LabStore {

    private static final Logger LOG = LoggerFactory.getLogger(LabStore.class);
    private static final String SUFFIX = ".json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path dir;
    private final InstanceStore instances;
    private final NetworkStore networks;
    private final Clock clock;

    public LabStore(Path directory, InstanceStore instances, NetworkStore networks) {
        this(directory, instances, networks, Clock.systemUTC());
    }

    public LabStore(Path directory, InstanceStore instances, NetworkStore networks, Clock clock) {
        this.dir = directory.toAbsolutePath().normalize();
        this.instances = Objects.requireNonNull(instances);
        this.networks = Objects.requireNonNull(networks);
        this.clock = Objects.requireNonNull(clock);
    }

    public Path directory() {
        return dir;
    }

    public Path fileOf(String name) {
        return dir.resolve(name + SUFFIX);
    }

    /** Every lab; unreadable files are moved aside and reported, the rest still load. */
    public LabLoadReport loadAll() throws StoreException {
        List<Lab> labs = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        if (!exists()) {
            return new LabLoadReport(labs, problems);
        }
        try (StoreLock lock = lock()) {
            for (Path file : entries()) {
                String fileName = file.getFileName().toString();
                if (AtomicFiles.isTemporary(fileName)) {
                    LOG.info("Removing {}, left behind by an interrupted write", file);
                    Files.deleteIfExists(file);
                } else if (fileName.endsWith(SUFFIX)) {
                    loadInto(file, labs, problems);
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
        try (StoreLock lock = lock()) {
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
            AtomicFiles.ensureDirectory(instances.directory());
            try (StoreLock lock = lock()) {
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
        try (StoreLock lock = lock()) {
            Path file = existing(lab.name());
            LabDecoded old = LabCodec.decode(Files.readAllBytes(file), lab.name());
            if (old instanceof LabDecoded.Newer newer) {
                throw newerVersion(lab.name(), newer);
            }
            if (old instanceof LabDecoded.Corrupt corrupt) {
                Path aside = moveAside(file);
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
        try (StoreLock lock = lock()) {
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

    private StoreLock lock() throws IOException {
        AtomicFiles.ensureDirectory(instances.directory());
        return StoreLock.acquire(instances.directory());
    }

    private List<Path> entries() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(files::add);
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    private void loadInto(Path file, List<Lab> labs, List<LoadProblem> problems) {
        String name = nameOf(file);
        Optional<String> badName = Names.labNameProblem(name);
        if (badName.isPresent()) {
            problems.add(new LoadProblem(file, "not loaded: the file name " + badName.get() + "; rename the file",
                    Optional.empty(), false));
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new LoadProblem(file, "not loaded: cannot read it (" + AtomicFiles.describe(e) + ")",
                    Optional.empty(), false));
            return;
        }
        LabDecoded decoded = LabCodec.decode(bytes, name);
        if (decoded instanceof LabDecoded.Readable ok) {
            labs.add(ok.lab());
            ok.warnings().forEach(w -> problems.add(new LoadProblem(file, w, Optional.empty(), true)));
        } else if (decoded instanceof LabDecoded.Newer newer) {
            problems.add(new LoadProblem(file, newerMessage(newer) + "; left untouched", Optional.empty(), false));
        } else if (decoded instanceof LabDecoded.Corrupt corrupt) {
            try {
                Path aside = moveAside(file);
                problems.add(new LoadProblem(file, "not loaded: " + corrupt.reason() + "; fix it and move it back to "
                        + file.getFileName(), Optional.of(aside), false));
            } catch (IOException e) {
                problems.add(new LoadProblem(file, "not loaded: " + corrupt.reason() + "; could not move it aside ("
                        + AtomicFiles.describe(e) + ")", Optional.empty(), false));
            }
        }
    }

    private Lab read(Path file) throws IOException, StoreException {
        String name = nameOf(file);
        LabDecoded decoded = LabCodec.decode(Files.readAllBytes(file), name);
        if (decoded instanceof LabDecoded.Readable ok) {
            ok.warnings().forEach(w -> LOG.warn("{}: {}", file, w));
            return ok.lab();
        }
        if (decoded instanceof LabDecoded.Newer newer) {
            throw newerVersion(name, newer);
        }
        Path aside = moveAside(file);
        throw new StoreException(Reason.UNREADABLE, "Lab '" + name + "' could not be read ("
                + ((LabDecoded.Corrupt) decoded).reason() + "); its file was moved aside to " + aside
                + "; fix it and move it back to " + file.getFileName());
    }

    private Path moveAside(Path file) throws IOException {
        String base = file.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
        Path target = dir.resolve(base);
        for (int n = 2; Files.exists(target); n++) {
            target = dir.resolve(base + "-" + n);
        }
        Files.move(file, target);
        AtomicFiles.syncDirectory(dir);
        LOG.warn("Moved unreadable lab file {} aside to {}", file, target);
        return target;
    }

    private Path existing(String name) throws IOException, StoreException {
        Path file = fileOf(name);
        if (Files.isRegularFile(file)) {
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
        for (Path file : entries()) {
            String fileName = file.getFileName().toString();
            if (fileName.endsWith(SUFFIX) && !AtomicFiles.isTemporary(fileName)
                    && nameOf(file).equalsIgnoreCase(name)) {
                return Optional.of(nameOf(file));
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
