package org.umlmanager.cow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Creating and reading COW files in the kernel's format. All methods are blocking file I/O and
 * safe to call from any thread (each opens its own channel).
 */
public final class CowFiles {

    private CowFiles() {
    }

    /**
     * Reads the header of {@code cow}.
     *
     * @throws CowException when the file is missing, is not a COW file, or its header is truncated or damaged
     */
    public static CowHeader readHeader(Path cow) throws IOException {
        try (FileChannel ch = open(cow)) {
            return readHeader(ch, cow);
        }
    }

    /** Whether {@code file} exists and starts with a COW header the kernel would recognise. */
    public static boolean isCowFile(Path file) {
        try {
            readHeader(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The header and how many sectors the COW file holds (the bitmap is counted in bulk). */
    public static CowInfo info(Path cow) throws IOException {
        try (FileChannel ch = open(cow)) {
            CowHeader header = readHeader(ch, cow);
            requireWholeBitmap(ch, header, cow);
            return new CowInfo(cow, header, new CowBitmap(ch, header).count(header.mappedSectorLimit()), ch.size());
        }
    }

    /**
     * Checks {@code cow} against its backing file as the kernel will when it opens the disk.
     *
     * @param backingOverride the backing file to check instead of the header's (uml_moo's {@code -b})
     * @throws CowException when {@code cow} itself cannot be read as a COW file
     */
    public static CowCheck check(Path cow, Optional<Path> backingOverride) throws IOException {
        CowHeader header = readHeader(cow);
        Path backing = backingOverride.orElse(Path.of(header.backingFile()));
        if (!Files.exists(backing)) {
            return new CowCheck(cow, header, backing, List.of(new CowProblem.BackingMissing(backing)));
        }
        long size = Files.size(backing);
        long mtime = Files.getLastModifiedTime(backing).to(TimeUnit.SECONDS);
        List<CowProblem> problems = new ArrayList<>();
        if (size != header.size()) {
            problems.add(new CowProblem.SizeMismatch(backing, header.size(), size));
        }
        // Compared as the kernel does: the stored 32 bits against the full 64-bit time.
        if (mtime != header.mtime()) {
            problems.add(new CowProblem.MtimeMismatch(backing, header.mtime(), mtime, size != header.size()));
        }
        return new CowCheck(cow, header, backing, problems);
    }

    /**
     * Sets the backing file's modification time back to the one in {@code cow}'s header
     * ({@code touch -d @MTIME}). Only right when the backing file's content did not change; the
     * caller must have asked the user. Refused when the size differs, since then it certainly did.
     */
    public static void restoreBackingTime(Path cow, Optional<Path> backingOverride) throws IOException {
        CowCheck check = check(cow, backingOverride);
        for (CowProblem p : check.problems()) {
            if (!(p instanceof CowProblem.MtimeMismatch)) {
                throw new CowException("Not restoring the time of " + check.backingFile() + ": " + p.explanation());
            }
        }
        Files.setLastModifiedTime(check.backingFile(), FileTime.from(check.header().mtime(), TimeUnit.SECONDS));
    }

    /**
     * Creates {@code cow} over {@code backing} exactly as the kernel does for {@code ubdN=cow,backing}:
     * a v3 header with the backing file's absolute path (its directory resolved like the kernel's
     * {@code getcwd}), 32-bit mtime and size, 512-byte sectors, 4096 alignment, an empty bitmap,
     * and one zero byte at the end to give the sparse file its length.
     *
     * @return the header written
     * @throws CowException when {@code cow} exists, or the backing file is missing or not a regular file
     */
    public static CowHeader create(Path cow, Path backing) throws IOException {
        if (Files.exists(cow, LinkOption.NOFOLLOW_LINKS)) {
            throw new CowException("Cannot create " + cow + ": it already exists");
        }
        if (!Files.exists(backing)) {
            throw new CowException("Cannot create a COW file over " + backing + ": no such file");
        }
        if (!Files.isRegularFile(backing)) {
            throw new CowException("Cannot create a COW file over " + backing + ": it is not a regular file");
        }
        Path absolute = backing.toAbsolutePath();
        // The kernel chdirs into the directory and asks getcwd: symlinks in the directory part are
        // resolved, the file name itself is kept as given.
        String path = absolute.getParent().toRealPath().resolve(absolute.getFileName()).toString();
        long mtime = Files.getLastModifiedTime(backing).to(TimeUnit.SECONDS) & 0xFFFF_FFFFL;
        CowHeader header = new CowHeader(CowVersion.V3, path, mtime, Files.size(backing), CowHeader.SECTOR_SIZE,
                CowHeader.ALIGNMENT);
        ByteBuffer bytes = CowHeaderCodec.encodeV3(header);
        boolean done = false;
        try (FileChannel ch = FileChannel.open(cow, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-r--r--")))) {
            writeFully(ch, bytes, 0);
            writeFully(ch, ByteBuffer.allocate(1), header.createdFileLength() - 1);
            ch.force(true);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(cow);
            }
        }
        return header;
    }

    static CowHeader readHeader(FileChannel ch, Path cow) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(CowHeaderCodec.MAX_HEADER_LENGTH);
        int n;
        do {
            n = ch.read(b, b.position());
        } while (n > 0 && b.hasRemaining());
        return CowHeaderCodec.decode(b.flip(), cow.toString());
    }

    /** uml_moo refuses a file whose bitmap is cut short; so do we, rather than read it as "unchanged". */
    static void requireWholeBitmap(FileChannel ch, CowHeader header, Path cow) throws IOException {
        long needed = header.bitmapOffset() + header.bitmapLength();
        if (ch.size() < needed) {
            throw new CowException(cow + " is truncated: its bitmap needs " + needed + " bytes, the file has "
                    + ch.size());
        }
    }

    static FileChannel open(Path cow) throws IOException {
        if (Files.isDirectory(cow)) {
            throw new CowException(cow + " is a directory, not a COW file");
        }
        try {
            return FileChannel.open(cow, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new CowException("No such COW file: " + cow, e);
        }
    }

    static void writeFully(FileChannel ch, ByteBuffer bytes, long position) throws IOException {
        long p = position;
        while (bytes.hasRemaining()) {
            p += ch.write(bytes, p);
        }
    }
}
