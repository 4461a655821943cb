package org.umlmanager.launch;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.launch.protocol.ChunkInputStream;
import org.umlmanager.launch.protocol.FrameChannel;
import org.umlmanager.launch.protocol.Message;

/**
 * One connection to the supervisor. It belongs to no guest until it {@linkplain #start starts}
 * or {@linkplain #open opens} one, and to that guest from then on. Requests return futures
 * completed by the connection's reader thread (named {@code supervisor-<pid>}); event and progress
 * listeners are called on that thread and must not block. When the connection drops, every
 * pending future fails with an {@link IOException} and {@link #ended()} completes exceptionally
 * unless the guest's end was reported first. Thread-safe.
 */
public final class SupervisorClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisorClient.class);
    public static final Duration HELLO_TIMEOUT = Duration.ofSeconds(10);

    private final FrameChannel channel;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Message>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Message.Welcome> welcome = new CompletableFuture<>();
    private final CompletableFuture<GuestSnapshot> snapshot = new CompletableFuture<>();
    private final CompletableFuture<GuestSnapshot> ended = new CompletableFuture<>();
    private final List<Consumer<GuestEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<StopStep>> stopListeners = new CopyOnWriteArrayList<>();
    private final Map<String, ChunkInputStream> consoles = new ConcurrentHashMap<>();
    private volatile boolean bound;

    private SupervisorClient(FrameChannel channel) {
        this.channel = channel;
    }

    /** Connects to the supervisor at {@code socket} and greets it; fails if it does not answer in time. */
    public static SupervisorClient connect(Path socket, String clientName) throws IOException {
        return greet(FrameChannel.connect(socket), socket.toString(), clientName);
    }

    /** Greets the supervisor at the other end of {@code channel} (a socket, or an SSH channel's streams). */
    public static SupervisorClient greet(FrameChannel channel, String where, String clientName) throws IOException {
        SupervisorClient client = new SupervisorClient(channel);
        Thread reader = new Thread(client::readLoop, "supervisor-client");
        reader.setDaemon(true);
        reader.start();
        try {
            client.channel.send(new Message.Hello(Message.PROTOCOL_VERSION, clientName));
            Message.Welcome w = client.welcome.get(HELLO_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            reader.setName("supervisor-" + w.holderPid());
            return client;
        } catch (InterruptedException e) {
            client.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while greeting the supervisor at " + where, e);
        } catch (ExecutionException | TimeoutException | IOException e) {
            client.close();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IOException("the supervisor at " + where + " did not answer: " + cause.getMessage(), cause);
        }
    }

    public long supervisorPid() {
        return welcome.join().holderPid();
    }

    /** Whether this connection belongs to no guest yet (a spare waiting for {@link #start}). */
    public boolean idle() {
        return welcome.join().idle() && !bound;
    }

    /** Starts a guest and binds this connection to it; completes when the kernel process runs (STARTING). */
    public CompletableFuture<GuestSnapshot> start(LaunchSpec spec) {
        bound = true;
        return request(id -> new Message.Start(id, spec)).thenApply(m -> ((Message.Started) m).snapshot());
    }

    /**
     * Binds this connection to the running guest {@code name}; completes with its snapshot, or
     * fails with {@link SupervisorException} if the supervisor does not hold it.
     */
    public CompletableFuture<GuestSnapshot> open(String name) {
        bound = true;
        return request(id -> new Message.Open(id, name)).thenApply(m -> ((Message.Opened) m).snapshot());
    }

    /**
     * Starts a supervised child (see {@link ChildSpec}); if one of that name runs the same command,
     * it serves {@code spec}'s guests as well. Completes with its status.
     */
    public CompletableFuture<ChildStatus> startChild(ChildSpec spec) {
        return request(id -> new Message.ChildStart(id, spec))
                .thenApply(m -> ((Message.Children) m).children().get(0));
    }

    /** Stops a supervised child; completes with its last status once its process group has ended. */
    public CompletableFuture<ChildStatus> stopChild(String name) {
        return request(id -> new Message.ChildStop(id, name))
                .thenApply(m -> ((Message.Children) m).children().get(0));
    }

    /** Every supervised child the supervisor knows, running or not. */
    public CompletableFuture<List<ChildStatus>> children() {
        return request(Message.ChildList::new).thenApply(m -> ((Message.Children) m).children());
    }

    /** Subscribes to the guest's events; completes with the snapshot taken when the subscription began. */
    public CompletableFuture<GuestSnapshot> watch(Consumer<GuestEvent> listener) {
        eventListeners.add(listener);
        sendQuietly(new Message.Watch());
        return snapshot;
    }

    /** Adds a listener for events the connection already receives (after {@link #watch}). */
    public void addEventListener(Consumer<GuestEvent> listener) {
        eventListeners.add(listener);
    }

    /** Whether the connection is up and the guest has not ended. */
    public boolean isOpen() {
        return channel.isOpen() && !ended.isDone();
    }

    /** Runs an mconsole command in the supervisor. */
    public CompletableFuture<Message.CommandReply> command(String command) {
        return request(id -> new Message.Command(id, command)).thenApply(m -> (Message.CommandReply) m);
    }

    /** Asks the supervisor to stop the guest; steps go to {@code progress}; completes with the final snapshot. */
    public CompletableFuture<GuestSnapshot> stop(StopMode mode, Consumer<StopStep> progress) {
        stopListeners.add(progress);
        sendQuietly(new Message.Stop(mode));
        return ended;
    }

    /** Completes with the final snapshot when the guest's process has ended. */
    public CompletableFuture<GuestSnapshot> ended() {
        return ended;
    }

    /**
     * Streams {@code line} over this connection, which then belongs to the stream: closing the
     * stream closes the connection.
     */
    public ConsoleStream attach(String line) {
        ChunkInputStream in = new ChunkInputStream();
        consoles.put(line, in);
        sendQuietly(new Message.Attach(line));
        return new ConsoleStream() {
            private final OutputStream out = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (len > 0) {
                        channel.send(new Message.Input(line, java.util.Arrays.copyOfRange(b, off, off + len)));
                    }
                }
            };

            @Override
            public String line() {
                return line;
            }

            @Override
            public java.io.InputStream input() {
                return in;
            }

            @Override
            public OutputStream output() {
                return out;
            }

            @Override
            public void resize(int columns, int rows) {
                sendQuietly(new Message.Resize(line, columns, rows));
            }

            @Override
            public void close() {
                SupervisorClient.this.close();
            }
        };
    }

    private CompletableFuture<Message> request(java.util.function.LongFunction<Message> make) {
        long id = ids.incrementAndGet();
        CompletableFuture<Message> f = new CompletableFuture<>();
        pending.put(id, f);
        try {
            channel.send(make.apply(id));
        } catch (IOException e) {
            pending.remove(id);
            f.completeExceptionally(e);
        }
        return f;
    }

    private void sendQuietly(Message m) {
        try {
            channel.send(m);
        } catch (IOException e) {
            LOG.debug("sending {} failed: {}", m.getClass().getSimpleName(), e.getMessage());
        }
    }

    private void readLoop() {
        IOException failure = null;
        try {
            while (true) {
                dispatch(channel.receive());
            }
        } catch (EOFException e) {
            failure = new IOException("the supervisor closed the connection");
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IOException("interrupted");
        } finally {
            IOException f = failure == null ? new IOException("connection closed") : failure;
            welcome.completeExceptionally(f);
            snapshot.completeExceptionally(f);
            ended.completeExceptionally(f);
            pending.values().forEach(p -> p.completeExceptionally(f));
            consoles.values().forEach(ChunkInputStream::end);
            channel.close();
        }
    }

    private void dispatch(Message m) throws InterruptedException {
        if (m instanceof Message.Welcome w) {
            welcome.complete(w);
        } else if (m instanceof Message.Output out) {
            ChunkInputStream in = consoles.get(out.line());
            if (in != null) {
                in.feed(out.data());
            }
        } else if (m instanceof Message.Snapshot s) {
            snapshot.complete(s.snapshot());
        } else if (m instanceof Message.Event e) {
            eventListeners.forEach(l -> l.accept(e.event()));
        } else if (m instanceof Message.StopProgress p) {
            stopListeners.forEach(l -> l.accept(p.step()));
        } else if (m instanceof Message.Started s) {
            complete(s.id(), s);
        } else if (m instanceof Message.Opened o) {
            complete(o.id(), o);
        } else if (m instanceof Message.Children c) {
            complete(c.id(), c);
        } else if (m instanceof Message.CommandReply r) {
            complete(r.id(), r);
        } else if (m instanceof Message.Failure f) {
            failed(f);
        } else if (m instanceof Message.Ended e) {
            snapshot.complete(e.snapshot());
            ended.complete(e.snapshot());
            consoles.values().forEach(ChunkInputStream::end);
        }
    }

    private void complete(long id, Message m) {
        CompletableFuture<Message> f = pending.remove(id);
        if (f != null) {
            f.complete(m);
        }
    }

    private void failed(Message.Failure f) {
        SupervisorException e = new SupervisorException(f.message());
        if (f.id() != 0) {
            CompletableFuture<Message> p = pending.remove(f.id());
            if (p != null) {
                p.completeExceptionally(e);
            }
            return;
        }
        LOG.debug("supervisor refused: {}", f.message());
        welcome.completeExceptionally(e);
        snapshot.completeExceptionally(e);
        consoles.values().forEach(ChunkInputStream::end);
    }

    @Override
    public void close() {
        consoles.values().forEach(ChunkInputStream::end);
        channel.close();
    }
}
