package org.umlmanager.mconsole;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.ConnectionRefusedSocketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.host.HostProcess;
import org.umlmanager.host.PrivateDirectory;

/**
 * Receives the kernel's notifications on the socket passed as {@code mconsole=notify:PATH}. Bind
 * it <em>before</em> starting the guest: the kernel sends its first message during boot and does
 * not retry.
 *
 * <p><b>Senders.</b> A notification changes what the user is told (running, crashed with a panic
 * message) and where mconsole commands go, so only the right process may send one: the socket
 * is mode 0600 in a directory of its own, which keeps other users out, and every datagram carries
 * the sender's credentials as the host kernel vouches for them ({@code SCM_CREDENTIALS}).
 * Datagrams from another user are always dropped; {@link NotifySender} decides which of the
 * user's own processes count (for a guest: its kernel's process only). Dropped datagrams are
 * logged, never delivered.
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
    private final CredentialsSocket channel;
    private final NotifySender sender;
    private final long uid;
    private final Consumer<? super NotifyEvent> listener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread thread;

    private NotifyListener(Path socket, CredentialsSocket channel, NotifySender sender,
                           Consumer<? super NotifyEvent> listener) {
        this.socket = socket;
        this.channel = channel;
        this.sender = sender;
        this.uid = HostProcess.currentUid();
        this.listener = listener;
        this.thread = new Thread(this::receiveLoop, "mconsole-notify-" + socket.getFileName());
        thread.setDaemon(true);
    }

    /** Binds {@code socket} for any process of this user; see {@link #bind(Path, NotifySender, Consumer)}. */
    public static NotifyListener bind(Path socket, Consumer<? super NotifyEvent> listener) throws IOException {
        return bind(socket, NotifySender.anyProcessOfThisUser(), listener);
    }

    /**
     * Binds {@code socket} and starts delivering the events {@code sender} accepts to {@code listener}.
     *
     * @throws IllegalArgumentException   if the path is longer than an AF_UNIX socket allows
     * @throws FileAlreadyExistsException if the path is a file that is not a socket, or a socket
     *                                    another process is still listening on
     * @throws IOException                if the directory or the socket cannot be created
     */
    public static NotifyListener bind(Path socket, NotifySender sender, Consumer<? super NotifyEvent> listener)
            throws IOException {
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(sender, "sender");
        Path path = Objects.requireNonNull(socket, "socket").toAbsolutePath();
        MconsoleAddress.checkSocketPathLength(path, "notify socket path");
        Path parent = path.getParent();
        if (!Files.isDirectory(parent)) {
            PrivateDirectory.ensure(parent);
        }
        removeStale(path);
        CredentialsSocket channel;
        try {
            channel = CredentialsSocket.bind(path, NotifyCodec.MAX_DATAGRAM);
        } catch (IOException e) {
            throw new IOException("cannot bind the notify socket " + path + ": " + e.getMessage(), e);
        }
        try {
            PrivateDirectory.restrictFile(path);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        NotifyListener l = new NotifyListener(path, channel, sender, listener);
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
        try {
            while (!closed.get()) {
                Optional<CredentialsSocket.Datagram> datagram = channel.receive();
                if (datagram.isEmpty() || closed.get()) {
                    return;
                }
                if (accepted(datagram.get())) {
                    decodeAndDeliver(datagram.get().data());
                }
            }
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.error("notify socket {} failed; no further guest notifications will arrive", socket, e);
            }
        } finally {
            channel.close();
        }
    }

    private boolean accepted(CredentialsSocket.Datagram d) {
        if (d.sender().isEmpty()) {
            LOG.warn("ignored a message on notify socket {}: the kernel named no sender", socket);
            return false;
        }
        PeerCredentials who = d.sender().get();
        if (who.uid() != uid) {
            LOG.warn("ignored a message on notify socket {} from pid {} of uid {}: only this user's guests may"
                    + " send one", socket, who.pid(), who.uid());
            return false;
        }
        if (!sender.accepts(who)) {
            LOG.warn("ignored a message on notify socket {} from pid {}: not the guest's kernel", socket, who.pid());
            return false;
        }
        return true;
    }

    private void decodeAndDeliver(ByteBuffer data) {
        try {
            deliver(NotifyCodec.decode(data));
        } catch (MconsoleException e) {
            LOG.warn("ignored a message on notify socket {}: {}", socket, e.getMessage());
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
        // Wakes the receiving thread, which closes the descriptor when it is done with it.
        channel.shutdown();
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
