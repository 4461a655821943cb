package org.umlmanager.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JediTermFX {@link TtyConnector} over any byte stream: a guest's console as the runtime hands
 * it out (a pty, a pts device, a socket). A thread of its own reads and decodes the stream (UTF-8)
 * into a backlog; the terminal's reader thread calls {@link #read}. Input typed into the terminal
 * goes to {@code output}.
 *
 * <p>Given the terminal's scrollback size, a burst of output that builds up a backlog is thinned
 * before it is parsed: plain lines that enough later lines would push past the screen and the
 * scrollback are skipped ({@link JumpScroll}); the terminal ends up showing exactly what it would
 * have shown, much sooner. The full history is in the console's log, not in the terminal.
 *
 * <p>Resizes are held back until {@link #releaseResizes()}: a window-size change in the first
 * moments of a UML boot can panic the kernel, so the owner releases them once the guest is up.
 * The last size seen meanwhile is sent on release.
 *
 * <p>When the stream ends, the reader first gets {@link #endedMarker()} so that the tab shows
 * that the console is over while keeping its scrollback, then end of file.
 */
public final class StreamTtyConnector implements TtyConnector {

    private static final Logger LOG = LoggerFactory.getLogger(StreamTtyConnector.class);
    private static final String ENDED = "\r\n\u001b[0;7m console ended \u001b[0m\r\n";
    /** Screen lines assumed for skipping until the terminal reports its size, and at least. */
    private static final int MIN_ROWS = 100;
    /** Backlog in characters (twice that in bytes); larger for long scrollbacks, so that skips stay possible. */
    private static final int MIN_BACKLOG = 1 << 20;

    private final String name;
    private final InputStream input;
    private final OutputStream output;
    private final ResizeHandler resizeHandler;
    private final int scrollbackLines;
    private final OutputBacklog backlog;
    private final AtomicBoolean pumping = new AtomicBoolean();
    private final AtomicBoolean resizesReleased = new AtomicBoolean();
    private final AtomicReference<TermSize> heldSize = new AtomicReference<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile int rows;
    private volatile String pendingMarker;
    private volatile boolean ended;

    /** A connector that hands the terminal everything, without skipping. */
    public StreamTtyConnector(String name, InputStream input, OutputStream output, ResizeHandler resizeHandler) {
        this(name, input, output, resizeHandler, 0);
    }

    /**
     * @param scrollbackLines the terminal's scrollback size ({@code getBufferMaxLinesCount}); bursts
     *                        of plain output are thinned to what it can show. 0 hands it everything.
     */
    public StreamTtyConnector(String name, InputStream input, OutputStream output, ResizeHandler resizeHandler,
                              int scrollbackLines) {
        this.name = Objects.requireNonNull(name, "name");
        this.input = Objects.requireNonNull(input, "input");
        this.output = Objects.requireNonNull(output, "output");
        this.resizeHandler = Objects.requireNonNull(resizeHandler, "resizeHandler");
        this.scrollbackLines = Math.max(0, scrollbackLines);
        this.backlog = new OutputBacklog(Math.max(MIN_BACKLOG, this.scrollbackLines * 256), this::keepLines);
    }

    /** The text shown in the terminal when the stream ends. */
    public static String endedMarker() {
        return ENDED;
    }

    @Override
    public int read(char[] buf, int offset, int length) throws IOException {
        String marker = pendingMarker;
        if (marker != null) {
            pendingMarker = null;
            int n = Math.min(length, marker.length());
            marker.getChars(0, n, buf, offset);
            if (n < marker.length()) {
                pendingMarker = marker.substring(n);
            }
            return n;
        }
        if (ended) {
            return -1;
        }
        startPump();
        int n;
        try {
            n = backlog.take(buf, offset, length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("console " + name + ": reading interrupted");
        }
        if (n < 0) {
            ended = true;
            // Output cut off inside an escape sequence would swallow the marker's first characters.
            pendingMarker = backlog.sequenceEnd() + ENDED;
            return read(buf, offset, length);
        }
        return n;
    }

    /** Characters of plain output skipped so far because the terminal could not have shown them. */
    public long skippedCharacters() {
        return backlog.skipped();
    }

    private int keepLines() {
        return scrollbackLines == 0 ? 0 : scrollbackLines + 2 * Math.max(rows, MIN_ROWS) + 16;
    }

    private void startPump() {
        if (pumping.compareAndSet(false, true)) {
            Thread pump = new Thread(this::pump, "console-" + name);
            pump.setDaemon(true);
            pump.start();
        }
    }

    /** Reads and decodes the stream into the backlog until it ends or the connector is closed. */
    private void pump() {
        Reader reader = new InputStreamReader(input, StandardCharsets.UTF_8);
        char[] chunk = new char[8 * 1024];
        try {
            int n;
            while ((n = reader.read(chunk)) >= 0) {
                backlog.append(chunk, 0, n);
            }
        } catch (IOException e) {
            if (closed.getCount() > 0) {
                LOG.warn("Console {} stopped: could not read its output: {}", name, e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            backlog.finish();
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (ended) {
            return;
        }
        output.write(bytes);
        output.flush();
    }

    @Override
    public void write(String string) throws IOException {
        write(string.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isConnected() {
        return closed.getCount() > 0;
    }

    /** Whether the guest's side has ended (the marker has been produced or is pending). */
    public boolean isEnded() {
        return ended;
    }

    @Override
    public void resize(TermSize size) {
        rows = size.getRows();
        if (resizesReleased.get()) {
            resizeHandler.resize(size.getColumns(), size.getRows());
        } else {
            heldSize.set(size);
            // The release may have happened between the check and the store.
            if (resizesReleased.get()) {
                sendHeld();
            }
        }
    }

    /** Lets resizes reach the guest from now on, sending the last size requested meanwhile. */
    public void releaseResizes() {
        if (resizesReleased.compareAndSet(false, true)) {
            sendHeld();
        }
    }

    private void sendHeld() {
        TermSize size = heldSize.getAndSet(null);
        if (size != null) {
            resizeHandler.resize(size.getColumns(), size.getRows());
        }
    }

    @Override
    public int waitFor() throws InterruptedException {
        closed.await();
        return 0;
    }

    @Override
    public boolean ready() throws IOException {
        if (pendingMarker != null) {
            return true;
        }
        startPump();
        return !ended && !backlog.isEmpty();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        backlog.discard();
        try {
            input.close();
        } catch (IOException ignored) {
            // closing is best effort: the stream may already be gone with the guest
        }
        try {
            output.close();
        } catch (IOException ignored) {
            // as above
        }
    }
}
