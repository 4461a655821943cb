package org.umlmanager.cow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * The COW bitmap, read in 1 MiB blocks (8 Mi sectors each) as it is walked, and answered a
 * 64-bit word at a time. Sector s is bit {@code s % 8} of byte {@code s / 8}, least significant
 * first, which is exactly bit {@code s % 64} of the little-endian word {@code s / 64}. Bits the
 * file does not have (past its bitmap, or past its end) read as clear. Not thread-safe.
 */
final class CowBitmap {

    private static final int BLOCK_BYTES = 1 << 20;
    private static final long BLOCK_BITS = BLOCK_BYTES * 8L;

    private final FileChannel channel;
    private final long offset;
    private final long length;
    private final long[] words = new long[BLOCK_BYTES / Long.BYTES];
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BLOCK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long loadedBlock = -1;

    CowBitmap(FileChannel cowFile, CowHeader header) {
        this.channel = cowFile;
        this.offset = header.bitmapOffset();
        this.length = header.bitmapLength();
    }

    boolean isSet(long sector) throws IOException {
        load(sector / BLOCK_BITS);
        int bit = (int) (sector % BLOCK_BITS);
        return (words[bit >>> 6] & (1L << bit)) != 0;
    }

    /** The first sector in {@code [from, to)} whose bit is {@code set}, or {@code to} if none. */
    long next(long from, long to, boolean set) throws IOException {
        long s = from;
        while (s < to) {
            long block = s / BLOCK_BITS;
            load(block);
            long blockEnd = Math.min(to, (block + 1) * BLOCK_BITS);
            int bit = (int) (s % BLOCK_BITS);
            int endBit = (int) (blockEnd - block * BLOCK_BITS);
            int w = bit >>> 6;
            long word = (set ? words[w] : ~words[w]) & (-1L << bit);
            while (true) {
                if (word != 0) {
                    long found = block * BLOCK_BITS + ((long) w << 6) + Long.numberOfTrailingZeros(word);
                    return Math.min(found, to);
                }
                w++;
                if ((long) w << 6 >= endBit) {
                    break;
                }
                word = set ? words[w] : ~words[w];
            }
            s = blockEnd;
        }
        return to;
    }

    /** How many of the sectors {@code [0, sectors)} are set. */
    long count(long sectors) throws IOException {
        long total = 0;
        for (long block = 0; block * BLOCK_BITS < sectors; block++) {
            load(block);
            long bits = Math.min(BLOCK_BITS, sectors - block * BLOCK_BITS);
            int full = (int) (bits >>> 6);
            for (int w = 0; w < full; w++) {
                total += Long.bitCount(words[w]);
            }
            int rest = (int) (bits & 63);
            if (rest != 0) {
                total += Long.bitCount(words[full] & ((1L << rest) - 1));
            }
        }
        return total;
    }

    private void load(long block) throws IOException {
        if (block == loadedBlock) {
            return;
        }
        long start = block * BLOCK_BYTES;
        int want = (int) Math.max(0, Math.min(BLOCK_BYTES, length - start));
        buffer.clear().limit(want);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + start + buffer.position()) < 0) {
                break;
            }
        }
        int got = buffer.position();
        buffer.flip();
        int fullWords = got / Long.BYTES;
        buffer.asLongBuffer().get(words, 0, fullWords);
        // What was not read (past the bitmap or the end of the file) reads as clear.
        Arrays.fill(words, fullWords, words.length, 0L);
        for (int i = fullWords * Long.BYTES; i < got; i++) {
            words[fullWords] |= (buffer.get(i) & 0xFFL) << (8 * (i - fullWords * Long.BYTES));
        }
        loadedBlock = block;
    }
}
