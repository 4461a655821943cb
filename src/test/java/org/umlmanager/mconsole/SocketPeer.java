package org.umlmanager.mconsole;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A fake kernel on a real AF_UNIX datagram socket: replies to each request's sender with the
 * datagrams its handler returns. {@link #close()} leaves the socket file behind, like a crash.
 */
final class SocketPeer implements AutoCloseable {

    @FunctionalInterface
    interface Handler {
        List<ByteBuffer> answer(MconsoleRequest request, SocketAddress sender) throws Exception;
    }

    private final AFUNIXDatagramChannel channel;
    private final Thread thread;
    final List<AFUNIXSocketAddress> senders = Collections.synchronizedList(new ArrayList<>());

    private SocketPeer(AFUNIXDatagramChannel channel, Handler handler) {
        this.channel = channel;
        this.thread = new Thread(() -> serve(handler), "fake-kernel");
        thread.setDaemon(true);
        thread.start();
    }

    static SocketPeer bind(Path path, Handler handler) throws IOException {
        AFUNIXDatagramChannel ch = AFUNIXDatagramChannel.open();
        ch.bind(AFUNIXSocketAddress.of(path));
        return new SocketPeer(ch, handler);
    }

    private void serve(Handler handler) {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        while (channel.isOpen()) {
            try {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                if (from == null) {
                    continue;
                }
                senders.add((AFUNIXSocketAddress) from);
                buffer.flip();
                for (ByteBuffer reply : handler.answer(MconsoleCodec.decodeRequest(buffer), from)) {
                    channel.send(reply, from);
                }
            } catch (Exception e) {
                if (!channel.isOpen()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        channel.close();
        thread.join(2000);
    }
}
