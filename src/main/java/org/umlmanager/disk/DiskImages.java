package org.umlmanager.disk;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.umlmanager.job.HostCommand;
import org.umlmanager.job.HostToolException;
import org.umlmanager.job.HostTools;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.job.CancelledException;
import org.umlmanager.job.Cancellation;

/**
 * Raw disk images: create one (sparse, optionally with a filesystem, optionally filled from a
 * directory), report its apparent against its allocated size, and grow it. New images are
 * readable by their owner only, since guests keep password hashes and keys in them.
 */
public final class DiskImages {

    /** Suffix of a partial image kept for inspection after a failure ({@link ImageRequest#keepFailed()}). */
    public static final String FAILED_SUFFIX = ".failed";

    private static final Duration QUICK_TOOL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FSCK_RESIZE_TIMEOUT = Duration.ofMinutes(30);
    /** e2fsck's exit status 1 means "errors were repaired": the filesystem is fine afterwards. */
    private static final int E2FSCK_REPAIRED = 1;

    private DiskImages() {
    }

    /**
     * Makes the image {@code request} describes. The work happens on a hidden temporary file in
     * the same directory that is renamed to the requested name only when complete, so a failure or
     * cancel never leaves a half-made image under that name.
     *
     * @return the created image
     * @throws DiskException      for bad input (existing file, unknown type, …) or a failing tool
     * @throws CancelledException when {@code cancellation} was triggered
     */
    public static Path create(ImageRequest request, ProgressListener listener, Cancellation cancellation)
            throws IOException {
        Path target = request.path().toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new DiskException("Cannot create " + target + ": the directory " + dir + " does not exist");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new DiskException("Cannot create " + target + ": it already exists (choose another name or delete it)");
        }
        if (request.size() <= 0) {
            throw new DiskException("Cannot create " + target + ": the size must be more than 0 bytes");
        }
        Optional<FilesystemType> type = request.filesystem().isPresent()
                ? Optional.of(Filesystems.require(request.filesystem().get())) : Optional.empty();
        if (type.isPresent()) {
            Filesystems.checkPopulate(type.get(), request.populateFrom());
        } else if (request.populateFrom().isPresent()) {
            throw new DiskException("Filling an image from a directory needs a filesystem type (for example ext4)");
        }
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            listener.stage("Creating a sparse " + ByteSize.format(request.size()) + " image");
            extend(temp, request.size());
            cancellation.check("Creating " + target);
            if (type.isPresent()) {
                Filesystems.make(temp, type.get(), request.populateFrom(), listener, cancellation);
            }
            cancellation.check("Creating " + target);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString(), null, "created by someone else meanwhile");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            listener.stage("Created " + target);
            return target;
        } catch (IOException | RuntimeException e) {
            throw discard(temp, target, request.keepFailed(), e);
        }
    }

    /** Creates an empty sparse file of {@code size} bytes; refuses to overwrite. */
    public static void createSparse(Path path, long size) throws IOException {
        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        extend(path, size);
    }

    /** Apparent size, allocated bytes and filesystem of {@code image}. */
    public static ImageInfo info(Path image) throws IOException {
        if (!Files.isRegularFile(image)) {
            throw new DiskException(Files.exists(image) ? image + " is not a regular file"
                    : "No such image: " + image);
        }
        return new ImageInfo(image, Files.size(image), allocatedBytes(image), FilesystemProbe.probe(image));
    }

    /**
     * The host space allocated to {@code file}. The JDK does not expose {@code st_blocks}, so this
     * asks coreutils' {@code stat} for the block count and the unit it is counted in.
     */
    public static long allocatedBytes(Path file) throws IOException {
        Path stat = HostTools.require("stat", "coreutils");
        List<String> out = HostCommand.of(List.of(stat.toString(), "-L", "-c", "%b %B", "--", file.toString()))
                .timeout(QUICK_TOOL_TIMEOUT).quiet().run(ProgressListener.NONE, Cancellation.none()).stdout();
        String[] fields = out.isEmpty() ? new String[0] : out.get(0).strip().split(" ");
        try {
            return Math.multiplyExact(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new DiskException("Unexpected answer from stat for " + file + ": " + out, e);
        }
    }

    /**
     * Grows {@code image} to {@code newSize} bytes: checks the filesystem, extends the file
     * sparsely and grows an ext2/3/4 filesystem to fill it with resize2fs. Other filesystems and
     * raw images are only extended (the result says so). Cancellation is honoured until resize2fs
     * starts; stopping it half-way could damage the filesystem.
     *
     * @throws DiskException when asked to shrink, when the image is in use, or when a tool fails
     */
    /**
     * Whether a running UML holds {@code file} (the kernel takes an fcntl lock on every disk and COW
     * file it opens for writing). Blocking but quick: one open and one lock attempt.
     */
    public static boolean inUse(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = ch.tryLock()) {
            return lock == null;
        }
    }

    public static GrowResult grow(Path image, long newSize, ProgressListener listener, Cancellation cancellation)
            throws IOException {
        long oldSize = info(image).apparentSize();
        if (newSize < oldSize) {
            throw new DiskException("Refusing to shrink " + image + " from " + ByteSize.format(oldSize) + " to "
                    + ByteSize.format(newSize) + ": shrinking loses data; give a size of at least " + oldSize
                    + " bytes");
        }
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = ch.tryLock()) {
            if (lock == null) {
                throw new DiskException(image + " is in use by a running UML instance (it holds a lock on it); stop"
                        + " the instance first");
            }
            Optional<String> fs = FilesystemProbe.probe(image);
            if (newSize == oldSize) {
                return new GrowResult(info(image), false, "nothing to do: it is already " + ByteSize.format(oldSize));
            }
            boolean ext = fs.isPresent() && fs.get().startsWith("ext");
            Optional<Path> resize2fs = HostTools.find("resize2fs");
            Optional<Path> e2fsck = HostTools.find("e2fsck");
            if (ext && resize2fs.isPresent() && e2fsck.isPresent()) {
                listener.stage("Checking the " + fs.get() + " filesystem");
                HostCommand.of(List.of(e2fsck.get().toString(), "-f", "-p", image.toString()))
                        .timeout(FSCK_RESIZE_TIMEOUT).successUpTo(E2FSCK_REPAIRED).run(listener, cancellation);
            }
            cancellation.check("Growing " + image);
            listener.stage("Extending " + image + " to " + ByteSize.format(newSize));
            extend(image, newSize);
            if (!ext) {
                return new GrowResult(info(image), false, fs.map(f -> "the " + f + " filesystem was not grown;"
                        + " grow it from inside the guest").orElse("extended (no filesystem found)"));
            }
            if (resize2fs.isEmpty() || e2fsck.isEmpty()) {
                return new GrowResult(info(image), false, "the " + fs.get() + " filesystem was not grown: resize2fs"
                        + " and e2fsck are not installed (apt-get install e2fsprogs)");
            }
            listener.stage("Growing the " + fs.get() + " filesystem");
            try {
                HostCommand.of(List.of(resize2fs.get().toString(), image.toString())).timeout(FSCK_RESIZE_TIMEOUT)
                        .run(listener, Cancellation.none());
            } catch (HostToolException e) {
                throw new DiskException("The file " + image + " was extended to " + ByteSize.format(newSize)
                        + " but growing its filesystem failed (" + e.getMessage() + "); run 'e2fsck -f " + image
                        + "' and 'resize2fs " + image + "' by hand", e);
            }
            return new GrowResult(info(image), true, "the " + fs.get() + " filesystem now fills the image");
        }
    }

    private static void extend(Path file, long size) throws IOException {
        // setLength extends with ftruncate: the new range is a hole, so the file stays sparse.
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }

    /** Removes (or keeps, renamed) the partial image; a cancel is thrown from here, any other failure returned. */
    private static IOException discard(Path temp, Path target, boolean keep, Exception cause) throws IOException {
        // Tools name the file they worked on: the user knows it by its real name.
        String message = (cause.getMessage() == null ? cause.toString() : cause.getMessage())
                .replace(temp.toString(), target.toString());
        if (!keep) {
            Files.deleteIfExists(temp);
            if (cause instanceof CancelledException) {
                throw new CancelledException(message);
            }
            return new DiskException(message, cause);
        }
        Path failed = target.resolveSibling(target.getFileName() + FAILED_SUFFIX);
        Files.move(temp, failed, StandardCopyOption.REPLACE_EXISTING);
        String kept = message + "; the partial image was kept as " + failed;
        if (cause instanceof CancelledException) {
            throw new CancelledException(kept);
        }
        return new DiskException(kept, cause);
    }
}
