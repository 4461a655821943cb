package org.umlmanager.mconsole;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One reply datagram. A reply is one or more packets; all but the last have {@code more} set.
 *
 * @param err  the error field read as a signed 32-bit value (drivers send negative errno values)
 * @param more whether further packets of the same reply follow
 * @param data the text bytes up to the first NUL
 * @param raw  true for the header-less text datagram the kernel sends to "version 0" clients
 */
public record ReplyPacket(int err, boolean more, byte[] data, boolean raw) {

    public ReplyPacket {
        Objects.requireNonNull(data, "data");
        data = data.clone();
    }

    public static ReplyPacket of(int err, boolean more, String text) {
        return new ReplyPacket(err, more, text.getBytes(StandardCharsets.UTF_8), false);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplyPacket p && p.err == err && p.more == more && p.raw == raw
                && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(err, more, raw, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "ReplyPacket[err=" + err + ", more=" + more + ", raw=" + raw + ", text=" + text() + "]";
    }
}
