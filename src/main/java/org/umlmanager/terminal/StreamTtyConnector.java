package org.umlmanager.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JediTermFX {@link TtyConnector} over any byte stream: a guest's console as the runtime hands
 * it out (a pty, a pts device, a socket). The terminal's reader thread calls {@link #read}; input
 * typed into the terminal goes to {@code output}.
 *
 * <p>Resizes are held back until {@link #releaseResizes()}: a window-size change in the first
 * moments of a UML boot can panic the kernel, so the owner releases them once the guest is up.
 * The last size seen meanwhile is sent on release.
 *
 * <p>When the stream ends, the reader first gets {@link #endedMarker()} so that the tab shows
 * that the console is over while keeping its scrollback, then end of file.
 */
public final class StreamTtyConnector implements TtyConnector {

    private static final String ENDED = "\r\n\u001b[0;7m console ended \u001b[0m\r\n";

    private final String name;
    private final Reader reader;
    private final InputStream input;
    private final OutputStream output;
    private final ResizeHandler resizeHandler;
    private final Charset charset;
    private final AtomicBoolean resizesReleased = new AtomicBoolean();
    private final AtomicReference<TermSize> heldSize = new AtomicReference<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile String pendingMarker;
    private volatile boolean ended;

    public StreamTtyConnector(String name, InputStream input, OutputStream output, ResizeHandler resizeHandler) {
        this(name, input, output, resizeHandler, StandardCharsets.UTF_8);
    }

    public StreamTtyConnector(String name, InputStream input, OutputStream output, ResizeHandler resizeHandler,
                              Charset charset) {
        this.name = Objects.requireNonNull(name, "name");
        this.input = Objects.requireNonNull(input, "input");
        this.output = Objects.requireNonNull(output, "output");
        this.resizeHandler = Objects.requireNonNull(resizeHandler, "resizeHandler");
        this.charset = Objects.requireNonNull(charset, "charset");
        this.reader = new InputStreamReader(input, charset);
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
        int n;
        try {
            n = reader.read(buf, offset, length);
        } catch (IOException e) {
            if (closed.getCount() == 0) {
                n = -1;
            } else {
                throw e;
            }
        }
        if (n < 0) {
            ended = true;
            pendingMarker = ENDED;
            return read(buf, offset, length);
        }
        return n;
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
        write(string.getBytes(charset));
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
        return pendingMarker != null || (!ended && reader.ready());
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
