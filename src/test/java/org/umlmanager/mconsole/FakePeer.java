package org.umlmanager.mconsole;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory kernel for client tests: each request is answered with the datagrams a handler
 * returns. Counts transports and requests in flight (from send to the last packet taken).
 */
final class FakePeer implements MconsoleTransport.Factory {

    @FunctionalInterface
    interface Handler {
        List<ByteBuffer> answer(MconsoleRequest request, Link link) throws Exception;
    }

    private static final ByteBuffer CLOSED = ByteBuffer.allocate(0);

    private final Handler handler;
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final List<MconsoleRequest> requests = Collections.synchronizedList(new ArrayList<>());
    final List<Link> links = Collections.synchronizedList(new ArrayList<>());

    FakePeer(Handler handler) {
        this.handler = handler;
    }

    /** Replies with one kernel-style reply (split into packets as the kernel does). */
    static FakePeer answering(int err, String text) {
        return new FakePeer((r, l) -> MconsoleCodec.encodeReply(err, text, false));
    }

    static List<ByteBuffer> packets(ReplyPacket... packets) {
        List<ByteBuffer> out = new ArrayList<>();
        for (ReplyPacket p : packets) {
            out.add(MconsoleCodec.encodeReplyPacket(p));
        }
        return out;
    }

    @Override
    public Link open(Path socket) {
        opened.incrementAndGet();
        Link link = new Link();
        links.add(link);
        return link;
    }

    /** One client's transport; {@link #deliver} puts datagrams in its inbox as if sent late. */
    final class Link implements MconsoleTransport {
        private final BlockingQueue<ByteBuffer> inbox = new LinkedBlockingQueue<>();
        volatile boolean closed;

        @Override
        public void send(ByteBuffer datagram) throws java.io.IOException {
            if (closed) {
                throw new MconsoleException("fake link closed");
            }
            MconsoleRequest request = MconsoleCodec.decodeRequest(datagram);
            requests.add(request);
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                inbox.addAll(handler.answer(request, this));
            } catch (java.io.IOException | RuntimeException e) {
                inFlight.decrementAndGet();
                throw e;
            } catch (Exception e) {
                inFlight.decrementAndGet();
                throw new IllegalStateException(e);
            }
        }

        void deliver(List<ByteBuffer> datagrams) {
            inbox.addAll(datagrams);
        }

        @Override
        public Optional<ByteBuffer> receive(Duration timeout) throws java.io.IOException {
            ByteBuffer b;
            try {
                b = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MconsoleException("interrupted", e);
            }
            if (b == CLOSED || closed) {
                throw new MconsoleException("fake link closed");
            }
            if (b != null && !MconsoleCodec.decodeReply(b).more()) {
                inFlight.decrementAndGet();
            }
            return Optional.ofNullable(b);
        }

        @Override
        public void close() {
            closed = true;
            inbox.offer(CLOSED);
        }
    }
}
