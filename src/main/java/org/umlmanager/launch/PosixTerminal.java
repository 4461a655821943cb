package org.umlmanager.launch;

import com.sun.jna.Native;
import java.io.IOException;

/**
 * Terminal devices through libc: open a pts slave in raw mode, read and write it, set its
 * window size. The JDK cannot set termios or reach a stream's file descriptor, so this goes
 * through JNA. Thread-safe; one reader thread per descriptor.
 */
public final class PosixTerminal {

    /** sizeof(struct termios) is 60 on Linux; the spare bytes are harmless. */
    private static final int TERMIOS_BYTES = 64;

    private PosixTerminal() {
    }

    /** Opens {@code path} read-write, not as controlling terminal, and switches it to raw mode. */
    public static int openRaw(String path) throws IOException {
        int fd = Posix.libc().open(path, Posix.O_RDWR | Posix.O_NOCTTY | Posix.O_CLOEXEC);
        if (fd < 0) {
            throw new IOException("cannot open " + path + " (errno " + Native.getLastError() + ")");
        }
        byte[] termios = new byte[TERMIOS_BYTES];
        if (Posix.libc().tcgetattr(fd, termios) == 0) {
            Posix.libc().cfmakeraw(termios);
            Posix.libc().tcsetattr(fd, Posix.TCSANOW, termios);
        }
        return fd;
    }

    /** Blocking read; the count, or -1 at end of line or on an error (EIO when the master closed). */
    public static int read(int fd, byte[] buffer) {
        while (true) {
            int n = Posix.libc().read(fd, buffer, buffer.length);
            if (n > 0) {
                return n;
            }
            if (n < 0 && Native.getLastError() == Posix.EINTR) {
                continue;
            }
            return -1;
        }
    }

    public static void writeFully(int fd, byte[] bytes, int offset, int length, String what) throws IOException {
        byte[] chunk = offset == 0 && length == bytes.length ? bytes : java.util.Arrays.copyOfRange(bytes, offset,
                offset + length);
        int done = 0;
        while (done < chunk.length) {
            byte[] rest = done == 0 ? chunk : java.util.Arrays.copyOfRange(chunk, done, chunk.length);
            int n = Posix.libc().write(fd, rest, rest.length);
            if (n < 0) {
                if (Native.getLastError() == Posix.EINTR) {
                    continue;
                }
                throw new IOException("cannot write to " + what + " (errno " + Native.getLastError() + ")");
            }
            done += n;
        }
    }

    /** Sets the window size from a {@code struct winsize} (rows, columns, 2 unused shorts). */
    public static void setWindowSize(int fd, byte[] winsize) {
        Posix.libc().ioctl(fd, Posix.TIOCSWINSZ, winsize);
    }

    public static void close(int fd) {
        Posix.libc().close(fd);
    }
}
