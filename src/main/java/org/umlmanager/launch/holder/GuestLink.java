package org.umlmanager.launch.holder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The holder's two channels to the kernel besides the pty: mconsole requests and the notify
 * socket's messages. An interface so that the session can be driven without a kernel in tests
 * and so that the mconsole package is used through one adapter.
 */
interface GuestLink extends AutoCloseable {

    /** A notify message from the kernel. */
    record Notification(Kind kind, String text) {
        enum Kind { SOCKET, PANIC, USER }
    }

    /**
     * Binds the notify socket at {@code socket}; messages from the process {@code kernelPid}
     * completes with (the guest's kernel, started after the bind) go to {@code sink} on the
     * listener's own thread, any other sender's are dropped.
     */
    void listen(Path socket, CompletableFuture<Long> kernelPid, Consumer<Notification> sink) throws IOException;

    /** Sends one mconsole command to the guest at {@code mconsoleSocket}; never blocks longer than {@code timeout}. */
    CommandResult send(Path mconsoleSocket, String command, Duration timeout);

    @Override
    void close();
}
