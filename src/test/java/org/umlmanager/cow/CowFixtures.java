package org.umlmanager.cow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Builds COW files and backing files for tests, byte by byte from the layouts in
 * docs/KERNEL.md §4 (deliberately not with the production codec, so that a mistake in one is
 * caught by the other), and writes "guest" sectors into them as the kernel's ubd driver does:
 * data at {@code data_offset + s * 512}, bit {@code s} set.
 */
public final class CowFixtures {

    public static final int SECTOR = 512;

    private CowFixtures() {
    }

    /** A backing file of {@code size} bytes: random data with runs of zeros and a hole, mtime fixed. */
    public static Path backing(Path file, long size, long seed) throws IOException {
        Random random = new Random(seed);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] chunk = new byte[64 * SECTOR];
            for (long p = 0; p < size; p += chunk.length) {
                int n = (int) Math.min(chunk.length, size - p);
                long block = p / chunk.length;
                if (block % 7 == 3) {
                    continue; // a hole
                }
                random.nextBytes(chunk);
                if (block % 5 == 1) {
                    java.util.Arrays.fill(chunk, 0, 16 * SECTOR, (byte) 0); // written zeros
                }
                ch.write(ByteBuffer.wrap(chunk, 0, n), p);
            }
            if (ch.size() < size) {
                ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
            }
        }
        Files.setLastModifiedTime(file, FileTime.from(1_600_000_000L + seed, TimeUnit.SECONDS));
        return file;
    }

    /** A v1 header in the host's (little-endian) order, bitmap and data offsets as v1 computes them. */
    static Path v1(Path cow, String backing, long mtime, long size) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(280).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x4F4F4F4D).putInt(1).put(pathField(backing, 256)).putInt((int) mtime).putLong(size).putInt(SECTOR);
        return writeHeader(cow, h, 280 + v12BitmapLength(size), size, SECTOR);
    }

    /** A v2 header (big-endian). */
    static Path v2(Path cow, String backing, long mtime, long size) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(4120).order(ByteOrder.BIG_ENDIAN);
        h.putInt(0x4F4F4F4D).putInt(2).put(pathField(backing, 4096)).putInt((int) mtime).putLong(size).putInt(SECTOR);
        return writeHeader(cow, h, 4120 + v12BitmapLength(size), size, SECTOR);
    }

    /** The unpacked v3 layout of old 64-bit binaries: the 32-bit swapped mtime in a 64-bit field. */
    static Path v3With64BitLayout(Path cow, String backing, long mtime, long size, int alignment) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(4136).order(ByteOrder.BIG_ENDIAN);
        h.putInt(0x4F4F4F4D).putInt(3).putInt((int) mtime).putInt(0).putLong(size).putInt(SECTOR).putInt(alignment)
                .putInt(0).put(pathField(backing, 4096));
        long bitmapEnd = roundUp(4136, alignment) + (size / SECTOR + 7) / 8;
        return writeHeader(cow, h, bitmapEnd, size, alignment);
    }

    static long v12BitmapLength(long size) {
        return (size + SECTOR - 1) / (8L * SECTOR);
    }

    /** Writes {@code data} (whole sectors) as guest sector {@code sector} onwards, setting their bits. */
    public static void writeSectors(Path cow, CowHeader header, long sector, byte[] data) throws IOException {
        try (FileChannel ch = FileChannel.open(cow, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(data), header.dataOffset() + sector * SECTOR);
            for (long s = sector; s < sector + data.length / SECTOR; s++) {
                ByteBuffer b = ByteBuffer.allocate(1);
                long at = header.bitmapOffset() + s / 8;
                ch.read(b, at);
                b.put(0, (byte) (b.get(0) | (1 << (s % 8))));
                ch.write(b.rewind(), at);
            }
        }
    }

    /**
     * Guest writes of every kind the merge rules treat differently: random runs (some crossing the
     * merge's 8 MiB chunks), zero sectors over zero and over non-zero backing data, and the last
     * sector when {@code touchLastSector}.
     */
    static void scribble(Path cow, long seed, boolean touchLastSector) throws IOException {
        CowHeader header = CowFiles.readHeader(cow);
        Random random = new Random(seed);
        long sectors = header.size() / SECTOR;
        for (int i = 0; i < 40; i++) {
            long start = (long) (random.nextDouble() * (sectors - 1));
            int count = (int) Math.min(1 + random.nextInt(600), sectors - 1 - start);
            byte[] data = new byte[count * SECTOR];
            random.nextBytes(data);
            if (i % 4 == 0) {
                java.util.Arrays.fill(data, 0, Math.min(data.length, 3 * SECTOR), (byte) 0);
            }
            writeSectors(cow, header, start, data);
        }
        long acrossChunk = 16384 - 5;
        if (acrossChunk + 10 < sectors) {
            byte[] data = new byte[10 * SECTOR];
            random.nextBytes(data);
            writeSectors(cow, header, acrossChunk, data);
        }
        // See backing(): 64-sector blocks 3 and 10 are holes, block 1 starts with 16 written zero sectors.
        writeSectors(cow, header, 3 * 64 + 5, new byte[4 * SECTOR]);
        writeSectors(cow, header, 64 + 2, new byte[2 * SECTOR]);
        byte[] intoHole = new byte[3 * SECTOR];
        random.nextBytes(intoHole);
        writeSectors(cow, header, 10 * 64 + 1, intoHole);
        writeSectors(cow, header, 0, new byte[SECTOR]);
        if (touchLastSector) {
            writeSectors(cow, header, sectors - 1, new byte[SECTOR]);
        }
    }

    private static Path writeHeader(Path cow, ByteBuffer header, long bitmapEnd, long size, int alignment)
            throws IOException {
        long dataOffset = roundUp(bitmapEnd, alignment);
        try (FileChannel ch = FileChannel.open(cow, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SPARSE))) {
            ch.write(header.flip(), 0);
            ch.write(ByteBuffer.allocate(1), dataOffset + size - 1);
        }
        return cow;
    }

    private static byte[] pathField(String path, int length) {
        byte[] field = new byte[length];
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, field, 0, bytes.length);
        return field;
    }

    private static long roundUp(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** The file's bytes. */
    static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    /** Runs a host tool; returns its exit status and combined output. */
    static ToolRun run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command + " did not finish");
        }
        return new ToolRun(p.exitValue(), out);
    }

    record ToolRun(int status, String output) {
    }
}
