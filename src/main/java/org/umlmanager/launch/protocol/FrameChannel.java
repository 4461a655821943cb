package org.umlmanager.launch.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

/**
 * Length-prefixed {@link Message}s over a blocking byte stream: a Unix stream socket, or any
 * pair of channels (a process's stdin and stdout, as an SSH channel gives them). One thread may
 * read while others write: reads and writes use the channels directly (the JDK's stream adapters
 * would make a blocked read hold up every write). {@link #send} is thread-safe; {@link #receive}
 * is for one reader thread.
 */
public final class FrameChannel implements AutoCloseable {

    /** No message is larger; console output is sent in chunks well below it. */
    public static final int MAX_FRAME = 4 << 20;

    private final ReadableByteChannel in;
    private final WritableByteChannel out;
    private final ByteBuffer header = ByteBuffer.allocate(4);
    private final Object writeLock = new Object();

    public FrameChannel(SocketChannel channel) {
        this(channel, channel);
    }

    public FrameChannel(ReadableByteChannel in, WritableByteChannel out) {
        this.in = in;
        this.out = out;
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
                out.write(frame);
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
            if (in.read(buffer) < 0) {
                throw new EOFException("connection closed");
            }
        }
    }

    public boolean isOpen() {
        return in.isOpen() && out.isOpen();
    }

    @Override
    public void close() {
        closeQuietly(in);
        if (out != in) {
            closeQuietly(out);
        }
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a stream we are done with: nothing to recover
        }
    }
}
