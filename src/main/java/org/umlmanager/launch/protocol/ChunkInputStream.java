package org.umlmanager.launch.protocol;

import java.io.InterruptedIOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An input stream fed with chunks by another thread. Bounded: a producer waits while the reader
 * is {@link #CHUNKS} chunks behind, which pushes back on the supervisor connection (the supervisor then
 * skips output for this client instead of slowing the guest). After {@link #end()} the reader
 * gets what was fed, then end of stream.
 */
public final class ChunkInputStream extends InputStream {

    static final int CHUNKS = 256;
    private static final long POLL_MILLIS = 50;

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private byte[] current = new byte[0];
    private int position;
    private volatile boolean ended;

    /** Adds a chunk, waiting while the queue is full; dropped once the stream has ended. */
    public void feed(byte[] chunk) throws InterruptedException {
        while (!ended && chunk.length > 0) {
            if (chunks.offer(chunk, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    /** No more chunks will come. Never blocks. */
    public void end() {
        ended = true;
    }

    @Override
    public int read() throws InterruptedIOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws InterruptedIOException {
        if (len == 0) {
            return 0;
        }
        while (position >= current.length) {
            try {
                byte[] next = chunks.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (next != null) {
                    current = next;
                    position = 0;
                } else if (ended && chunks.isEmpty()) {
                    return -1;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for console output");
            }
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return current.length - position;
    }
}
