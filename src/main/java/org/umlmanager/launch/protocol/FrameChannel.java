package org.umlmanager.launch.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Length-prefixed {@link Message}s over a blocking Unix stream socket. One thread may read while
 * others write: reads and writes use the channel directly (the JDK's stream adapters would make
 * a blocked read hold up every write). {@link #send} is thread-safe; {@link #receive} is for one
 * reader thread.
 */
public final class FrameChannel implements AutoCloseable {

    /** No message is larger; console output is sent in chunks well below it. */
    public static final int MAX_FRAME = 4 << 20;

    private final SocketChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(4);
    private final Object writeLock = new Object();

    public FrameChannel(SocketChannel channel) {
        this.channel = channel;
    }

    public static FrameChannel connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new FrameChannel(ch);
    }

    public void send(Message message) throws IOException {
        byte[] payload = MessageCodec.encode(message);
        ByteBuffer frame = ByteBuffer.allocate(4 + payload.length);
        frame.putInt(payload.length).put(payload).flip();
        synchronized (writeLock) {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        }
    }

    /** The next message; {@link EOFException} when the peer closed the connection. */
    public Message receive() throws IOException {
        header.clear();
        fill(header);
        int length = header.getInt(0);
        if (length <= 0 || length > MAX_FRAME) {
            throw new IOException("bad frame length " + length);
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        fill(payload);
        return MessageCodec.decode(payload.array());
    }

    private void fill(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("connection closed");
            }
        }
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a socket we are done with: nothing to recover
        }
    }
}
