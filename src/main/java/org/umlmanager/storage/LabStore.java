package org.umlmanager.storage;

import java.io.IOException;
import java.nio.file.Files;
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
    private static final DocumentFolder.Kind<Lab> KIND = new DocumentFolder.Kind<>("lab", "a lab",
            Names::labNameProblem, LabCodec::decode, "lab schema", LabCodec.SCHEMA_VERSION, "a few KiB");

    private final DocumentFolder<Lab> folder;
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
        this.folder = new DocumentFolder<>(directory, instances.directory(), SUFFIX, clock, lockWait, KIND);
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
        DocumentFolder.Loaded<Lab> loaded = folder.loadAll();
        List<Lab> labs = new ArrayList<>(loaded.documents());
        labs.sort(Comparator.comparing(Lab::name));
        return new LabLoadReport(labs, loaded.problems());
    }

    public Lab load(String name) throws StoreException {
        folder.checkName(name);
        if (!folder.exists()) {
            throw noSuchLab(name);
        }
        try (StoreLock lock = folder.lock()) {
            return folder.load(existing(name));
        } catch (IOException e) {
            throw folder.ioFailure("read lab '" + name + "'", e);
        }
    }

    /** The saved lab whose name equals {@code name} ignoring case, if any. */
    public Optional<String> existingName(String name) throws StoreException {
        if (!folder.exists()) {
            return Optional.empty();
        }
        try {
            return folder.nameInUse(name, Optional.empty());
        } catch (IOException e) {
            throw folder.ioFailure("read the labs in " + dir, e);
        }
    }

    /**
     * Saves a new lab together with its new instances and networks, all or nothing: if any name is
     * taken (ignoring case) or a write fails, whatever this call saved is removed again and nothing
     * that existed is touched. The files are written under one hold of the store lock.
     */
    public void createWithMembers(Lab lab, List<Instance> newInstances, List<Network> newNetworks)
            throws StoreException {
        folder.checkName(lab.name());
        folder.exists();
        List<String> madeInstances = new ArrayList<>();
        List<String> madeNetworks = new ArrayList<>();
        try {
            AtomicFiles.ensureDirectory(dir);
            try (StoreLock lock = folder.lock()) {
                Optional<String> taken = folder.nameInUse(lab.name(), Optional.empty());
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
            throw folder.ioFailure("save lab '" + lab.name() + "'", e);
        }
    }

    /** Replaces a saved lab's file (its positions, start order …); its members are not touched. */
    public void update(Lab lab) throws StoreException {
        folder.checkName(lab.name());
        if (!folder.exists()) {
            throw noSuchLab(lab.name());
        }
        try (StoreLock lock = folder.lock()) {
            Path file = existing(lab.name());
            folder.prepareOverwrite(file, lab.name());
            AtomicFiles.write(file, LabCodec.encode(lab));
        } catch (IOException e) {
            throw folder.ioFailure("save lab '" + lab.name() + "'", e);
        }
    }

    /**
     * Deletes a lab's file and the instances and networks named, under one hold of the lock; members
     * already gone are skipped. The lab's file goes first, so a failure half-way leaves instances
     * and networks that stand on their own rather than a lab with members missing.
     */
    public void deleteWithMembers(String name, List<String> memberInstances, List<String> memberNetworks)
            throws StoreException {
        folder.checkName(name);
        if (!folder.exists()) {
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
            throw folder.ioFailure("delete lab '" + name + "'", e);
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

    private Path existing(String name) throws IOException, StoreException {
        return folder.entry(name).orElseThrow(() -> noSuchLab(name));
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
}
