package org.umlmanager.launch.holder;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.host.PrivateDirectory;
import org.umlmanager.launch.ChildStatus;
import org.umlmanager.launch.LaunchSpec;
import org.umlmanager.launch.LaunchSpecFile;
import org.umlmanager.launch.Posix;
import org.umlmanager.launch.SessionFile;
import org.umlmanager.launch.SessionPaths;
import org.umlmanager.launch.SessionRecord;
import org.umlmanager.launch.SupervisorFiles;
import org.umlmanager.launch.protocol.FrameChannel;
import org.umlmanager.launch.protocol.Message;

/**
 * The supervisor's server: one process per user that holds every running guest ({@link
 * GuestHost}) and the other processes it supervises ({@link Children}), and serves clients on
 * one socket. A connection starts or opens one guest and belongs to it from then on.
 *
 * <p>At start it takes over the guests a killed predecessor left running (their session files say
 * so and their kernels still run). It exits once it has held nothing and served nobody for
 * {@code idleGrace}: it stops listening first, so that a client never reaches a supervisor that is
 * going away, and the launcher starts a new one for the next client.
 */
final class Supervisor {

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    private static final Duration HOUSEKEEPING = Duration.ofSeconds(1);

    private final SupervisorFiles files;
    private final Path socket;
    private final Path sessionsDir;
    private final Supplier<GuestLink> links;
    private final Duration idleGrace;
    private final long pid = ProcessHandle.current().pid();
    private final Map<String, GuestHost> guests = new ConcurrentHashMap<>();
    /** Names whose kernel is being spawned right now. */
    private final Set<String> starting = ConcurrentHashMap.newKeySet();
    private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
    private final Children children;
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
            GuestSession.daemon("housekeeping"));
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicInteger ids = new AtomicInteger();
    private volatile ServerSocketChannel listener;
    private long idleSince = System.nanoTime();
    private boolean closing;

    Supervisor(SupervisorFiles files, Path sessionsDir, Supplier<GuestLink> links, Duration idleGrace) {
        this.files = files;
        this.socket = files.socket();
        this.sessionsDir = sessionsDir;
        this.links = links;
        this.idleGrace = idleGrace;
        this.children = new Children(files, this::changed);
    }

    /** Takes over orphaned guests and children, then serves until idle for the grace period. */
    void run() throws IOException, InterruptedException {
        adoptOrphans();
        children.adoptOrphans();
        listener = listen(socket);
        acceptLoop(listener);
        housekeeping.scheduleWithFixedDelay(this::housekeep, HOUSEKEEPING.toMillis(), HOUSEKEEPING.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("supervisor {} listening at {} ({} guests, {} children taken over)", pid, socket, guests.size(),
                children.list().size());
        done.await();
    }

    /** Listens at {@code socket}, in a directory only the user can enter (which is what keeps others out). */
    private static ServerSocketChannel listen(Path socket) throws IOException {
        PrivateDirectory.ensure(socket.getParent());
        // The caller holds the supervisor lock: a socket file here is a dead predecessor's.
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        PrivateDirectory.restrictFile(socket);
        return server;
    }

    private void acceptLoop(ServerSocketChannel server) {
        Thread t = new Thread(() -> {
            while (server.isOpen()) {
                try {
                    SocketChannel ch = server.accept();
                    serve(new FrameChannel(ch));
                } catch (IOException e) {
                    if (server.isOpen()) {
                        LOG.warn("accept failed: {}", e.getMessage());
                    }
                }
            }
        }, "accept");
        t.setDaemon(true);
        t.start();
    }

    /** Serves one client over {@code channel} (a socket connection, or any other byte stream). */
    void serve(FrameChannel channel) {
        ClientConnection c = new ClientConnection(channel, this, Integer.toString(ids.incrementAndGet()));
        synchronized (this) {
            if (closing) {
                // Accepted in the moment before the socket closed: the client's launcher starts a successor.
                channel.close();
                return;
            }
            connections.add(c);
            idleSince = System.nanoTime();
        }
        c.start();
    }

    void handle(ClientConnection from, Message message) {
        GuestHost host = from.guest();
        if (message instanceof Message.Hello hello) {
            if (hello.version() != Message.PROTOCOL_VERSION) {
                from.send(new Message.Failure(0, "UML Manager's supervisor speaks protocol " + Message.PROTOCOL_VERSION
                        + ", this client " + hello.version() + "; use the same UML Manager version for both"));
                from.finish();
                return;
            }
            from.send(new Message.Welcome(Message.PROTOCOL_VERSION, pid, host == null));
        } else if (message instanceof Message.ChildStart
                || message instanceof Message.ChildStop || message instanceof Message.ChildList) {
            child(from, message);
        } else if (host != null) {
            host.handle(from, message);
        } else if (message instanceof Message.Start start) {
            start(from, start);
        } else if (message instanceof Message.Open open) {
            open(from, open);
        } else {
            from.send(new Message.Failure(0, "this connection belongs to no guest yet: start or open one first"));
        }
    }

    private void start(ClientConnection from, Message.Start start) {
        LaunchSpec spec = start.spec();
        // The name is taken before the spawn, which runs outside any shared lock: starts run in parallel.
        if (!starting.add(spec.name())) {
            from.send(new Message.Failure(start.id(), spec.name() + " is already starting"));
            return;
        }
        try {
            GuestHost running = guests.get(spec.name());
            if (running != null) {
                from.send(new Message.Failure(start.id(), spec.name() + " is already running" + running.snapshot()
                        .umlPid().stream().mapToObj(p -> " (pid " + p + ")").findFirst().orElse("")));
                return;
            }
            GuestHost host;
            try {
                host = GuestHost.start(this, spec, pid, links.get());
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not start {}", spec.name(), e);
                from.send(new Message.Failure(start.id(), "could not start the kernel " + spec.argv().get(0) + ": "
                        + e.getMessage()));
                return;
            }
            guests.put(spec.name(), host);
            if (host.ended()) {
                // It ended before it was listed here, so its end could not unlist it.
                guests.remove(spec.name(), host);
            }
            // The answer first: binding tells a client at once if the guest has ended already, and closes it.
            from.send(new Message.Started(start.id(), host.snapshot()));
            host.bind(from);
        } finally {
            starting.remove(spec.name());
            changed();
        }
    }

    private void open(ClientConnection from, Message.Open open) {
        GuestHost host = guests.get(open.name());
        if (host == null) {
            from.send(new Message.Failure(open.id(), open.name() + " does not run under this supervisor"));
            return;
        }
        from.send(new Message.Opened(open.id(), host.snapshot()));
        host.bind(from);
    }

    private void child(ClientConnection from, Message message) {
        if (message instanceof Message.ChildStart start) {
            try {
                from.send(new Message.Children(start.id(), List.of(children.start(start.spec()))));
            } catch (IOException | IllegalArgumentException e) {
                from.send(new Message.Failure(start.id(), "could not start " + start.spec().name() + ": "
                        + e.getMessage()));
            }
        } else if (message instanceof Message.ChildStop stop) {
            Optional<ChildStatus> last = children.stop(stop.name());
            from.send(last.<Message>map(c -> new Message.Children(stop.id(), List.of(c)))
                    .orElseGet(() -> new Message.Failure(stop.id(), "no child named " + stop.name())));
        } else if (message instanceof Message.ChildList list) {
            from.send(new Message.Children(list.id(), children.list()));
        }
    }

    /** A guest whose story is over: its name is free again, and children that served only it stop. */
    void ended(GuestHost host) {
        guests.remove(host.name(), host);
        children.guestsChanged(guests.keySet(), Optional.of(host.name()));
        changed();
    }

    void closed(ClientConnection c) {
        connections.remove(c);
        GuestHost host = c.guest();
        if (host != null) {
            host.closed(c);
        }
        changed();
    }

    /** Something that keeps the supervisor busy came or went. */
    private synchronized void changed() {
        idleSince = System.nanoTime();
    }

    private void housekeep() {
        Orphans.sweep();
        children.guestsChanged(guests.keySet(), Optional.empty());
        synchronized (this) {
            boolean busy = !guests.isEmpty() || !starting.isEmpty() || !connections.isEmpty() || children.running();
            if (busy) {
                idleSince = System.nanoTime();
                return;
            }
            if (System.nanoTime() - idleSince <= idleGrace.toNanos()) {
                return;
            }
            // Decided under the same lock that admits connections: once a client is welcome, it stays served.
            closing = true;
        }
        LOG.info("nothing to hold and nobody connected for {}; exiting", idleGrace);
        try {
            listener.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.debug("closing the socket: {}", e.getMessage());
        }
        housekeeping.shutdown();
        done.countDown();
    }

    // ---- taking over from a killed predecessor ----

    private void adoptOrphans() {
        if (!Files.isDirectory(sessionsDir)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(sessionsDir, Files::isDirectory)) {
            for (Path dir : dirs) {
                adopt(new SessionPaths(dir));
            }
        } catch (IOException e) {
            LOG.warn("cannot look for guests to take over in {}: {}", sessionsDir, e.getMessage());
        }
    }

    private void adopt(SessionPaths session) {
        Optional<SessionRecord> record = SessionFile.read(session.sessionFile());
        if (record.isEmpty() || !record.get().snapshot().state().active()
                || Posix.alive(record.get().snapshot().holderPid())) {
            return;
        }
        Optional<LaunchSpec> spec = LaunchSpecFile.read(session.launchFile());
        if (spec.isEmpty()) {
            LOG.warn("{} runs without its supervisor, but its launch spec is missing: left alone",
                    record.get().snapshot().name());
            return;
        }
        GuestHost.adopt(this, spec.get(), record.get(), pid, links.get()).ifPresent(h -> {
            guests.put(h.name(), h);
            LOG.info("took over {} (pid {})", h.name(), h.snapshot().umlPid().orElse(-1));
        });
    }
}
