package org.umlmanager.launch.holder;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.host.PrivateDirectory;
import org.umlmanager.launch.GuestEvent;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.launch.LaunchSpec;
import org.umlmanager.launch.LaunchSpecFile;
import org.umlmanager.launch.SessionFile;
import org.umlmanager.launch.SessionRecord;
import org.umlmanager.launch.protocol.Message;

/**
 * One guest inside the supervisor: its {@link GuestSession}, the clients bound to it, and an event
 * thread of its own that records every change in the session file and tells the clients, in
 * order. Nothing here is shared with another guest, so one guest's flood of events or a slow
 * session-file write never delays another's.
 */
final class GuestHost {

    private static final Logger LOG = LoggerFactory.getLogger(GuestHost.class);

    private final Supervisor supervisor;
    private final LaunchSpec spec;
    private final GuestSession session;
    private final ExecutorService events;
    private final Set<ClientConnection> clients = ConcurrentHashMap.newKeySet();

    private GuestHost(Supervisor supervisor, LaunchSpec spec, long supervisorPid, GuestLink link) {
        this.supervisor = supervisor;
        this.spec = spec;
        this.events = Executors.newSingleThreadExecutor(GuestSession.daemon(spec.name() + "-events"));
        this.session = new GuestSession(spec, supervisorPid, link, this::publish);
    }

    /** Spawns the guest's kernel; it is STARTING when this returns. */
    static GuestHost start(Supervisor supervisor, LaunchSpec spec, long supervisorPid, GuestLink link)
            throws IOException {
        GuestHost host = new GuestHost(supervisor, spec, supervisorPid, link);
        PrivateDirectory.ensure(spec.session().directory());
        try {
            host.session.start();
        } catch (IOException | RuntimeException e) {
            host.events.shutdown();
            throw e;
        }
        host.recorded();
        return host;
    }

    /**
     * Takes over a guest whose supervisor died (see {@link GuestSession#adopt}); empty if it cannot
     * (its kernel is gone, or not the one recorded).
     */
    static Optional<GuestHost> adopt(Supervisor supervisor, LaunchSpec spec, SessionRecord record,
                                     long supervisorPid, GuestLink link) {
        GuestHost host = new GuestHost(supervisor, spec, supervisorPid, link);
        if (!host.session.adopt(record)) {
            host.events.shutdown();
            link.close();
            return Optional.empty();
        }
        host.recorded();
        return Optional.of(host);
    }

    private void recorded() {
        writeSessionFile();
        try {
            LaunchSpecFile.write(spec.session().launchFile(), spec);
        } catch (IOException e) {
            LOG.warn("{}: cannot record the launch spec; a successor could not take the guest over: {}",
                    spec.name(), e.getMessage());
        }
        session.ended().thenAccept(this::ended);
    }

    String name() {
        return spec.name();
    }

    GuestSnapshot snapshot() {
        return session.snapshot();
    }

    boolean ended() {
        return session.ended().isDone();
    }

    void bind(ClientConnection client) {
        client.bind(this);
        clients.add(client);
        // It may have ended between the look-up and now: this client is told as the others were.
        endedAlready(client);
    }

    void closed(ClientConnection client) {
        clients.remove(client);
    }

    /** A request on a connection bound to this guest. */
    void handle(ClientConnection from, Message message) {
        if (message instanceof Message.Watch) {
            from.watch();
            from.send(new Message.Snapshot(session.snapshot()));
            endedAlready(from);
        } else if (message instanceof Message.Attach attach) {
            Optional<OutputLine> line = session.line(attach.line());
            if (line.isEmpty()) {
                from.send(new Message.Failure(0, "the guest has no line '" + attach.line() + "'; it has "
                        + String.join(", ", session.lines().keySet())));
            } else {
                from.attach(line.get());
                endedAlready(from);
            }
        } else if (message instanceof Message.Input input) {
            session.input(input.line(), input.data());
        } else if (message instanceof Message.Resize resize) {
            session.resize(resize.line(), resize.columns(), resize.rows());
        } else if (message instanceof Message.Stop stop) {
            session.stop(stop.mode(), step -> from.send(new Message.StopProgress(step)));
        } else if (message instanceof Message.Command command) {
            // Through the event thread: the state change a command causes reaches clients before its reply.
            session.command(command.command()).thenAccept(r -> inOrder(() -> from.send(
                    new Message.CommandReply(command.id(), r.kind(), r.errorCode(), r.text()))));
        } else if (message instanceof Message.Start || message instanceof Message.Open) {
            long id = message instanceof Message.Start s ? s.id() : ((Message.Open) message).id();
            from.send(new Message.Failure(id, "this connection already belongs to " + spec.name()));
        }
    }

    /** Runs {@code task} after the events published so far; at once once the guest's story is over. */
    private void inOrder(Runnable task) {
        try {
            events.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    private void endedAlready(ClientConnection client) {
        if (session.ended().isDone()) {
            client.send(new Message.Ended(session.ended().join()));
            client.finish();
        }
    }

    private void publish(GuestEvent event) {
        try {
            events.execute(() -> {
                writeSessionFile();
                for (ClientConnection c : clients) {
                    if (c.watching()) {
                        c.send(new Message.Event(event));
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: {} came after the end", spec.name(), event);
        }
    }

    /** One writer at a time: the start, the event thread and the end all record the session. */
    private synchronized void writeSessionFile() {
        try {
            SessionFile.write(spec.session().sessionFile(), new SessionRecord(session.snapshot(), spec.umlDir()));
        } catch (IOException e) {
            LOG.warn("{}: cannot write the session file: {}", spec.name(), e.getMessage());
        }
    }

    private void ended(GuestSnapshot last) {
        events.execute(() -> {
            writeSessionFile();
            try {
                Files.deleteIfExists(spec.session().launchFile());
            } catch (IOException e) {
                LOG.debug("{}: cannot remove the launch spec: {}", spec.name(), e.getMessage());
            }
            // Gone from the supervisor before anyone hears of the end: a client told that the guest
            // ended may start it again at once.
            supervisor.ended(this);
            for (ClientConnection c : clients) {
                c.send(new Message.Ended(last));
                c.finish();
            }
        });
        events.shutdown();
    }
}
