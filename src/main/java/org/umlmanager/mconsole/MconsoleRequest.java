package org.umlmanager.mconsole;

import java.util.Objects;

/**
 * One request as it travels on the wire.
 *
 * @param version protocol version in the header; the kernel serves {@link MconsoleCodec#VERSION},
 *                answers other versions with a warning first, and treats a datagram without the
 *                magic number as a "version 0" request (decoded here with version 0)
 * @param command the command text, e.g. {@code config ubd1=/images/data.img}
 */
public record MconsoleRequest(int version, String command) {

    public MconsoleRequest {
        Objects.requireNonNull(command, "command");
    }

    public static MconsoleRequest of(String command) {
        return new MconsoleRequest(MconsoleCodec.VERSION, command);
    }
}
