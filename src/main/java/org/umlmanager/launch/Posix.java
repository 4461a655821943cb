package org.umlmanager.launch;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.umlmanager.host.ProcStat;

/**
 * The few POSIX calls the JDK does not offer: signals to process groups, reaping of orphans
 * adopted as a child subreaper, and raw access to pts devices. Linux only (UML is Linux only).
 *
 * <p>Thread-safe: every method is a plain system call. Failures return the C result and leave
 * {@code errno} in {@link Native#getLastError()}.
 */
public final class Posix {

    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;

    static final int O_RDWR = 2;
    static final int O_NOCTTY = 0x100;
    static final int O_CLOEXEC = 0x80000;
    static final int TCSANOW = 0;
    static final int WNOHANG = 1;
    static final int TIOCSWINSZ = 0x5414;
    static final int PR_SET_CHILD_SUBREAPER = 36;
    static final int ESRCH = 3;
    static final int EINTR = 4;

    /** libc as JNA sees it; the termios and winsize structs travel as byte arrays. */
    interface LibC extends Library {
        int kill(int pid, int signal);

        int waitpid(int pid, int[] status, int options);

        int prctl(int option, long arg2, long arg3, long arg4, long arg5);

        int open(String path, int flags);

        int read(int fd, byte[] buffer, long count);

        int write(int fd, byte[] buffer, long count);

        int close(int fd);

        int tcgetattr(int fd, byte[] termios);

        int tcsetattr(int fd, int when, byte[] termios);

        void cfmakeraw(byte[] termios);

        int ioctl(int fd, long request, byte[] argument);
    }

    private static final class Holder {
        static final LibC C = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
    }

    private Posix() {
    }

    static LibC libc() {
        return Holder.C;
    }

    /** Sends {@code signal} to {@code pid}; true if delivered, false if no such process (or not allowed). */
    public static boolean kill(long pid, int signal) {
        return libc().kill((int) pid, signal) == 0;
    }

    /** Sends {@code signal} to every process of group {@code pgid}; true if at least one got it. */
    public static boolean killGroup(long pgid, int signal) {
        return pgid > 1 && libc().kill((int) -pgid, signal) == 0;
    }

    /** Whether any process of group {@code pgid} still exists (signal 0 probes without sending). */
    public static boolean groupExists(long pgid) {
        return pgid > 1 && libc().kill((int) -pgid, 0) == 0;
    }

    /**
     * Makes this process adopt orphaned descendants, so that helpers of a killed UML are
     * reparented here (and reaped by {@link #reap(long)}) instead of to an init that may not reap.
     */
    public static boolean becomeSubreaper() {
        return libc().prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0;
    }

    /**
     * Whether {@code pid} is a live process: it exists and has not ended (a zombie waiting for its
     * parent has ended). Reads {@code /proc}, so it works for any process, child or not.
     */
    public static boolean alive(long pid) {
        return ProcStat.alive(pid);
    }

    /** Collects the exit status of child {@code pid} if it has ended; true if it was reaped. */
    public static boolean reap(long pid) {
        return libc().waitpid((int) pid, new int[1], WNOHANG) == (int) pid;
    }
}
