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

    private static final Logger LOG = LoggerFactory.getLogger(NetworkStore.class);
    private static final String SUFFIX = ".json";

    private final DocumentFolder folder;
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
        this.folder = new DocumentFolder(directory, instanceDir, SUFFIX, clock, lockWait);
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
        List<Network> networks = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        if (exists()) {
            try (StoreLock lock = folder.lock()) {
                for (DocumentFolder.Entry entry : folder.entries()) {
                    if (entry instanceof DocumentFolder.Document doc) {
                        loadInto(doc, networks, problems);
                    } else {
                        problems.add(new LoadProblem(entry.file(), "a network file moved aside earlier because it"
                                + " could not be loaded; fix it and rename it back to " + entry.name() + SUFFIX
                                + ", or delete it", Optional.empty(), false));
                    }
                }
            } catch (IOException e) {
                throw ioFailure("read the networks in " + dir, e);
            }
        }
        boolean defaultTaken = networks.stream().anyMatch(n -> n.name().equalsIgnoreCase(Network.DEFAULT_NAME))
                || problems.stream().anyMatch(p -> p.movedTo().isEmpty() && !p.loaded()
                && nameOf(p.file()).equalsIgnoreCase(Network.DEFAULT_NAME));
        if (!defaultTaken) {
            networks.add(Network.builtInDefault());
        }
        networks.sort(Comparator.comparing(Network::name));
        return new NetworkLoadReport(networks, problems);
    }

    /** The network {@code name} (the built-in {@code default} when it has no file). */
    public Network load(String name) throws StoreException {
        checkName(name);
        if (exists()) {
            try (StoreLock lock = folder.lock()) {
                Path file = fileOf(name);
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    return read(file);
                }
                Optional<String> other = nameInUse(name, Optional.empty());
                if (other.isPresent()) {
                    throw new StoreException(Reason.NO_SUCH_INSTANCE, "No network is named '" + name
                            + "'; did you mean '" + other.get() + "'?");
                }
            } catch (IOException e) {
                throw ioFailure("read network '" + name + "'", e);
            }
        }
        if (name.equals(Network.DEFAULT_NAME)) {
            return Network.builtInDefault();
        }
        throw noSuchNetwork(name);
    }

    /** Saves a new network; {@code NAME_TAKEN} if the name (ignoring case) is in use, {@code default} included. */
    public void create(Network network) throws StoreException {
        checkName(network.name());
        exists();
        if (network.name().equalsIgnoreCase(Network.DEFAULT_NAME)) {
            throw nameTaken(network.name(), Network.DEFAULT_NAME);
        }
        try {
            AtomicFiles.ensureDirectory(dir);
            try (StoreLock lock = folder.lock()) {
                Optional<String> taken = nameInUse(network.name(), Optional.empty());
                if (taken.isPresent()) {
                    throw nameTaken(network.name(), taken.get());
                }
                AtomicFiles.write(fileOf(network.name()), NetworkCodec.encode(network));
            }
        } catch (IOException e) {
            throw ioFailure("save network '" + network.name() + "'", e);
        }
    }

    /**
     * Replaces a saved network's settings (for {@code default}, writes its file the first time).
     * Refused for a file written by a newer version or for something that is not a regular file; a
     * corrupt or oversized file is moved aside first.
     */
    public void update(Network network) throws StoreException {
        checkName(network.name());
        exists();
        try {
            AtomicFiles.ensureDirectory(dir);
            try (StoreLock lock = folder.lock()) {
                Path file = fileOf(network.name());
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    DocumentFolder.Content content = folder.read(file);
                    if (content instanceof DocumentFolder.NotRegular odd) {
                        throw notRegular(network.name(), file, odd);
                    }
                    NetworkDecoded old = content instanceof DocumentFolder.Bytes b
                            ? NetworkCodec.decode(b.bytes(), network.name())
                            : new NetworkDecoded.Corrupt(tooLarge(((DocumentFolder.TooLarge) content).size()));
                    if (old instanceof NetworkDecoded.Newer newer) {
                        throw newerVersion(network.name(), newer);
                    }
                    if (old instanceof NetworkDecoded.Corrupt corrupt) {
                        Path aside = folder.moveAside(file);
                        LOG.warn("{} could not be read ({}); moved aside to {} before saving over it", file,
                                corrupt.reason(), aside);
                    }
                } else if (!network.name().equals(Network.DEFAULT_NAME)) {
                    throw noSuchNetwork(network.name());
                }
                AtomicFiles.write(file, NetworkCodec.encode(network));
            }
        } catch (IOException e) {
            throw ioFailure("save network '" + network.name() + "'", e);
        }
    }

    /** Deletes a saved network's file (whatever its content). The built-in {@code default} cannot be deleted. */
    public void delete(String name) throws StoreException {
        checkName(name);
        if (name.equalsIgnoreCase(Network.DEFAULT_NAME)) {
            throw new StoreException(Reason.INVALID_NAME, "The network 'default' is built in and cannot be deleted;"
                    + " guests that should not use it can name another network");
        }
        if (!exists()) {
            throw noSuchNetwork(name);
        }
        try (StoreLock lock = folder.lock()) {
            Path file = fileOf(name);
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Optional<String> other = nameInUse(name, Optional.empty());
                throw other.isPresent() ? new StoreException(Reason.NO_SUCH_INSTANCE, "No network is named '"
                        + name + "'; did you mean '" + other.get() + "'?") : noSuchNetwork(name);
            }
            Files.delete(file);
            AtomicFiles.syncDirectory(dir);
        } catch (IOException e) {
            throw ioFailure("delete network '" + name + "'", e);
        }
    }

    private boolean exists() throws StoreException {
        if (Files.isDirectory(dir)) {
            return true;
        }
        if (Files.exists(dir)) {
            throw new StoreException(Reason.IO, "The network store " + dir + " is not a directory; move that file"
                    + " away (or set UML_MANAGER_HOME to another directory)");
        }
        return false;
    }

    private void loadInto(DocumentFolder.Document doc, List<Network> networks, List<LoadProblem> problems)
            throws IOException {
        Path file = doc.file();
        Optional<String> badName = Names.networkNameProblem(doc.name());
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
            problems.add(new LoadProblem(file, "not loaded: it is " + odd.what() + ", not a network file, so"
                    + " nothing was read from it; remove or rename it", Optional.empty(), false));
            return;
        }
        if (content instanceof DocumentFolder.TooLarge big) {
            Path aside = folder.moveAside(file);
            problems.add(new LoadProblem(file, "not loaded: " + tooLarge(big.size()) + "; if it really is a"
                    + " network, shorten it and move it back to " + file.getFileName(), Optional.of(aside), false));
            return;
        }
        NetworkDecoded decoded = NetworkCodec.decode(((DocumentFolder.Bytes) content).bytes(), doc.name());
        if (decoded instanceof NetworkDecoded.Readable ok) {
            networks.add(ok.network());
            ok.warnings().forEach(w -> problems.add(new LoadProblem(file, w, Optional.empty(), true)));
        } else if (decoded instanceof NetworkDecoded.Newer newer) {
            problems.add(new LoadProblem(file, newerMessage(newer) + "; left untouched", Optional.empty(), false));
        } else if (decoded instanceof NetworkDecoded.Corrupt corrupt) {
            Path aside = folder.moveAside(file);
            problems.add(new LoadProblem(file, "not loaded: " + corrupt.reason() + "; fix it and move it back to "
                    + file.getFileName(), Optional.of(aside), false));
        }
    }

    private Network read(Path file) throws IOException, StoreException {
        String name = nameOf(file);
        DocumentFolder.Content content = folder.read(file);
        if (content instanceof DocumentFolder.NotRegular odd) {
            throw notRegular(name, file, odd);
        }
        if (content instanceof DocumentFolder.TooLarge big) {
            Path aside = folder.moveAside(file);
            throw new StoreException(Reason.UNREADABLE, "Network '" + name + "' could not be read ("
                    + tooLarge(big.size()) + "); its file was moved aside to " + aside
                    + "; if it really is a network, shorten it and move it back to " + file.getFileName());
        }
        NetworkDecoded decoded = NetworkCodec.decode(((DocumentFolder.Bytes) content).bytes(), name);
        if (decoded instanceof NetworkDecoded.Readable ok) {
            ok.warnings().forEach(w -> LOG.warn("{}: {}", file, w));
            return ok.network();
        }
        if (decoded instanceof NetworkDecoded.Newer newer) {
            throw newerVersion(name, newer);
        }
        Path aside = folder.moveAside(file);
        throw new StoreException(Reason.UNREADABLE, "Network '" + name + "' could not be read ("
                + ((NetworkDecoded.Corrupt) decoded).reason() + "); its file was moved aside to " + aside
                + "; fix it and move it back to " + file.getFileName());
    }

    private Optional<String> nameInUse(String name, Optional<String> except) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
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
        return fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length()) : fileName;
    }

    private static void checkName(String name) throws StoreException {
        Optional<String> problem = Names.networkNameProblem(name);
        if (problem.isPresent()) {
            throw new StoreException(Reason.INVALID_NAME, "Invalid network name: " + problem.get());
        }
    }

    private static String tooLarge(long size) {
        return "it is " + DocumentFolder.size(size) + ", far over the " + DocumentFolder.size(
                DocumentFolder.MAX_DOCUMENT_BYTES) + " a network file may have (real ones are under 1 KiB)";
    }

    private static StoreException notRegular(String name, Path file, DocumentFolder.NotRegular odd) {
        return new StoreException(Reason.UNREADABLE, "Network '" + name + "' cannot be read: " + file
                + " is " + odd.what() + ", not a network file, so nothing was read from it; remove or rename it");
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

    private static String newerMessage(NetworkDecoded.Newer newer) {
        return "written by a newer UML Manager (network schema version " + newer.schemaVersion()
                + "; this version understands up to " + NetworkCodec.SCHEMA_VERSION + ")";
    }

    private static StoreException newerVersion(String name, NetworkDecoded.Newer newer) {
        return new StoreException(Reason.NEWER_VERSION, "Network '" + name + "' was " + newerMessage(newer)
                + "; use that version to change it");
    }

    private StoreException ioFailure(String what, IOException e) {
        return new StoreException(Reason.IO, "Could not " + what + ": " + AtomicFiles.describe(e) + " (store: "
                + dir + ")", e);
    }
}
