package org.umlmanager.launch.holder;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.launch.protocol.FrameChannel;
import org.umlmanager.launch.protocol.Message;

/**
 * One client of the supervisor. A reader thread takes its requests; a writer thread sends to it
 * from a queue, so that a slow client never holds up a guest's output: when more than {@link
 * #OUTPUT_BUDGET} bytes of console output wait for it, further output is skipped and the client is
 * told how much it missed. Control messages are never skipped. The connection belongs to no guest
 * until it starts or opens one, then to that guest for good.
 */
final class ClientConnection implements OutputLine.Subscriber {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    /** Console output that may wait for one client; bounds the supervisor's memory per client. */
    static final long OUTPUT_BUDGET = 4L << 20;
    private static final Message CLOSE = new Message.Watch();

    private final FrameChannel channel;
    private final Supervisor supervisor;
    private final LinkedBlockingQueue<Message> outbox = new LinkedBlockingQueue<>();
    private final AtomicLong queuedOutput = new AtomicLong();
    private final Map<String, AtomicLong> skipped = new ConcurrentHashMap<>();
    private final Set<OutputLine> attached = ConcurrentHashMap.newKeySet();
    private final String id;
    private volatile GuestHost guest;
    private volatile boolean watching;
    private final AtomicBoolean closed = new AtomicBoolean();

    ClientConnection(FrameChannel channel, Supervisor supervisor, String id) {
        this.channel = channel;
        this.supervisor = supervisor;
        this.id = id;
    }

    void start() {
        Thread reader = new Thread(this::readLoop, "client-" + id + "-in");
        reader.setDaemon(true);
        reader.start();
        Thread writer = new Thread(this::writeLoop, "client-" + id + "-out");
        writer.setDaemon(true);
        writer.start();
    }

    /** The guest this connection belongs to, or null before a start or open. */
    GuestHost guest() {
        return guest;
    }

    void bind(GuestHost host) {
        guest = host;
    }

    boolean watching() {
        return watching;
    }

    void watch() {
        watching = true;
    }

    void send(Message message) {
        if (!closed.get()) {
            outbox.add(message);
        }
    }

    /** Streams {@code line} to this client (its scrollback first); it is let go when the connection closes. */
    void attach(OutputLine line) {
        attached.add(line);
        line.attach(this);
        if (closed.get()) {
            line.detach(this);
        }
    }

    @Override
    public void output(String line, byte[] data) {
        if (closed.get()) {
            return;
        }
        if (queuedOutput.addAndGet(data.length) > OUTPUT_BUDGET) {
            queuedOutput.addAndGet(-data.length);
            skipped.computeIfAbsent(line, l -> new AtomicLong()).addAndGet(data.length);
            return;
        }
        outbox.add(new Message.Output(line, data));
    }

    /** Sends what is queued, then closes. */
    void finish() {
        outbox.add(CLOSE);
    }

    private void readLoop() {
        try {
            while (!closed.get()) {
                supervisor.handle(this, channel.receive());
            }
        } catch (EOFException e) {
            LOG.debug("client {} disconnected", id);
        } catch (IOException e) {
            LOG.debug("client {} failed: {}", id, e.getMessage());
        } finally {
            close();
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                Message m = outbox.take();
                if (m == CLOSE) {
                    break;
                }
                if (m instanceof Message.Output out) {
                    queuedOutput.addAndGet(-out.data().length);
                    AtomicLong missed = skipped.get(out.line());
                    long lost = missed == null ? 0 : missed.getAndSet(0);
                    if (lost > 0) {
                        channel.send(new Message.Output(out.line(), ("\r\n[uml-manager: " + lost
                                + " bytes of output skipped: this client read too slowly]\r\n")
                                .getBytes(StandardCharsets.UTF_8)));
                    }
                }
                channel.send(m);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("sending to client {} failed: {}", id, e.getMessage());
        } finally {
            close();
        }
    }

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        attached.forEach(l -> l.detach(this));
        outbox.clear();
        outbox.add(CLOSE);
        channel.close();
        supervisor.closed(this);
    }
}
