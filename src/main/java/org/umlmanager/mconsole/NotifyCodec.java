package org.umlmanager.mconsole;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The layout of {@code struct mconsole_notify}: magic, version, type, length (host byte order)
 * and up to 512 data bytes. Socket paths and panic messages carry a NUL terminator; user
 * notifications are the guest's bytes as written, without one.
 */
public final class NotifyCodec {

    public static final int HEADER = 16;
    public static final int MAX_DATA = MconsoleCodec.MAX_DATA;
    public static final int MAX_DATAGRAM = HEADER + MAX_DATA;

    static final int SOCKET = 0;
    static final int PANIC = 1;
    static final int HANG = 2;
    static final int USER_NOTIFY = 3;

    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private NotifyCodec() {
    }

    /** @throws MconsoleException if the datagram is not a notification this kernel sends */
    public static NotifyEvent decode(ByteBuffer datagram) throws MconsoleException {
        ByteBuffer b = datagram.duplicate().order(ORDER);
        int size = b.remaining();
        if (size < HEADER) {
            throw new MconsoleException("malformed mconsole notification: " + size + " bytes, shorter than its header");
        }
        int magic = b.getInt();
        int version = b.getInt();
        int type = b.getInt();
        int len = b.getInt();
        if (magic != MconsoleCodec.MAGIC) {
            throw new MconsoleException("not an mconsole notification: magic 0x" + Integer.toHexString(magic));
        }
        if (len < 0 || len > MAX_DATA || len > b.remaining()) {
            throw new MconsoleException("malformed mconsole notification (version " + version + "): length "
                    + Integer.toUnsignedString(len) + " with " + b.remaining() + " data bytes");
        }
        byte[] data = new byte[len];
        b.get(data);
        return switch (type) {
            case SOCKET -> new NotifyEvent.SocketReady(Path.of(cString(data)));
            case PANIC -> new NotifyEvent.Panic(cString(data));
            case HANG -> new NotifyEvent.Hang();
            case USER_NOTIFY -> new NotifyEvent.UserNotify(new String(data, StandardCharsets.UTF_8));
            default -> throw new MconsoleException("unknown mconsole notification type " + type);
        };
    }

    /** The datagram the kernel sends for {@code event} (for tests that play the kernel). */
    public static ByteBuffer encode(NotifyEvent event) {
        int type;
        byte[] data;
        if (event instanceof NotifyEvent.SocketReady s) {
            type = SOCKET;
            data = withNul(s.mconsoleSocket().toString());
        } else if (event instanceof NotifyEvent.Panic p) {
            type = PANIC;
            data = withNul(p.message());
        } else if (event instanceof NotifyEvent.UserNotify u) {
            type = USER_NOTIFY;
            data = u.text().getBytes(StandardCharsets.UTF_8);
        } else {
            type = HANG;
            data = new byte[0];
        }
        data = Arrays.copyOf(data, Math.min(data.length, MAX_DATA));
        ByteBuffer b = ByteBuffer.allocate(HEADER + data.length).order(ORDER);
        b.putInt(MconsoleCodec.MAGIC).putInt(MconsoleCodec.VERSION).putInt(type).putInt(data.length).put(data);
        return b.flip();
    }

    private static String cString(byte[] data) {
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }

    private static byte[] withNul(String s) {
        byte[] text = s.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(text, text.length + 1);
    }
}
