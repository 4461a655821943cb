package org.umlmanager.cow;

import java.util.Objects;

/**
 * A decoded COW header and the file layout it implies ({@code cow_user.c}'s {@code cow_sizes}).
 *
 * @param version     the layout it was read from
 * @param backingFile the backing file's path as stored (absolute for files the kernel made)
 * @param mtime       the backing file's modification time in seconds when the COW file was made
 *                    (32 bits, unsigned)
 * @param size        the backing file's size in bytes then
 * @param sectorSize  bytes per sector, 512 in practice
 * @param alignment   alignment of bitmap and data; for v1/v2 the sector size
 */
public record CowHeader(CowVersion version, String backingFile, long mtime, long size, int sectorSize,
                        int alignment) {

    /** The sector size the kernel writes. */
    public static final int SECTOR_SIZE = 512;
    /** The alignment the kernel writes: its page size. */
    public static final int ALIGNMENT = 4096;

    public CowHeader {
        Objects.requireNonNull(version);
        Objects.requireNonNull(backingFile);
        if (sectorSize <= 0 || alignment <= 0 || size < 0 || mtime < 0 || mtime > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("impossible COW header values: sector size " + sectorSize
                    + ", alignment " + alignment + ", size " + size + ", mtime " + mtime);
        }
    }

    /** Where the bitmap starts. */
    public long bitmapOffset() {
        return version == CowVersion.V1 || version == CowVersion.V2 ? version.headerLength()
                : roundUp(version.headerLength(), alignment);
    }

    /**
     * The bitmap's length in bytes. Before v3 it was computed with a rounding bug that drops the
     * last bits when the sector count is not a multiple of 8; those sectors read as unchanged.
     */
    public long bitmapLength() {
        if (version == CowVersion.V1 || version == CowVersion.V2) {
            return (size + sectorSize - 1) / (8L * sectorSize);
        }
        return (sectorCount() + 7) / 8;
    }

    /** Where sector 0's data starts; sector s lives at {@code dataOffset() + s * sectorSize}. */
    public long dataOffset() {
        long end = bitmapOffset() + bitmapLength();
        return version == CowVersion.V1 || version == CowVersion.V2 ? roundUp(end, sectorSize) : roundUp(end, alignment);
    }

    /** Sectors the disk has (a partial last sector counts). */
    public long sectorCount() {
        return (size + sectorSize - 1) / sectorSize;
    }

    /** Sectors the bitmap can describe; fewer than {@link #sectorCount()} only for v1/v2 files. */
    public long mappedSectorLimit() {
        return Math.min(sectorCount(), bitmapLength() * 8);
    }

    /** The length of a freshly made COW file: its last byte is written to set the size. */
    public long createdFileLength() {
        return dataOffset() + size;
    }

    private static long roundUp(long value, long multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
