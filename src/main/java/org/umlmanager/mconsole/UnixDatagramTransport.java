package org.umlmanager.mconsole;

import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.ConnectionRefusedSocketException;

/**
 * The real transport: an AF_UNIX datagram socket bound to a fresh abstract name (nothing on disk
 * to clean up; the name vanishes on close) and connected to the instance's socket. Connecting
 * makes the host kernel drop datagrams from anyone but the instance, and reports a missing or
 * dead socket at once. A guest that reboots re-creates its socket, so a transport connected to the
 * old one gets "refused"; the client then opens a new transport.
 *
 * <p>The host kernel refuses a datagram only once no process holds the peer socket at all. A
 * halted kernel's socket can outlive the file it was bound to for a moment, in a helper process
 * of the dying guest that still has it open, and would swallow requests until it is gone. So
 * each send first checks that the path still names the socket this transport connected to.
 */
final class UnixDatagramTransport implements MconsoleTransport {

    /**
     * Length of our abstract name including its leading NUL. junixsocket reports a received
     * abstract address padded to this length, so a peer written with it (the tests' fake kernel)
     * can only answer a name of exactly this size; uml_mconsole pads its name the same way.
     */
    private static final int ABSTRACT_NAME_BYTES = 107;
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final int BUFFER_BYTES = 4096;

    private final Path socket;
    private final Object socketFileKey;
    private final AFUNIXDatagramChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private int currentTimeoutMillis = -1;

    private UnixDatagramTransport(Path socket, Object socketFileKey, AFUNIXDatagramChannel channel) {
        this.socket = socket;
        this.socketFileKey = socketFileKey;
        this.channel = channel;
    }

    static UnixDatagramTransport open(Path socket) throws IOException {
        AFUNIXSocketAddress peer = AFUNIXSocketAddress.of(socket);
        AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open();
        try {
            channel.bind(ownAddress());
            Object fileKey = fileKey(socket);
            channel.connect(peer);
            return new UnixDatagramTransport(socket, fileKey, channel);
        } catch (IOException e) {
            channel.close();
            throw translate(socket, e);
        }
    }

    private static AFUNIXSocketAddress ownAddress() throws SocketException {
        String name = "umlmanager-mconsole-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        byte[] address = new byte[ABSTRACT_NAME_BYTES];
        byte[] text = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, address, 1, text.length);
        return AFUNIXSocketAddress.of(address);
    }

    /** The socket file's identity (device and inode), or null when it cannot be read. */
    private static Object fileKey(Path socket) {
        try {
            return Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void send(ByteBuffer datagram) throws IOException {
        Object current = fileKey(socket);
        if (current == null && !Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            throw new InstanceNotReachableException(socket, InstanceNotReachableException.Reason.NO_SOCKET, null);
        }
        if (socketFileKey != null && current != null && !socketFileKey.equals(current)) {
            // A rebooted guest bound a new socket at the same path: the client reconnects.
            throw new InstanceNotReachableException(socket, InstanceNotReachableException.Reason.REFUSED, null);
        }
        try {
            channel.write(datagram);
        } catch (IOException e) {
            throw translate(socket, e);
        }
    }

    @Override
    public Optional<ByteBuffer> receive(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Optional.empty();
            }
            setTimeout(remaining);
            buffer.clear();
            int n = channel.read(buffer);
            if (!channel.isOpen()) {
                throw new MconsoleException("the mconsole client for " + socket + " was closed");
            }
            if (n > 0) {
                buffer.flip();
                ByteBuffer copy = ByteBuffer.allocate(n).put(buffer).flip();
                return Optional.of(copy);
            }
        }
    }

    private void setTimeout(long remainingNanos) throws SocketException {
        // SO_RCVTIMEO of 0 means "forever": never ask for less than 1 ms.
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (remainingNanos + 999_999) / 1_000_000));
        if (millis != currentTimeoutMillis) {
            channel.socket().setSoTimeout(millis);
            currentTimeoutMillis = millis;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing an abstract-address socket leaves nothing behind either way
        }
    }

    private static IOException translate(Path socket, IOException e) {
        if (e instanceof ConnectionRefusedSocketException) {
            return new InstanceNotReachableException(socket, InstanceNotReachableException.Reason.REFUSED, e);
        }
        if (e instanceof SocketException && !Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return new InstanceNotReachableException(socket, InstanceNotReachableException.Reason.NO_SOCKET, e);
        }
        if (e instanceof MconsoleException) {
            return e;
        }
        return new MconsoleException("mconsole socket " + socket + ": " + e.getMessage(), e);
    }
}
