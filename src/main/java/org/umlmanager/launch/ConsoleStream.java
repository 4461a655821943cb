package org.umlmanager.launch;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A live connection to one line of a running guest, such as {@code con0}.
 *
 * <p>{@link #input()} yields the line's scrollback first (what the guest wrote before the stream
 * was opened, up to the supervisor's limit), then live output; it ends when the guest stops or the
 * stream is closed. If the reader falls far behind, the supervisor skips output and says so in the
 * stream rather than slowing the guest. {@link #output()} sends keystrokes to the guest.
 *
 * <p>Threading: one thread reads {@link #input()} (blocking); any thread may write, resize or
 * close. {@link #close()} ends the stream (a blocked read returns end of stream) and leaves the
 * guest running.
 */
public interface ConsoleStream extends AutoCloseable {

    /** The line's name: {@code con0}, {@code ssl0}, …. */
    String line();

    InputStream input();

    OutputStream output();

    /**
     * Tells the guest the terminal's size. Held back by the supervisor while the kernel boots (a size
     * change then can panic it) and applied once the guest is up; the last size wins.
     */
    void resize(int columns, int rows);

    @Override
    void close();
}
