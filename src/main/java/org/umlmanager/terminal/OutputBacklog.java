package org.umlmanager.terminal;

import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * Decoded console output waiting for the terminal's parser: one thread appends what arrives, the
 * terminal's reader thread takes it. When a burst builds up a backlog, {@link JumpScroll} drops the
 * part that could never be shown before it is parsed. The queue holds up to {@code capacity}
 * characters (the appender then waits); its array grows with the backlog and shrinks once drained.
 */
final class OutputBacklog {

    private static final int INITIAL = 8 * 1024;

    private final int capacity;
    private final IntSupplier keepLines;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final SequenceTracker handedOut = new SequenceTracker();
    private char[] buf = new char[INITIAL];
    private int head;
    private int tail;
    private boolean finished;
    private long appended;
    private long retryAt;
    private long skipped;

    /**
     * @param keepLines whole lines to keep after a skip (the terminal's scrollback plus two screens);
     *                  0 or less never skips
     */
    OutputBacklog(int capacity, IntSupplier keepLines) {
        this.capacity = capacity;
        this.keepLines = keepLines;
    }

    /** Queues {@code text[off, off + len)}, waiting for room; dropped once {@link #finish()} was called. */
    void append(char[] text, int off, int len) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (len > 0) {
                while (tail - head >= capacity && !finished) {
                    notFull.await();
                }
                if (finished) {
                    return;
                }
                int n = Math.min(len, capacity - (tail - head));
                makeRoom(n);
                System.arraycopy(text, off, buf, tail, n);
                tail += n;
                off += n;
                len -= n;
                appended += n;
                notEmpty.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** No more output: what is queued can still be taken, then {@link #take} returns -1. */
    void finish() {
        lock.lock();
        try {
            finished = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the backlog now, dropping what is queued. */
    void discard() {
        lock.lock();
        try {
            head = 0;
            tail = 0;
            finished = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes up to {@code len} characters, waiting for some; -1 once finished and drained. A chunk
     * ends after a line feed when it can, so that the next one may start with a skip.
     */
    int take(char[] dst, int off, int len) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (head == tail && !finished) {
                notEmpty.await();
            }
            if (head == tail) {
                return -1;
            }
            skipIfWorthIt();
            int n = Math.min(len, tail - head);
            if (n < tail - head) {
                for (int i = head + n - 1; i > head; i--) {
                    if (buf[i] == '\n') {
                        n = i + 1 - head;
                        break;
                    }
                }
            }
            System.arraycopy(buf, head, dst, off, n);
            handedOut.accept(buf, head, head + n);
            head += n;
            if (head == tail) {
                head = 0;
                tail = 0;
                if (buf.length > 4 * INITIAL) {
                    buf = new char[INITIAL];
                }
            }
            notFull.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return tail - head;
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return head == tail;
        } finally {
            lock.unlock();
        }
    }

    /** What ends a sequence left unfinished by the output taken so far (see {@link SequenceTracker#sequenceEnd()}). */
    String sequenceEnd() {
        lock.lock();
        try {
            return handedOut.sequenceEnd();
        } finally {
            lock.unlock();
        }
    }

    /** Characters dropped by skips so far. */
    long skipped() {
        lock.lock();
        try {
            return skipped;
        } finally {
            lock.unlock();
        }
    }

    /** Scans for a skip once the backlog is large, and again only after much more has arrived. */
    private void skipIfWorthIt() {
        int keep = keepLines.getAsInt();
        if (keep <= 0 || tail - head < capacity / 4 || appended < retryAt || !handedOut.safeToSkip()) {
            return;
        }
        Optional<JumpScroll.Skip> skip = JumpScroll.find(buf, head, tail, keep);
        if (skip.isEmpty()) {
            retryAt = appended + capacity / 8;
            return;
        }
        String replacement = skip.get().replacement();
        int start = skip.get().end() - replacement.length();
        replacement.getChars(0, replacement.length(), buf, start);
        skipped += start - head;
        head = start;
    }

    /**
     * Room for {@code n} more at the tail. The array may grow to twice the capacity so that moving
     * the queue to the front happens only after at least as much was taken as is moved.
     */
    private void makeRoom(int n) {
        if (buf.length - tail >= n) {
            return;
        }
        int size = tail - head;
        int needed = size + n;
        char[] target = buf.length >= 2 * needed ? buf
                : new char[Math.min(2 * capacity, Math.max(2 * needed, 2 * buf.length))];
        System.arraycopy(buf, head, target, 0, size);
        buf = target;
        head = 0;
        tail = size;
    }
}
