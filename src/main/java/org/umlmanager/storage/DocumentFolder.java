package org.umlmanager.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.storage.StoreException.Reason;

/**
 * A folder of saved documents, one file {@code NAME.SUFFIX} each, and the rules every kind of
 * document the store keeps shares, so that no file and no other process can wedge it:
 * <ul>
 *   <li>every operation holds the folder's {@link StoreLock}, waits for it at most a few seconds
 *       and then names the process holding it; temporary files of writers that were killed are
 *       removed whenever the lock is taken (nobody else can be writing them then);</li>
 *   <li>only regular files are read: a FIFO would block the reader forever, a device could be
 *       endless, and a symbolic link leading out of the folder is not followed; all of them are
 *       reported and never opened;</li>
 *   <li>a document larger than {@link #MAX_DOCUMENT_BYTES} is not read into memory but moved
 *       aside, like an unreadable one, under {@code NAME.SUFFIX.corrupt-TIME}; files moved aside
 *       are reported again on every later run until the user deals with them.</li>
 * </ul>
 * It also reads its documents ({@code T}, described by a {@link Kind}) the one way every store
 * does: a file that does not decode is moved aside and reported, a newer one is left alone, and
 * every message names the kind of document in the same words. What differs between the stores
 * (how a name that is missing or taken is put, what else an operation changes) stays theirs.
 * Thread-safe; every method blocks on file I/O.
 */
final class DocumentFolder<T> {

    /** Far above any real document (an instance with every device is a few KiB). */
    static final long MAX_DOCUMENT_BYTES = 1024 * 1024;
    static final String ASIDE_MARK = ".corrupt-";
    private static final Logger LOG = LoggerFactory.getLogger(DocumentFolder.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    /** One entry of the folder that matters to the store. */
    sealed interface Entry {
        Path file();

        /** The document's name: the file name without the suffix (and without the moved-aside mark). */
        String name();
    }

    /** {@code NAME.SUFFIX}: a document, or something in its place (see {@link #read}). */
    record Document(String name, Path file) implements Entry {
    }

    /** {@code NAME.SUFFIX.corrupt-TIME}: a document moved aside earlier, waiting for the user. */
    record MovedAside(String name, Path file) implements Entry {
    }

    /** What reading a document found. */
    sealed interface Content {
    }

    /** A regular file's content. */
    record Bytes(byte[] bytes) implements Content {
    }

    /** Not a regular file (or a link out of the folder): never opened. {@code what} describes it. */
    record NotRegular(String what) implements Content {
    }

    /** A regular file over the size limit: not read. */
    record TooLarge(long size) implements Content {
    }

    /**
     * A kind of document, as the messages name it and as its files are read.
     *
     * @param noun          "instance", "network", "lab"
     * @param withArticle   the noun after "a" or "an": "an instance"
     * @param nameProblem   what is wrong with a name, if anything (from {@code Names})
     * @param decoder       the codec: a file's bytes and the name its file gives
     * @param schema        the schema, as a newer file's message names it: "lab schema"
     * @param schemaVersion the newest schema version this build reads
     * @param typicalSize   how large real files are, for an oversized file's message: "a few KiB"
     */
    record Kind<T>(String noun, String withArticle, Function<String, Optional<String>> nameProblem,
                   BiFunction<byte[], String, Decoded<T>> decoder, String schema, int schemaVersion,
                   String typicalSize) {

        Kind {
            Objects.requireNonNull(noun);
            Objects.requireNonNull(withArticle);
            Objects.requireNonNull(nameProblem);
            Objects.requireNonNull(decoder);
            Objects.requireNonNull(schema);
            Objects.requireNonNull(typicalSize);
        }

        /** "Instance", for the start of a sentence. */
        String capitalised() {
            return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
        }
    }

    /** The documents that loaded, in folder order, and the files that did not (or did with a remark). */
    record Loaded<T>(List<T> documents, List<LoadProblem> problems) {
    }

    private final Path dir;
    private final Path lockDir;
    private final String suffix;
    private final Clock clock;
    private final Duration lockWait;
    private final Kind<T> kind;

    DocumentFolder(Path dir, String suffix, Clock clock, Duration lockWait, Kind<T> kind) {
        this(dir, dir, suffix, clock, lockWait, kind);
    }

    /**
     * A folder whose lock is another folder's: documents of different kinds that refer to each
     * other (an instance names a network) are changed under one lock.
     */
    DocumentFolder(Path dir, Path lockDir, String suffix, Clock clock, Duration lockWait, Kind<T> kind) {
        this.dir = dir.toAbsolutePath().normalize();
        this.lockDir = lockDir.toAbsolutePath().normalize();
        this.suffix = Objects.requireNonNull(suffix);
        this.clock = Objects.requireNonNull(clock);
        this.lockWait = Objects.requireNonNull(lockWait);
        this.kind = Objects.requireNonNull(kind);
    }

    Path directory() {
        return dir;
    }

    Path fileOf(String name) {
        return dir.resolve(name + suffix);
    }

    /**
     * The folder's lock; the lock's folder is made if needed. Temporary files of killed writers are
     * removed under it.
     */
    StoreLock lock() throws IOException, StoreException {
        AtomicFiles.ensureDirectory(lockDir);
        StoreLock lock = StoreLock.acquire(lockDir, lockWait);
        try {
            removeTemporaries();
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        return lock;
    }

    private void removeTemporaries() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                if (AtomicFiles.isTemporary(p.getFileName().toString())) {
                    // Every writer holds the lock we hold: this one's writer died before its rename.
                    LOG.info("Removing {}, left behind by an interrupted write", p);
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The documents and moved-aside documents, sorted by file name; other files are not the store's. */
    List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String fileName = p.getFileName().toString();
                if (AtomicFiles.isTemporary(fileName) || fileName.startsWith(".")) {
                    continue;
                }
                int aside = fileName.indexOf(suffix + ASIDE_MARK);
                if (fileName.endsWith(suffix) && fileName.length() > suffix.length()) {
                    entries.add(new Document(fileName.substring(0, fileName.length() - suffix.length()), p));
                } else if (aside > 0) {
                    entries.add(new MovedAside(fileName.substring(0, aside), p));
                }
            }
        }
        entries.sort(Comparator.comparing(e -> e.file().getFileName().toString()));
        return entries;
    }

