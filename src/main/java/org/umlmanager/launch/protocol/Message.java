package org.umlmanager.launch.protocol;

import java.util.Objects;
import org.umlmanager.launch.GuestEvent;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.launch.LaunchSpec;
import org.umlmanager.launch.StopMode;
import org.umlmanager.launch.StopStep;

/**
 * The messages between a holder and its clients over the holder's Unix stream socket. A client
 * opens with {@link Hello}; the holder answers {@link Welcome}. After that either side may send
 * at any time; requests that expect an answer carry an id the answer repeats.
 */
public sealed interface Message {

    /** Bumped whenever a message's layout changes; a mismatch is refused with a clear message. */
    int PROTOCOL_VERSION = 1;

    // ---- client to holder ----

    record Hello(int version, String client) implements Message {
    }

    /** Start the guest (an idle holder only). Answered by {@link Started} or {@link Failure}. */
    record Start(long id, LaunchSpec spec) implements Message {
    }

    /** Send the snapshot now and every event from now on. */
    record Watch() implements Message {
    }

    /** Stream a line: its scrollback first, then live output, as {@link Output} messages. */
    record Attach(String line) implements Message {
    }

    record Input(String line, byte[] data) implements Message {
    }

    record Resize(String line, int columns, int rows) implements Message {
    }

    /** Stop the guest; progress comes as {@link StopProgress}, the end as {@link Ended}. */
    record Stop(StopMode mode) implements Message {
    }

    /** An mconsole command, run by the holder so that it sees pauses and halts. */
    record Command(long id, String command) implements Message {
    }

    // ---- holder to client ----

    record Welcome(int version, long holderPid, boolean idle) implements Message {
    }

    record Started(long id, GuestSnapshot snapshot) implements Message {
    }

    record Failure(long id, String message) implements Message {
    }

    record Snapshot(GuestSnapshot snapshot) implements Message {
    }

    record Event(GuestEvent event) implements Message {
    }

    record Output(String line, byte[] data) implements Message {
    }

    record StopProgress(StopStep step) implements Message {
    }

    /** The answer to a {@link Command}. */
    record CommandReply(long id, ReplyKind kind, int errorCode, String text) implements Message {
        public CommandReply {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(text);
        }
    }

    /** The guest's process ended; the holder closes the connection after this. */
    record Ended(GuestSnapshot snapshot) implements Message {
    }

    /** How an mconsole command ended. */
    enum ReplyKind {
        /** The kernel replied; {@code errorCode} and {@code text} are its reply. */
        REPLY,
        /** No complete reply within the timeout; {@code text} is what arrived. */
        TIMEOUT,
        /** Nothing answers at the socket (the guest is not up or gone); {@code text} says why. */
        UNREACHABLE,
        /** Another failure; {@code text} says what. */
        FAILED
    }
}
