package org.umlmanager.launch.holder;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.host.PrivateDirectory;
import org.umlmanager.launch.GuestEvent;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.launch.LaunchSpec;
import org.umlmanager.launch.SessionFile;
import org.umlmanager.launch.SessionRecord;
import org.umlmanager.launch.protocol.FrameChannel;
import org.umlmanager.launch.protocol.Message;
import org.umlmanager.model.InstanceState;

/**
 * The holder's socket server. It starts idle, listening where its launcher asked, and takes one
 * {@code Start}; then it listens in the session directory too, where any client finds it. It
 * exits when the guest has ended and every client was told, or, while still idle, when its
 * launcher's connection closes.
 */
final class HolderServer {

    private static final Logger LOG = LoggerFactory.getLogger(HolderServer.class);

    private final Path idleSocket;
    private final GuestLink link;
    private final long pid = ProcessHandle.current().pid();
    private final Set<HolderConnection> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService events = Executors.newSingleThreadExecutor(GuestSession.daemon("events"));
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicInteger ids = new AtomicInteger();
    private volatile GuestSession session;
    private volatile ServerSocketChannel idleListener;
    private volatile ServerSocketChannel sessionListener;
    private volatile boolean everConnected;
    private final AtomicBoolean listenersClosed = new AtomicBoolean();

    HolderServer(Path idleSocket, GuestLink link) {
        this.idleSocket = idleSocket;
        this.link = link;
    }

    /** Serves until the session is over (or the idle holder is abandoned). */
    void run(Duration firstClientWait) throws IOException, InterruptedException {
        idleListener = listen(idleSocket);
        acceptLoop(idleListener, "accept-idle");
        if (!done.await(firstClientWait.toMillis(), TimeUnit.MILLISECONDS) && !everConnected) {
            LOG.info("no client came within {}; exiting", firstClientWait);
            shutdown();
        }
        done.await();
    }

    /** Listens at {@code socket}, in a directory only the user can enter (which is what keeps others out). */
    private static ServerSocketChannel listen(Path socket) throws IOException {
        PrivateDirectory.ensure(socket.getParent());
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        PrivateDirectory.restrictFile(socket);
        return server;
    }