    /**
     * Reads {@code file} if it is a regular file (or a link to one inside this folder) of at most
     * {@link #MAX_DOCUMENT_BYTES}; anything else is described without being opened.
     *
     * @throws NoSuchFileException if there is no such entry
     */
    Content read(Path file) throws IOException {
        PosixFileAttributes entry = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Path target = file;
        if (entry.isSymbolicLink()) {
            Path link = Files.readSymbolicLink(file);
            Path real;
            try {
                real = file.toRealPath();
            } catch (NoSuchFileException e) {
                return new NotRegular("a symbolic link to " + link + ", which does not exist");
            }
            if (!real.getParent().equals(dir.toRealPath())) {
                return new NotRegular("a symbolic link to " + link + ", outside " + dir
                        + "; links out of the folder are not followed");
            }
            target = real;
            entry = Files.readAttributes(real, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        if (!entry.isRegularFile()) {
            return new NotRegular(kind(target, entry));
        }
        if (entry.size() > MAX_DOCUMENT_BYTES) {
            return new TooLarge(entry.size());
        }
        // O_NOFOLLOW: what was checked above is what is opened, even if the entry was swapped meanwhile.
        try (SeekableByteChannel ch = Files.newByteChannel(target, Set.of(StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS))) {
            return readAtMost(ch);
        }
    }

    /** Reads to the end, but never more than the limit: the file may have grown since it was checked. */
    private static Content readAtMost(SeekableByteChannel ch) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) Math.min(ch.size(), MAX_DOCUMENT_BYTES));
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        int n;
        while ((n = ch.read(buffer.clear())) >= 0) {
            out.write(buffer.array(), 0, n);
            if (out.size() > MAX_DOCUMENT_BYTES) {
                return new TooLarge(Math.max(ch.size(), out.size()));
            }
        }
        return new Bytes(out.toByteArray());
    }

    private static String kind(Path file, PosixFileAttributes a) throws IOException {
        if (a.isDirectory()) {
            return "a directory";
        }
        int type = ((Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & S_IFMT;
        return switch (type) {
            case S_IFIFO -> "a FIFO (named pipe)";
            case S_IFCHR -> "a character device";
            case S_IFBLK -> "a block device";
            case S_IFSOCK -> "a socket";
            default -> "not a regular file";
        };
    }

    /** Moves a document out of the way under a name that is never loaded, never overwriting. */
    Path moveAside(Path file) throws IOException {
        String base = file.getFileName() + ASIDE_MARK + STAMP.format(clock.instant());
        Path target = dir.resolve(base);
        for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
            target = dir.resolve(base + "-" + n);
        }
        Files.move(file, target);
        AtomicFiles.syncDirectory(dir);
        LOG.warn("Moved {} file {} aside to {}", kind.noun(), file, target);
        return target;
    }

    /** Whether the folder exists; something else in its place is the user's to fix. */
    boolean exists() throws StoreException {
        if (Files.isDirectory(dir)) {
            return true;
        }
        if (Files.exists(dir)) {
            throw new StoreException(Reason.IO, "The " + kind.noun() + " store " + dir + " is not a directory; move"
                    + " that file away (or set UML_MANAGER_HOME to another directory)");
        }
        return false;
    }

    void checkName(String name) throws StoreException {
        Optional<String> problem = kind.nameProblem().apply(name);
        if (problem.isPresent()) {
            throw new StoreException(Reason.INVALID_NAME, "Invalid " + kind.noun() + " name: " + problem.get());
        }
    }

    /**
     * Every document, under the lock; unreadable files are moved aside and reported, the rest still
     * load. Files moved aside earlier are reported again until dealt with. No folder: nothing.
     */
    Loaded<T> loadAll() throws StoreException {
        List<T> documents = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        if (!exists()) {
            return new Loaded<>(documents, problems);
        }
        try (StoreLock lock = lock()) {
            for (Entry entry : entries()) {
                if (entry instanceof Document doc) {
                    loadInto(doc, documents, problems);
                } else {
                    problems.add(new LoadProblem(entry.file(), kind.withArticle() + " file moved aside earlier"
                            + " because it could not be loaded; fix it and rename it back to " + entry.name() + suffix
                            + ", or delete it", Optional.empty(), false));
                }
            }
        } catch (IOException e) {
            throw ioFailure("read the " + kind.noun() + "s in " + dir, e);
        }
        return new Loaded<>(documents, problems);
    }

    private void loadInto(Document doc, List<T> documents, List<LoadProblem> problems) throws IOException {
        Path file = doc.file();
        Optional<String> badName = kind.nameProblem().apply(doc.name());
        if (badName.isPresent()) {
            problems.add(new LoadProblem(file, "not loaded: the file name " + badName.get() + "; rename the file",
                    Optional.empty(), false));
            return;
        }
        Content content;
        try {
            content = read(file);
        } catch (IOException e) {
            problems.add(new LoadProblem(file, "not loaded: cannot read it (" + AtomicFiles.describe(e) + ")",
                    Optional.empty(), false));
            return;
        }
        if (content instanceof NotRegular odd) {
            problems.add(new LoadProblem(file, "not loaded: it is " + odd.what() + ", not " + kind.withArticle()
                    + " file, so nothing was read from it; remove or rename it", Optional.empty(), false));
            return;
        }
        if (content instanceof TooLarge big) {
            Path aside = moveAside(file);
            problems.add(new LoadProblem(file, "not loaded: " + tooLarge(big.size()) + "; if it really is "
                    + kind.withArticle() + ", shorten it and move it back to " + file.getFileName(), Optional.of(aside),
                    false));
            return;
        }
        Decoded<T> decoded = kind.decoder().apply(((Bytes) content).bytes(), doc.name());
        if (decoded instanceof Decoded.Readable<T> ok) {
            documents.add(ok.document());
            ok.warnings().forEach(w -> problems.add(new LoadProblem(file, w, Optional.empty(), true)));
        } else if (decoded instanceof Decoded.Newer<T> newer) {
            problems.add(new LoadProblem(file, newerMessage(newer) + "; left untouched", Optional.empty(), false));
        } else if (decoded instanceof Decoded.Corrupt<T> corrupt) {
            Path aside = moveAside(file);
            problems.add(new LoadProblem(file, "not loaded: " + corrupt.reason() + "; fix it and move it back to "
                    + file.getFileName(), Optional.of(aside), false));
        }
    }

    /**
     * The document in {@code file} (a file of this folder, under the lock). One that cannot be read
     * is moved aside and reported as {@code UNREADABLE}; a newer one is refused as {@code NEWER_VERSION}.
     */
    T load(Path file) throws IOException, StoreException {
        String name = nameOf(file);
        Content content = read(file);
        if (content instanceof NotRegular odd) {
            throw notRegular(name, file, odd);
        }
        if (content instanceof TooLarge big) {
            Path aside = moveAside(file);
            throw new StoreException(Reason.UNREADABLE, kind.capitalised() + " '" + name + "' could not be read ("
                    + tooLarge(big.size()) + "); its file was moved aside to " + aside + "; if it really is "
                    + kind.withArticle() + ", shorten it and move it back to " + file.getFileName());
        }
        Decoded<T> decoded = kind.decoder().apply(((Bytes) content).bytes(), name);
        if (decoded instanceof Decoded.Readable<T> ok) {
            ok.warnings().forEach(w -> LOG.warn("{}: {}", file, w));
            return ok.document();
        }
        if (decoded instanceof Decoded.Newer<T> newer) {
            throw newerVersion(name, newer);
        }
        Path aside = moveAside(file);
        throw new StoreException(Reason.UNREADABLE, kind.capitalised() + " '" + name + "' could not be read ("
                + ((Decoded.Corrupt<T>) decoded).reason() + "); its file was moved aside to " + aside
                + "; fix it and move it back to " + file.getFileName());
    }

    /**
     * Before {@code file} (document {@code name}, under the lock) is saved over: refused if it is
     * not a regular file or was written by a newer version; moved aside if it cannot be read, so
     * that what the user had is kept.
     */
    void prepareOverwrite(Path file, String name) throws IOException, StoreException {
        Content content = read(file);
        if (content instanceof NotRegular odd) {
            throw notRegular(name, file, odd);
        }
        Decoded<T> old = content instanceof Bytes b
                ? kind.decoder().apply(b.bytes(), name)
                : new Decoded.Corrupt<>(tooLarge(((TooLarge) content).size()));
        if (old instanceof Decoded.Newer<T> newer) {
            throw newerVersion(name, newer);
        }
        if (old instanceof Decoded.Corrupt<T> corrupt) {
            Path aside = moveAside(file);
            LOG.warn("{} could not be read ({}); moved aside to {} before saving over it", file, corrupt.reason(),
                    aside);
        }
    }

    /**
     * The entry of document {@code name}, whatever it is (a file, a link, a FIFO), if there is one;
     * a document whose name differs only by case is refused with a "did you mean".
     */
    Optional<Path> entry(String name) throws IOException, StoreException {
        Path file = fileOf(name);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(file);
        }
        Optional<String> other = nameInUse(name, Optional.empty());
        if (other.isPresent()) {
            throw new StoreException(Reason.NO_SUCH_INSTANCE, "No " + kind.noun() + " is named '" + name
                    + "'; did you mean '" + other.get() + "'?");
        }
        return Optional.empty();
    }

    /** The saved name equal to {@code name} ignoring case, other than {@code except}; none without a folder. */
    Optional<String> nameInUse(String name, Optional<String> except) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        for (Entry e : entries()) {
            if (e instanceof Document doc && doc.name().equalsIgnoreCase(name)
                    && !except.equals(Optional.of(doc.name()))) {
                return Optional.of(doc.name());
            }
        }
        return Optional.empty();
    }

    /** The document name a file of this folder stands for ({@code NAME.SUFFIX}: NAME); else the file name. */
    String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.endsWith(suffix) ? fileName.substring(0, fileName.length() - suffix.length()) : fileName;
    }

    private String tooLarge(long size) {
        return "it is " + size(size) + ", far over the " + size(MAX_DOCUMENT_BYTES) + " " + kind.withArticle()
                + " file may have (real ones are " + kind.typicalSize() + ")";
    }

    private StoreException notRegular(String name, Path file, NotRegular odd) {
        return new StoreException(Reason.UNREADABLE, kind.capitalised() + " '" + name + "' cannot be read: " + file
                + " is " + odd.what() + ", not " + kind.withArticle() + " file, so nothing was read from it; remove"
                + " or rename it");
    }

    private String newerMessage(Decoded.Newer<T> newer) {
        return "written by a newer UML Manager (" + kind.schema() + " version " + newer.schemaVersion()
                + "; this version understands up to " + kind.schemaVersion() + ")";
    }

    private StoreException newerVersion(String name, Decoded.Newer<T> newer) {
        return new StoreException(Reason.NEWER_VERSION, kind.capitalised() + " '" + name + "' was "
                + newerMessage(newer) + "; use that version to change it");
    }

    /** A failed file operation, as every store reports it: what it tried, why it failed, where. */
    StoreException ioFailure(String what, IOException e) {
        return new StoreException(Reason.IO, "Could not " + what + ": " + AtomicFiles.describe(e) + " (store: " + dir
                + ")", e);
    }

    /** "1.4 MiB", "150 MB"-style sizes for messages. */
    static String size(long bytes) {
        if (bytes >= 10L * 1024 * 1024) {
            return (bytes / (1024 * 1024)) + " MiB";
        }
        if (bytes >= 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return (bytes / 1024) + " KiB";
    }
}
