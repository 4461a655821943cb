package org.umlmanager.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a COW file still fits its backing file: the kernel refuses (and a COW root panics) when
 * the backing file's size or mtime differs from what the header recorded (uml-interfaces.md §4.3).
 * Reads the three header versions. Stateless.
 */
final class CowMatch {

    private static final int MAGIC = 0x4F4F4F4D;
    private static final int HEADER_BYTES = 4128;

    private CowMatch() {
    }

    /** Why {@code cow} no longer fits {@code backing}; empty when it fits or {@code cow} is not a COW file. */
    static Optional<String> mismatch(Path cow, Path backing) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        try (FileChannel ch = FileChannel.open(cow)) {
            while (header.hasRemaining() && ch.read(header) > 0) {
                // read what there is
            }
        }
        header.flip();
        if (header.remaining() < 8) {
            return Optional.empty();
        }
        ByteOrder order = header.order(ByteOrder.BIG_ENDIAN).getInt(0) == MAGIC ? ByteOrder.BIG_ENDIAN
                : header.order(ByteOrder.LITTLE_ENDIAN).getInt(0) == MAGIC ? ByteOrder.LITTLE_ENDIAN : null;
        if (order == null) {
            return Optional.empty();
        }
        header.order(order);
        int version = header.getInt(4);
        long mtime;
        long size;
        switch (version) {
            case 1 -> {
                mtime = Integer.toUnsignedLong(header.getInt(264));
                size = header.getLong(268);
            }
            case 2 -> {
                mtime = Integer.toUnsignedLong(header.getInt(4104));
                size = header.getLong(4108);
            }
            case 3 -> {
                mtime = Integer.toUnsignedLong(header.getInt(8));
                size = header.getLong(12);
            }
            default -> {
                return Optional.of("its COW header has an unknown version " + version);
            }
        }
        long actualSize = Files.size(backing);
        long actualMtime = Files.getLastModifiedTime(backing).toMillis() / 1000 & 0xFFFFFFFFL;
        if (actualSize != size) {
            return Optional.of("its header records a backing file of " + size + " bytes, but " + backing + " has "
                    + actualSize);
        }
        if (actualMtime != mtime) {
            return Optional.of("its header records the backing file's modification time " + mtime + ", but "
                    + backing + " was modified at " + actualMtime + " (the kernel would refuse the disk)");
        }
        return Optional.empty();
    }
}
