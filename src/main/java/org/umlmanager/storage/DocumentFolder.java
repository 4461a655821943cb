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
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * Thread-safe; every method blocks on file I/O.
 */
final class DocumentFolder {

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

    private final Path dir;
    private final Path lockDir;
    private final String suffix;
    private final Clock clock;
    private final Duration lockWait;

    DocumentFolder(Path dir, String suffix, Clock clock, Duration lockWait) {
        this(dir, dir, suffix, clock, lockWait);
    }

    /**
     * A folder whose lock is another folder's: documents of different kinds that refer to each
     * other (an instance names a network) are changed under one lock.
     */
    DocumentFolder(Path dir, Path lockDir, String suffix, Clock clock, Duration lockWait) {
        this.dir = dir.toAbsolutePath().normalize();
        this.lockDir = lockDir.toAbsolutePath().normalize();
        this.suffix = Objects.requireNonNull(suffix);
        this.clock = Objects.requireNonNull(clock);
        this.lockWait = Objects.requireNonNull(lockWait);
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
        LOG.warn("Moved instance file {} aside to {}", file, target);
        return target;
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
