package org.umlmanager.mconsole;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the packets of one request's reply: data is concatenated until a packet without
 * {@code more}; the error value is the first packet's. Bytes are joined before decoding, so a
 * UTF-8 character split across packets survives. The kernel's "only version 2" warning is a
 * complete reply of its own that precedes the real one; it is logged and skipped.
 * Not thread-safe: one assembler per request.
 */
final class ReplyAssembler {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyAssembler.class);

    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private boolean started;
    private int err;
    private boolean warningSeen;

    /** Adds a packet; returns the reply once its last packet has arrived. */
    Optional<MconsoleReply> accept(ReplyPacket packet) {
        if (!started) {
            started = true;
            err = packet.err();
        }
        data.writeBytes(packet.data());
        if (packet.more()) {
            return Optional.empty();
        }
        MconsoleReply reply = new MconsoleReply(err, partialText());
        data.reset();
        started = false;
        if (!warningSeen && !reply.ok() && !packet.raw() && reply.text().equals(MconsoleCodec.VERSION_WARNING)) {
            warningSeen = true;
            LOG.warn("mconsole: the kernel warned '{}'; waiting for the reply that follows", reply.text());
            return Optional.empty();
        }
        return Optional.of(reply);
    }

    /** The text received so far for the reply in progress. */
    String partialText() {
        return data.toString(StandardCharsets.UTF_8);
    }
}
