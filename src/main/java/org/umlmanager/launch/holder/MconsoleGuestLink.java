package org.umlmanager.launch.holder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.umlmanager.launch.protocol.Message.ReplyKind;
import org.umlmanager.mconsole.InstanceNotReachableException;
import org.umlmanager.mconsole.MconsoleAddress;
import org.umlmanager.mconsole.MconsoleClient;
import org.umlmanager.mconsole.MconsoleException;
import org.umlmanager.mconsole.MconsoleReply;
import org.umlmanager.mconsole.MconsoleTimeoutException;
import org.umlmanager.mconsole.NotifyEvent;
import org.umlmanager.mconsole.NotifyListener;
import org.umlmanager.mconsole.NotifySender;

/** {@link GuestLink} over the mconsole package: its client for requests and its notify listener. */
final class MconsoleGuestLink implements GuestLink {

    /** A notification can come before the spawn has returned the kernel's pid; never long before. */
    private static final Duration KERNEL_PID_WAIT = Duration.ofSeconds(10);

    private final Map<Path, MconsoleClient> clients = new ConcurrentHashMap<>();
    private volatile NotifyListener listener;

    @Override
    public void listen(Path socket, CompletableFuture<Long> kernelPid, Consumer<Notification> sink)
            throws IOException {
        listener = NotifyListener.bind(socket, NotifySender.process(kernelPid, KERNEL_PID_WAIT), event -> {
            if (event instanceof NotifyEvent.SocketReady ready) {
                sink.accept(new Notification(Notification.Kind.SOCKET, ready.mconsoleSocket().toString()));
            } else if (event instanceof NotifyEvent.Panic panic) {
                sink.accept(new Notification(Notification.Kind.PANIC, panic.message()));
            } else if (event instanceof NotifyEvent.UserNotify user) {
                sink.accept(new Notification(Notification.Kind.USER, user.text()));
            }
        });
    }

    @Override
    public CommandResult send(Path mconsoleSocket, String command, Duration timeout) {
        MconsoleClient client = clients.computeIfAbsent(mconsoleSocket,
                s -> new MconsoleClient(MconsoleAddress.ofSocket(s), timeout));
        try {
            MconsoleReply reply = client.send(command, timeout);
            return new CommandResult(ReplyKind.REPLY, reply.errorCode(), reply.text());
        } catch (MconsoleTimeoutException e) {
            return new CommandResult(ReplyKind.TIMEOUT, 1, e.getMessage());
        } catch (InstanceNotReachableException e) {
            return new CommandResult(ReplyKind.UNREACHABLE, 1, e.getMessage());
        } catch (MconsoleException | IllegalArgumentException e) {
            return CommandResult.failed(e.getMessage());
        }
    }

    @Override
    public void close() {
        NotifyListener l = listener;
        if (l != null) {
            l.close();
        }
        clients.values().forEach(MconsoleClient::close);
    }
}
