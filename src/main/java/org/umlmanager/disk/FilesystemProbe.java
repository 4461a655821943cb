package org.umlmanager.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Recognises the filesystem on an image from its superblock, in pure Java (no blkid needed):
 * the ext family (told apart by feature flags the way blkid does), XFS and Btrfs.
 */
public final class FilesystemProbe {

    private static final int EXT_SUPERBLOCK = 1024;
    private static final int EXT_MAGIC = 0xEF53;
    private static final int EXT3_COMPAT_HAS_JOURNAL = 0x4;
    /** Incompatible features ext3 understands (filetype, recover, journal_dev, meta_bg); any other means ext4. */
    private static final int EXT3_INCOMPAT_KNOWN = 0x2 | 0x4 | 0x8 | 0x10;
    /** Read-only-compatible features ext3 understands (sparse_super, large_file, btree_dir). */
    private static final int EXT3_RO_COMPAT_KNOWN = 0x1 | 0x2 | 0x4;
    private static final long BTRFS_MAGIC_OFFSET = 0x10040;
    private static final int PROBE_LENGTH = (int) BTRFS_MAGIC_OFFSET + 8;

    private FilesystemProbe() {
    }

    /** {@code ext4}, {@code ext3}, {@code ext2}, {@code xfs} or {@code btrfs}; empty when none of those. */
    public static Optional<String> probe(Path image) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(PROBE_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
            int n;
            do {
                n = ch.read(b, b.position());
            } while (n > 0 && b.hasRemaining());
        }
        int length = b.position();
        if (length >= 4 && b.get(0) == 'X' && b.get(1) == 'F' && b.get(2) == 'S' && b.get(3) == 'B') {
            return Optional.of("xfs");
        }
        if (length >= PROBE_LENGTH && "_BHRfS_M".equals(ascii(b, (int) BTRFS_MAGIC_OFFSET, 8))) {
            return Optional.of("btrfs");
        }
        if (length >= EXT_SUPERBLOCK + 104 && (b.getShort(EXT_SUPERBLOCK + 56) & 0xFFFF) == EXT_MAGIC) {
            int compat = b.getInt(EXT_SUPERBLOCK + 92);
            int incompat = b.getInt(EXT_SUPERBLOCK + 96);
            int roCompat = b.getInt(EXT_SUPERBLOCK + 100);
            if ((incompat & ~EXT3_INCOMPAT_KNOWN) != 0 || (roCompat & ~EXT3_RO_COMPAT_KNOWN) != 0) {
                return Optional.of("ext4");
            }
            return Optional.of((compat & EXT3_COMPAT_HAS_JOURNAL) != 0 ? "ext3" : "ext2");
        }
        return Optional.empty();
    }

    private static String ascii(ByteBuffer b, int offset, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) (b.get(offset + i) & 0xFF));
        }
        return s.toString();
    }
}
