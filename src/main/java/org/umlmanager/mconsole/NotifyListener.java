package org.umlmanager.mconsole;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.ConnectionRefusedSocketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the kernel's notifications on the socket passed as {@code mconsole=notify:PATH}. Bind
 * it <em>before</em> starting the guest: the kernel sends its first message during boot and does
 * not retry.
 *
 * <p><b>Threading.</b> Events are delivered, in arrival order, on one daemon thread of its own
 * named {@code mconsole-notify-<file name>}; a listener that throws is logged and keeps receiving.
 * {@link #close()} may be called from any thread (also from the listener) and returns once the
 * thread has ended, except when called from the listener itself.
 *
 * <p><b>Files.</b> Creates the socket's parent directories with mode 0700 when missing, replaces a
 * stale socket file left by a crashed process, and deletes the socket on {@link #close()}.
 */
public final class NotifyListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyListener.class);
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private final Path socket;
    private final AFUNIXDatagramChannel channel;
    private final Consumer<? super NotifyEvent> listener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread thread;

    private NotifyListener(Path socket, AFUNIXDatagramChannel channel, Consumer<? super NotifyEvent> listener) {
        this.socket = socket;
        this.channel = channel;
        this.listener = listener;
        this.thread = new Thread(this::receiveLoop, "mconsole-notify-" + socket.getFileName());
        thread.setDaemon(true);
    }

    /**
     * Binds {@code socket} and starts delivering events to {@code listener}.
     *
     * @throws IllegalArgumentException   if the path is longer than an AF_UNIX socket allows
     * @throws FileAlreadyExistsException if the path is a file that is not a socket, or a socket
     *                                    another process is still listening on
     * @throws IOException                if the directory or the socket cannot be created
     */
    public static NotifyListener bind(Path socket, Consumer<? super NotifyEvent> listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        Path path = Objects.requireNonNull(socket, "socket").toAbsolutePath();
        MconsoleAddress.checkSocketPathLength(path, "notify socket path");
        Path parent = path.getParent();
        if (!Files.isDirectory(parent)) {
            Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        removeStale(path);
        AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open();
        try {
            channel.bind(AFUNIXSocketAddress.of(path));
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot bind the notify socket " + path + ": " + e.getMessage(), e);
        }
        NotifyListener l = new NotifyListener(path, channel, listener);
        l.thread.start();
        return l;
    }

    private static void removeStale(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if ((mode & S_IFMT) != S_IFSOCK) {
            throw new FileAlreadyExistsException(path.toString(), null,
                    "exists and is not a socket; remove it or choose another notify socket path");
        }
        try (AFUNIXDatagramChannel probe = AFUNIXDatagramChannel.open()) {
            probe.connect(AFUNIXSocketAddress.of(path));
        } catch (ConnectionRefusedSocketException stale) {
            LOG.debug("removing stale notify socket {}", path);
            Files.deleteIfExists(path);
            return;
        }
        throw new FileAlreadyExistsException(path.toString(), null,
                "another process is listening on this notify socket; stop it or choose another path");
    }

    public Path socket() {
        return socket;
    }

    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(NotifyCodec.MAX_DATAGRAM);
        while (!closed.get()) {
            try {
                buffer.clear();
                channel.receive(buffer);
                if (closed.get()) {
                    return;
                }
                if (buffer.position() > 0) {
                    buffer.flip();
                    deliver(NotifyCodec.decode(buffer));
                }
            } catch (MconsoleException e) {
                LOG.warn("ignored a message on notify socket {}: {}", socket, e.getMessage());
            } catch (IOException e) {
                if (!closed.get()) {
                    LOG.error("notify socket {} failed; no further guest notifications will arrive", socket, e);
                }
                return;
            }
        }
    }

    private void deliver(NotifyEvent event) {
        LOG.debug("notify {}: {}", socket, event);
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.error("the listener for notify socket {} failed on {}", socket, event, e);
        }
    }

    /** Stops receiving, unbinds and deletes the socket file. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing notify socket {}: {}", socket, e.getMessage());
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("could not delete notify socket {}: {}", socket, e.getMessage());
        }
    }
}
