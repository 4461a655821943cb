package org.umlmanager.cow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.job.Cancellation;

/**
 * Moves the sectors of a merge with the same result as uml_moo, sector for sector, but in large
 * positioned reads and writes: the bitmap is walked a word at a time, runs of equal bits become
 * one read each, and runs of non-zero sectors one write each. uml_moo's rules are kept exactly:
 * only {@code size / sectorSize} whole sectors are merged; into a new file, all-zero sectors are
 * skipped (left as holes) except the last, which sets the file's length; in place, a changed
 * sector that is all zeros is skipped when the backing file already has zeros there. Not
 * thread-safe: one engine per merge.
 */
final class MergeEngine {

    /** 8 MiB: large enough that per-call costs vanish, small enough to stay in cache-friendly territory. */
    static final int CHUNK_BYTES = 8 << 20;

    private final CowHeader header;
    private final FileChannel cow;
    private final FileChannel backing;
    private final CowBitmap bitmap;
    private final int sectorSize;
    private final int chunkSectors;
    private final long sectors;
    private final ByteBuffer data;
    private final ByteBuffer zeros;
    private final ByteBuffer zeroSector;
    private ByteBuffer backingData;

    MergeEngine(CowHeader header, FileChannel cow, FileChannel backing) {
        this.header = header;
        this.cow = cow;
        this.backing = backing;
        this.bitmap = new CowBitmap(cow, header);
        this.sectorSize = header.sectorSize();
        this.chunkSectors = Math.max(1, CHUNK_BYTES / sectorSize);
        this.sectors = header.size() / sectorSize;
        this.data = ByteBuffer.allocateDirect(chunkSectors * sectorSize);
        this.zeros = ByteBuffer.allocateDirect(chunkSectors * sectorSize);
        this.zeroSector = zeros.slice(0, sectorSize);
    }

    /** Sectors a merge writes at most: the whole ones. */
    long sectors() {
        return sectors;
    }

    /**
     * Writes the merged disk into {@code out} (empty, at its start).
     *
     * @return the number of bytes written
     */
    long copyAll(FileChannel out, ProgressListener listener, Cancellation cancellation) throws IOException {
        long written = 0;
        long total = sectors * sectorSize;
        for (long first = 0; first < sectors; first += chunkSectors) {
            cancellation.check("The merge");
            int n = (int) Math.min(chunkSectors, sectors - first);
            long end = first + n;
            for (long s = first; s < end; ) {
                boolean set = bitmap.isSet(s);
                long runEnd = bitmap.next(s, end, !set);
                readFully(set ? cow : backing, data, (int) (s - first) * sectorSize, (runEnd - s) * sectorSize,
                        set ? header.dataOffset() + s * sectorSize : s * sectorSize, set);
                s = runEnd;
            }
            written += writeNonZero(out, first, n, end == sectors);
            listener.progress((double) (end * sectorSize) / total);
        }
        return written;
    }

    /**
     * Writes the changed sectors into the backing file. Cancellation is honoured only before the
     * first write: a half-merged backing file would fit neither the old COW files nor the new state.
     *
     * @return the number of bytes written
     */
    long applyToBacking(long changedSectors, ProgressListener listener, Cancellation cancellation) throws IOException {
        cancellation.check("The merge");
        long written = 0;
        long done = 0;
        for (long s = bitmap.next(0, sectors, true); s < sectors; ) {
            long runEnd = bitmap.next(s, sectors, false);
            for (long first = s; first < runEnd; first += chunkSectors) {
                int n = (int) Math.min(chunkSectors, runEnd - first);
                readFully(cow, data, 0, (long) n * sectorSize, header.dataOffset() + first * sectorSize, true);
                written += writeChanged(first, n);
                done += n;
                listener.progress((double) done / changedSectors);
            }
            s = bitmap.next(runEnd, sectors, true);
        }
        return written;
    }

    /** Writes the non-zero sectors of {@code data[0, n)}, and the disk's last sector in any case. */
    private long writeNonZero(FileChannel out, long first, int n, boolean holdsLastSector) throws IOException {
        long written = 0;
        int i = 0;
        while (i < n) {
            int start = firstNonZero(i, n);
            if (start == n) {
                break;
            }
            int stop = start + 1;
            while (stop < n && !isZero(stop)) {
                stop++;
            }
            written += write(out, start, stop, first);
            i = stop;
        }
        if (holdsLastSector && isZero(n - 1)) {
            written += write(out, n - 1, n, first);
        }
        return written;
    }

    /** Writes {@code data[0, n)} to the backing file except zero sectors the backing file has as zeros too. */
    private long writeChanged(long first, int n) throws IOException {
        long written = 0;
        boolean backingLoaded = false;
        int runStart = -1;
        for (int k = 0; k < n; k++) {
            boolean skip = false;
            if (first + k != sectors - 1 && isZero(k)) {
                if (!backingLoaded) {
                    if (backingData == null) {
                        backingData = ByteBuffer.allocateDirect(data.capacity());
                    }
                    readFully(backing, backingData, 0, (long) n * sectorSize, first * sectorSize, false);
                    backingLoaded = true;
                }
                skip = backingData.slice(k * sectorSize, sectorSize).mismatch(zeroSector) == -1;
            }
            if (skip && runStart >= 0) {
                written += write(backing, runStart, k, first);
                runStart = -1;
            } else if (!skip && runStart < 0) {
                runStart = k;
            }
        }
        if (runStart >= 0) {
            written += write(backing, runStart, n, first);
        }
        return written;
    }

    /** The first sector in {@code [from, to)} of {@code data} holding a non-zero byte, or {@code to}. */
    private int firstNonZero(int from, int to) {
        int length = (to - from) * sectorSize;
        int at = data.slice(from * sectorSize, length).mismatch(zeros.slice(0, length));
        return at < 0 ? to : from + at / sectorSize;
    }

    private boolean isZero(int sector) {
        int at = sector * sectorSize;
        // Data sectors almost always have a non-zero byte among their first eight.
        if (sectorSize >= Long.BYTES && data.getLong(at) != 0) {
            return false;
        }
        return data.slice(at, sectorSize).mismatch(zeroSector) == -1;
    }

    private long write(FileChannel out, int from, int to, long first) throws IOException {
        ByteBuffer run = data.slice(from * sectorSize, (to - from) * sectorSize);
        long position = (first + from) * sectorSize;
        while (run.hasRemaining()) {
            position += out.write(run, position);
        }
        return (long) (to - from) * sectorSize;
    }

    private void readFully(FileChannel in, ByteBuffer into, int offset, long length, long position, boolean fromCow)
            throws IOException {
        ByteBuffer target = into.slice(offset, (int) length);
        long p = position;
        while (target.hasRemaining()) {
            int n = in.read(target, p);
            if (n < 0) {
                throw new CowException(fromCow
                        ? "The COW file is truncated: it ends at byte " + p + " but holds data up to byte "
                                + (position + length)
                        : "The backing file ended at byte " + p + ", before the " + header.size()
                                + " bytes its COW header records");
            }
            p += n;
        }
    }
}