    private void acceptLoop(ServerSocketChannel server, String name) {
        Thread t = new Thread(() -> {
            while (server.isOpen()) {
                try {
                    SocketChannel ch = server.accept();
                    everConnected = true;
                    HolderConnection c = new HolderConnection(new FrameChannel(ch), this,
                            Integer.toString(ids.incrementAndGet()));
                    connections.add(c);
                    c.start();
                } catch (IOException e) {
                    if (server.isOpen()) {
                        LOG.warn("accept failed: {}", e.getMessage());
                    }
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /** Whether the guest crashed (its holder's log is then worth keeping). */
    boolean guestCrashed() {
        GuestSession s = session;
        return s != null && s.snapshot().state() == InstanceState.CRASHED;
    }

    void handle(HolderConnection from, Message message) {
        GuestSession s = session;
        if (message instanceof Message.Hello hello) {
            if (hello.version() != Message.PROTOCOL_VERSION) {
                from.send(new Message.Failure(0, "this guest's holder speaks protocol " + Message.PROTOCOL_VERSION
                        + ", the client " + hello.version() + "; use the same UML Manager version for both"));
                from.finish();
                return;
            }
            from.send(new Message.Welcome(Message.PROTOCOL_VERSION, pid, s == null));
        } else if (message instanceof Message.Start start) {
            start(from, start);
        } else if (s == null) {
            from.send(new Message.Failure(0, "no guest runs in this holder yet"));
        } else if (message instanceof Message.Watch) {
            from.watch();
            from.send(new Message.Snapshot(s.snapshot()));
            endedAlready(from, s);
        } else if (message instanceof Message.Attach attach) {
            Optional<OutputLine> line = s.line(attach.line());
            if (line.isEmpty()) {
                from.send(new Message.Failure(0, "the guest has no line '" + attach.line() + "'; it has "
                        + String.join(", ", s.lines().keySet())));
            } else {
                line.get().attach(from);
                endedAlready(from, s);
            }
        } else if (message instanceof Message.Input input) {
            s.input(input.line(), input.data());
        } else if (message instanceof Message.Resize resize) {
            s.resize(resize.line(), resize.columns(), resize.rows());
        } else if (message instanceof Message.Stop stop) {
            s.stop(stop.mode(), step -> from.send(new Message.StopProgress(step)));
        } else if (message instanceof Message.Command command) {
            // Through the event thread: the state change a command causes reaches clients before its reply.
            s.command(command.command()).thenAccept(r -> events.execute(() -> from.send(new Message.CommandReply(
                    command.id(), r.kind(), r.errorCode(), r.text()))));
        }
    }

    private static void endedAlready(HolderConnection from, GuestSession s) {
        if (s.ended().isDone()) {
            from.send(new Message.Ended(s.ended().join()));
            from.finish();
        }
    }

    private synchronized void start(HolderConnection from, Message.Start start) {
        LaunchSpec spec = start.spec();
        if (session != null) {
            from.send(new Message.Failure(start.id(), "this holder already runs " + session.spec().name()));
            return;
        }
        if (answers(spec.session().holderSocket())) {
            from.send(new Message.Failure(start.id(), spec.name() + " is already running (its holder answers at "
                    + spec.session().holderSocket() + ")"));
            return;
        }
        GuestSession s = new GuestSession(spec, pid, link, this::publish);
        try {
            sessionListener = listen(spec.session().holderSocket());
            session = s;
            GuestSnapshot snapshot = s.start();
            writeSessionFile(s);
            acceptLoop(sessionListener, "accept-session");
            from.send(new Message.Started(start.id(), snapshot));
            closeIdleListener();
            s.ended().thenAccept(this::ended);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not start {}", spec.name(), e);
            from.send(new Message.Failure(start.id(), "could not start the kernel " + spec.argv().get(0) + ": "
                    + e.getMessage()));
            from.finish();
            shutdown();
        }
    }

    private static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (FrameChannel probe = FrameChannel.connect(socket)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void publish(GuestEvent event) {
        events.execute(() -> {
            GuestSession s = session;
            if (s != null) {
                writeSessionFile(s);
            }
            for (HolderConnection c : connections) {
                if (c.watching()) {
                    c.send(new Message.Event(event));
                }
            }
        });
    }

    /** One writer at a time: the start, the event thread and the end all record the session. */
    private synchronized void writeSessionFile(GuestSession s) {
        try {
            SessionFile.write(s.spec().session().sessionFile(), new SessionRecord(s.snapshot(), s.spec().umlDir()));
        } catch (IOException e) {
            LOG.warn("cannot write the session file: {}", e.getMessage());
        }
    }

    private void ended(GuestSnapshot last) {
        events.execute(() -> {
            // No new clients from here on: once told that the guest ended, a client may start it
            // again at once, and must not find this holder still answering.
            closeListeners();
            writeSessionFile(session);
            for (HolderConnection c : connections) {
                c.send(new Message.Ended(last));
                c.finish();
            }
        });
        events.execute(this::shutdown);
    }

    void closed(HolderConnection c) {
        connections.remove(c);
        if (session == null && connections.isEmpty()) {
            LOG.info("the launcher left before starting a guest; exiting");
            shutdown();
        }
    }

    private void closeIdleListener() {
        try {
            idleListener.close();
            Files.deleteIfExists(idleSocket);
        } catch (IOException e) {
            LOG.debug("closing the idle socket: {}", e.getMessage());
        }
    }

    /** Stops listening and removes the socket files, once: afterwards the path may belong to a new holder. */
    private void closeListeners() {
        if (!listenersClosed.compareAndSet(false, true)) {
            return;
        }
        closeIdleListener();
        ServerSocketChannel s = sessionListener;
        if (s != null) {
            try {
                s.close();
                Files.deleteIfExists(session.spec().session().holderSocket());
            } catch (IOException e) {
                LOG.debug("closing the session socket: {}", e.getMessage());
            }
        }
    }

    private void shutdown() {
        closeListeners();
        // Give the writers a moment to deliver the last messages.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!connections.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        done.countDown();
    }
}
