package org.umlmanager.launch.holder;

import java.util.Objects;
import org.umlmanager.launch.protocol.Message.ReplyKind;

/** How an mconsole command ended, as the holder passes it on to its clients. */
record CommandResult(ReplyKind kind, int errorCode, String text) {

    CommandResult {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(text);
    }

    static CommandResult failed(String why) {
        return new CommandResult(ReplyKind.FAILED, 1, why);
    }

    boolean ok() {
        return kind == ReplyKind.REPLY && errorCode == 0;
    }
}
