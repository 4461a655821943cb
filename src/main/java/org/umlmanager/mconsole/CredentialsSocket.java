package org.umlmanager.mconsole;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A bound AF_UNIX datagram socket that learns, for every datagram, who sent it: the kernel's
 * {@code SCM_CREDENTIALS} (with {@code SO_PASSCRED} on). junixsocket 2.11 receives file
 * descriptors as ancillary data but not credentials (its {@code getPeerCredentials} is
 * {@code SO_PEERCRED}, which a datagram socket bound for many senders does not have), so this
 * one socket uses the C library through JNA. Linux only, like UML.
 *
 * <p>One thread receives; {@link #shutdown()} from any thread wakes it (the receive then returns
 * empty), and the receiving thread closes the socket afterwards, so its descriptor is never
 * closed under a blocked receive or reused while one may still run.
 */
final class CredentialsSocket {

    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_PASSCRED = 16;
    private static final int SCM_CREDENTIALS = 2;
    private static final int SHUT_RDWR = 2;
    private static final int EINTR = 4;
    private static final int SUN_PATH = 108;
    private static final int CONTROL_BYTES = 128;

    /** libc, as much of it as a credentials-passing datagram socket needs. */
    interface LibC extends Library {
        int socket(int domain, int type, int protocol);

        int bind(int fd, byte[] address, int length);

        int setsockopt(int fd, int level, int name, int[] value, int length);

        NativeLong recvmsg(int fd, Pointer message, int flags);

        int shutdown(int fd, int how);

        int close(int fd);

        String strerror(int errno);
    }

    private static final class Holder {
        static final LibC C = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
    }

    /** One received datagram and who sent it (empty if the kernel attached no credentials). */
    record Datagram(ByteBuffer data, Optional<PeerCredentials> sender) {
    }

    private final int fd;
    private final Memory data;
    private final Memory control = new Memory(CONTROL_BYTES);
    private final Memory iovec;
    private final Memory message;
    private final Layout layout = new Layout();

    private CredentialsSocket(int fd, int maxDatagram) {
        this.fd = fd;
        this.data = new Memory(maxDatagram);
        this.iovec = new Memory(Native.POINTER_SIZE + Native.SIZE_T_SIZE);
        this.message = new Memory(layout.size);
    }

    /** Binds a new socket at {@code path} with credentials passing on. */
    static CredentialsSocket bind(Path path, int maxDatagram) throws IOException {
        LibC c = Holder.C;
        int fd = c.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw failure("socket", Native.getLastError());
        }
        try {
            if (c.setsockopt(fd, SOL_SOCKET, SO_PASSCRED, new int[] {1}, 4) != 0) {
                throw failure("setsockopt(SO_PASSCRED)", Native.getLastError());
            }
            byte[] address = address(path);
            if (c.bind(fd, address, address.length) != 0) {
                throw failure("bind " + path, Native.getLastError());
            }
            return new CredentialsSocket(fd, maxDatagram);
        } catch (IOException | RuntimeException e) {
            c.close(fd);
            throw e;
        }
    }

    private static byte[] address(Path path) {
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        if (name.length >= SUN_PATH) {
            throw new IllegalArgumentException("socket path is " + name.length + " bytes; at most " + (SUN_PATH - 1));
        }
        ByteBuffer b = ByteBuffer.allocate(2 + name.length + 1).order(ByteOrder.nativeOrder());
        b.putShort((short) AF_UNIX).put(name).put((byte) 0);
        return b.array();
    }

    /**
     * Waits for the next datagram.
     *
     * @return empty once {@link #shutdown()} was called
     */
    Optional<Datagram> receive() throws IOException {
        LibC c = Holder.C;
        while (true) {
            iovec.setPointer(0, data);
            setSize(iovec, Native.POINTER_SIZE, data.size());
            message.clear();
            message.setPointer(layout.iov, iovec);
            setSize(message, layout.iovlen, 1);
            message.setPointer(layout.control, control);
            setSize(message, layout.controllen, CONTROL_BYTES);
            long n = c.recvmsg(fd, message, 0).longValue();
            if (n < 0) {
                int errno = Native.getLastError();
                if (errno == EINTR) {
                    continue;
                }
                throw failure("recvmsg", errno);
            }
            if (n == 0 && layout.controlLength(message) == 0) {
                // A shut-down socket reads as empty; a real empty datagram would still carry credentials.
                return Optional.empty();
            }
            ByteBuffer bytes = ByteBuffer.wrap(data.getByteArray(0, (int) n));
            return Optional.of(new Datagram(bytes, credentials(layout.controlLength(message))));
        }
    }

    private Optional<PeerCredentials> credentials(long controlLength) {
        int header = align(Native.SIZE_T_SIZE + 8);
        long offset = 0;
        while (offset + header <= controlLength) {
            long length = getSize(control, offset);
            int level = control.getInt(offset + Native.SIZE_T_SIZE);
            int type = control.getInt(offset + Native.SIZE_T_SIZE + 4);
            if (length < header) {
                break;
            }
            if (level == SOL_SOCKET && type == SCM_CREDENTIALS && length >= header + 12) {
                long base = offset + header;
                return Optional.of(new PeerCredentials(control.getInt(base), Integer.toUnsignedLong(
                        control.getInt(base + 4)), Integer.toUnsignedLong(control.getInt(base + 8))));
            }
            offset += align(length);
        }
        return Optional.empty();
    }

    /** Wakes a blocked {@link #receive()}, which then returns empty. */
    void shutdown() {
        Holder.C.shutdown(fd, SHUT_RDWR);
    }

    /** Closes the descriptor; only after the receiving thread is done with it. */
    void close() {
        Holder.C.close(fd);
    }

    private static int align(long length) {
        int unit = Native.SIZE_T_SIZE;
        return (int) ((length + unit - 1) / unit * unit);
    }

    private static void setSize(Pointer p, long offset, long value) {
        if (Native.SIZE_T_SIZE == 8) {
            p.setLong(offset, value);
        } else {
            p.setInt(offset, (int) value);
        }
    }

    private static long getSize(Pointer p, long offset) {
        return Native.SIZE_T_SIZE == 8 ? p.getLong(offset) : Integer.toUnsignedLong(p.getInt(offset));
    }

    private static IOException failure(String call, int errno) {
        return new IOException(call + " failed: " + Holder.C.strerror(errno) + " (errno " + errno + ")");
    }

    /** Field offsets of {@code struct msghdr} for this platform's pointer and size_t widths. */
    private static final class Layout {
        final int iov;
        final int iovlen;
        final int control;
        final int controllen;
        final int size;

        Layout() {
            int p = Native.POINTER_SIZE;
            int s = Native.SIZE_T_SIZE;
            int namelen = p;
            iov = roundUp(namelen + 4, p);
            iovlen = iov + p;
            control = roundUp(iovlen + s, p);
            controllen = control + p;
            int flags = roundUp(controllen + s, 4);
            size = roundUp(flags + 4, Math.max(p, s));
        }

        long controlLength(Pointer message) {
            return getSize(message, controllen);
        }

        private static int roundUp(int value, int unit) {
            return (value + unit - 1) / unit * unit;
        }
    }
}
