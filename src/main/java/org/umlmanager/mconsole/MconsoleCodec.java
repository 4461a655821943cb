package org.umlmanager.mconsole;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The mconsole wire format (kernel {@code arch/um/include/shared/mconsole.h}), both directions so
 * that tests can play the kernel's part. Pure functions over byte buffers; integers are in the
 * host's byte order (little-endian on x86-64), as the kernel never converts them.
 */
public final class MconsoleCodec {

    public static final int MAGIC = 0xCAFEBABE;
    public static final int VERSION = 2;
    /** Size of the data field; a command must be shorter (the kernel NUL-terminates it). */
    public static final int MAX_DATA = 512;
    /** The longest command the kernel accepts, in bytes. */
    public static final int MAX_COMMAND_BYTES = MAX_DATA - 1;
    public static final int REQUEST_HEADER = 12;
    public static final int REPLY_HEADER = 12;
    /** The largest reply datagram the kernel sends. */
    public static final int MAX_REPLY_DATAGRAM = REPLY_HEADER + MAX_DATA;
    /** Text of the first reply to a request whose version is not 2; the real reply follows it. */
    public static final String VERSION_WARNING = "This driver only supports version 2 clients";

    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final int CHUNK = MAX_DATA - 1;

    private MconsoleCodec() {
    }

    /** A version-2 request for {@code command}. */
    public static ByteBuffer encodeRequest(String command) {
        return encodeRequest(MconsoleRequest.of(command));
    }

    /**
     * The datagram for {@code request}: header plus command bytes (the kernel accepts a datagram
     * shorter than the full struct). Version 0 is the old header-less text form.
     *
     * @throws IllegalArgumentException if the command is longer than {@value #MAX_COMMAND_BYTES}
     *                                  bytes or contains a NUL character
     */
    public static ByteBuffer encodeRequest(MconsoleRequest request) {
        byte[] text = commandBytes(request.command());
        if (request.version() == 0) {
            return ByteBuffer.wrap(text);
        }
        ByteBuffer b = ByteBuffer.allocate(REQUEST_HEADER + text.length).order(ORDER);
        b.putInt(MAGIC).putInt(request.version()).putInt(text.length).put(text);
        return b.flip();
    }

    /** Reads a request as the kernel does: without the magic number it is a version-0 text request. */
    public static MconsoleRequest decodeRequest(ByteBuffer datagram) throws MconsoleException {
        ByteBuffer b = datagram.duplicate().order(ORDER);
        if (b.remaining() < REQUEST_HEADER || b.getInt(b.position()) != MAGIC) {
            return new MconsoleRequest(0, new String(untilNul(bytes(b, b.remaining())), StandardCharsets.UTF_8));
        }
        b.getInt();
        int version = b.getInt();
        int len = b.getInt();
        if (len < 0 || len > b.remaining()) {
            throw new MconsoleException("malformed mconsole request: length " + Integer.toUnsignedString(len)
                    + " but " + b.remaining() + " data bytes");
        }
        return new MconsoleRequest(version, new String(untilNul(bytes(b, len)), StandardCharsets.UTF_8));
    }

    /**
     * Reads one reply datagram. A datagram that is not a well-formed header plus data but reads as
     * {@code "OK …"} or {@code "ERR …"} is the kernel's raw reply to a version-0 request.
     *
     * @throws MconsoleException if the datagram is neither
     */
    public static ReplyPacket decodeReply(ByteBuffer datagram) throws MconsoleException {
        ByteBuffer b = datagram.duplicate().order(ORDER);
        int size = b.remaining();
        if (size >= REPLY_HEADER) {
            int p = b.position();
            int err = b.getInt(p);
            int more = b.getInt(p + 4);
            int len = b.getInt(p + 8);
            if ((more == 0 || more == 1) && len >= 0 && len <= MAX_DATA && len <= size - REPLY_HEADER) {
                b.position(p + REPLY_HEADER);
                return new ReplyPacket(err, more == 1, untilNul(bytes(b, len)), false);
            }
        }
        byte[] raw = untilNul(bytes(b, size));
        String text = new String(raw, StandardCharsets.US_ASCII);
        if (text.startsWith("ERR ")) {
            return new ReplyPacket(1, false, Arrays.copyOfRange(raw, 4, raw.length), true);
        }
        if (text.startsWith("OK ")) {
            return new ReplyPacket(0, false, Arrays.copyOfRange(raw, 3, raw.length), true);
        }
        throw new MconsoleException("malformed mconsole reply: " + size + " bytes that are neither a reply"
                + " header nor reply text");
    }

    /**
     * The datagrams the kernel sends for one reply string: 511-byte chunks with {@code more} set,
     * the last taking {@code more}; only the first carries {@code err}.
     */
    public static List<ByteBuffer> encodeReply(int err, String text, boolean more) {
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        List<ByteBuffer> packets = new ArrayList<>();
        int offset = 0;
        do {
            int len = Math.min(all.length - offset, CHUNK);
            boolean last = offset + len == all.length;
            byte[] chunk = Arrays.copyOfRange(all, offset, offset + len);
            packets.add(encodeReplyPacket(new ReplyPacket(offset == 0 ? err : 0, !last || more, chunk, false)));
            offset += len;
        } while (offset < all.length);
        return packets;
    }

    /** One reply datagram: header, data and the NUL the kernel counts in {@code len}; raw text for raw packets. */
    public static ByteBuffer encodeReplyPacket(ReplyPacket packet) {
        byte[] data = packet.data();
        if (packet.raw()) {
            byte[] prefix = (packet.err() == 0 ? "OK " : "ERR ").getBytes(StandardCharsets.US_ASCII);
            return ByteBuffer.allocate(prefix.length + data.length).put(prefix).put(data).flip();
        }
        ByteBuffer b = ByteBuffer.allocate(REPLY_HEADER + data.length + 1).order(ORDER);
        b.putInt(packet.err()).putInt(packet.more() ? 1 : 0).putInt(data.length + 1).put(data).put((byte) 0);
        return b.flip();
    }

    private static byte[] commandBytes(String command) {
        byte[] text = command.getBytes(StandardCharsets.UTF_8);
        if (text.length > MAX_COMMAND_BYTES) {
            throw new IllegalArgumentException("the mconsole command is " + text.length + " bytes; the kernel"
                    + " accepts at most " + MAX_COMMAND_BYTES + " (it would answer 'Request too large'):"
                    + " shorten it");
        }
        if (command.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the mconsole command contains a NUL character, which would cut it"
                    + " short in the kernel: remove it");
        }
        return text;
    }

    private static byte[] bytes(ByteBuffer b, int n) {
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }

    private static byte[] untilNul(byte[] data) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == 0) {
                return Arrays.copyOf(data, i);
            }
        }
        return data;
    }
}
