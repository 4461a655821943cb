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
import org.umlmanager.model.Names;
import org.umlmanager.model.Network;
import org.umlmanager.model.Printable;
import org.umlmanager.storage.StoreException.Reason;

/**
 * The saved networks: one file {@code NAME.json} per network, under the same rules as the
 * instances (see {@link InstanceStore}): atomic writes, mode 0600 in a 0700 directory, names unique
 * ignoring case, unreadable files moved aside and reported, newer files left alone, and
 * {@link DocumentFolder}'s protection from odd files and stuck processes. Every operation holds the
 * instance store's lock, so network and instance changes of the GUI and CLI runs never interleave.
 *
 * <p>The built-in NAT network {@code default} exists without a file; saving it writes one, which
 * then replaces the built-in settings. It cannot be deleted. Thread-safe; all methods block on I/O.
 */
public final class NetworkStore {

    private static final String SUFFIX = ".json";
    private static final DocumentFolder.Kind<Network> KIND = new DocumentFolder.Kind<>("network", "a network",
            Names::networkNameProblem, NetworkCodec::decode, "network schema", NetworkCodec.SCHEMA_VERSION,
            "under 1 KiB");

    private final DocumentFolder<Network> folder;
    private final Path dir;

    /**
     * @param directory   where network files live ({@code AppPaths.networksDir()})
     * @param instanceDir the instance store's directory, whose lock this store shares
     */
    public NetworkStore(Path directory, Path instanceDir) {
        this(directory, instanceDir, Clock.systemUTC());
    }

    public NetworkStore(Path directory, Path instanceDir, Clock clock) {
        this(directory, instanceDir, clock, StoreLock.DEFAULT_WAIT);
    }

    /** {@code lockWait}: how long an operation waits for another process's lock before it fails, naming it. */
    public NetworkStore(Path directory, Path instanceDir, Clock clock, Duration lockWait) {
        this.folder = new DocumentFolder<>(directory, instanceDir, SUFFIX, clock, lockWait, KIND);
        this.dir = folder.directory();
    }

    public Path directory() {
        return dir;
    }

    public Path fileOf(String name) {
        return folder.fileOf(name);
    }

    /**
     * Every network, the built-in {@code default} included; unreadable files are moved aside and
     * reported, and files moved aside earlier are reported again until dealt with.
     */
    public NetworkLoadReport loadAll() throws StoreException {
        DocumentFolder.Loaded<Network> loaded = folder.loadAll();
        List<Network> networks = new ArrayList<>(loaded.documents());
        List<LoadProblem> problems = loaded.problems();
        boolean defaultTaken = networks.stream().anyMatch(n -> n.name().equalsIgnoreCase(Network.DEFAULT_NAME))
                || problems.stream().anyMatch(p -> p.movedTo().isEmpty() && !p.loaded()
                && folder.nameOf(p.file()).equalsIgnoreCase(Network.DEFAULT_NAME));
        if (!defaultTaken) {
            networks.add(Network.builtInDefault());
        }
        networks.sort(Comparator.comparing(Network::name));
        return new NetworkLoadReport(networks, problems);
    }

    /** The network {@code name} (the built-in {@code default} when it has no file). */
    public Network load(String name) throws StoreException {
        folder.checkName(name);
        if (folder.exists()) {
            try (StoreLock lock = folder.lock()) {
                Optional<Path> file = folder.entry(name);
                if (file.isPresent()) {
                    return folder.load(file.get());
                }
            } catch (IOException e) {
                throw folder.ioFailure("read network '" + name + "'", e);
            }
        }
        if (name.equals(Network.DEFAULT_NAME)) {
            return Network.builtInDefault();
        }
        throw noSuchNetwork(name);
    }

    /** Saves a new network; {@code NAME_TAKEN} if the name (ignoring case) is in use, {@code default} included. */
    public void create(Network network) throws StoreException {
        folder.checkName(network.name());
        folder.exists();
        if (network.name().equalsIgnoreCase(Network.DEFAULT_NAME)) {
            throw nameTaken(network.name(), Network.DEFAULT_NAME);
        }
        try {
            AtomicFiles.ensureDirectory(dir);
            try (StoreLock lock = folder.lock()) {
                Optional<String> taken = folder.nameInUse(network.name(), Optional.empty());
                if (taken.isPresent()) {
                    throw nameTaken(network.name(), taken.get());
                }
                AtomicFiles.write(fileOf(network.name()), NetworkCodec.encode(network));
            }
        } catch (IOException e) {
            throw folder.ioFailure("save network '" + network.name() + "'", e);
        }
    }

    /**
     * Replaces a saved network's settings (for {@code default}, writes its file the first time).
     * Refused for a file written by a newer version or for something that is not a regular file; a
     * corrupt or oversized file is moved aside first.
     */
    public void update(Network network) throws StoreException {
        folder.checkName(network.name());
        folder.exists();
        try {
            AtomicFiles.ensureDirectory(dir);
            try (StoreLock lock = folder.lock()) {
                Path file = fileOf(network.name());
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    folder.prepareOverwrite(file, network.name());
                } else if (!network.name().equals(Network.DEFAULT_NAME)) {
                    throw noSuchNetwork(network.name());
                }
                AtomicFiles.write(file, NetworkCodec.encode(network));
            }
        } catch (IOException e) {
            throw folder.ioFailure("save network '" + network.name() + "'", e);
        }
    }

    /** Deletes a saved network's file (whatever its content). The built-in {@code default} cannot be deleted. */
    public void delete(String name) throws StoreException {
        folder.checkName(name);
        if (name.equalsIgnoreCase(Network.DEFAULT_NAME)) {
            throw new StoreException(Reason.INVALID_NAME, "The network 'default' is built in and cannot be deleted;"
                    + " guests that should not use it can name another network");
        }
        if (!folder.exists()) {
            throw noSuchNetwork(name);
        }
        try (StoreLock lock = folder.lock()) {
            Files.delete(folder.entry(name).orElseThrow(() -> noSuchNetwork(name)));
            AtomicFiles.syncDirectory(dir);
        } catch (IOException e) {
            throw folder.ioFailure("delete network '" + name + "'", e);
        }
    }

    private static StoreException noSuchNetwork(String name) {
        return new StoreException(Reason.NO_SUCH_INSTANCE, "No network is named '" + Printable.escape(name)
                + "'; 'uml-manager network list' shows the existing ones");
    }

    private static StoreException nameTaken(String wanted, String existing) {
        String detail = wanted.equals(existing) ? "" : " (names differing only by case count as the same)";
        return new StoreException(Reason.NAME_TAKEN, "A network named '" + existing + "' already exists" + detail
                + "; choose another name");
    }
}
