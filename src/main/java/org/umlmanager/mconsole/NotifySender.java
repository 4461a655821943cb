package org.umlmanager.mconsole;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Which process a {@link NotifyListener} takes notifications from. Whatever this says, the
 * listener never takes one from another user.
 */
@FunctionalInterface
public interface NotifySender {

    /** Whether a datagram from {@code sender} (already known to be of this user) is to be delivered. */
    boolean accepts(PeerCredentials sender);

    /** Any process of this user (for tests and tools that play the kernel). */
    static NotifySender anyProcessOfThisUser() {
        return sender -> true;
    }

    /**
     * Only the process whose pid {@code kernelPid} completes with: the guest's own kernel, which
     * sends every notification from its main process. The socket is bound before the kernel is
     * started, so a datagram may arrive before its pid is known; it then waits for the pid up to
     * {@code wait}, and is refused if the start failed.
     */
    static NotifySender process(CompletableFuture<Long> kernelPid, Duration wait) {
        return sender -> {
            try {
                return kernelPid.get(wait.toMillis(), TimeUnit.MILLISECONDS) == sender.pid();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException e) {
                return false;
            }
        };
    }
}
