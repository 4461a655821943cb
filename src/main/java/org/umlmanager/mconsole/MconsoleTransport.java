package org.umlmanager.mconsole;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Moves datagrams between a client and one instance's mconsole socket. The real one binds its own
 * AF_UNIX datagram socket (the kernel replies to the sender's address); tests substitute an
 * in-process fake peer. Used by one thread at a time; {@link #close()} may be called from another
 * thread to abort a {@link #receive} in progress.
 */
public interface MconsoleTransport extends Closeable {

    /**
     * Sends one request datagram to the instance.
     *
     * @throws InstanceNotReachableException if no process holds the socket (missing file, refused)
     * @throws IOException                   on any other failure; the transport is then unusable
     */
    void send(ByteBuffer datagram) throws IOException;

    /**
     * Waits up to {@code timeout} for the next datagram from the instance (datagrams from anyone
     * else are dropped).
     *
     * @return the datagram, or empty when the time ran out
     * @throws IOException if the transport was closed or failed
     */
    Optional<ByteBuffer> receive(Duration timeout) throws IOException;

    /** Releases the transport's own socket. Idempotent. */
    @Override
    void close();

    /** Opens a transport to the mconsole socket at a path. */
    @FunctionalInterface
    interface Factory {
        MconsoleTransport open(Path socket) throws IOException;
    }
}
