package org.umlmanager.launch.protocol;

import java.util.Objects;
import java.util.List;
import org.umlmanager.launch.ChildSpec;
import org.umlmanager.launch.ChildStatus;
import org.umlmanager.launch.GuestEvent;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.launch.LaunchSpec;
import org.umlmanager.launch.StopMode;
import org.umlmanager.launch.StopStep;

/**
 * The messages between the supervisor and its clients, over a byte stream (the supervisor's Unix
 * socket; nothing in them depends on it being local, so an SSH channel's stdin and stdout can
 * carry them as well). A client opens with {@link Hello}; the supervisor answers {@link Welcome}.
 * A connection then belongs to one guest: the one it starts ({@link Start}) or opens ({@link
 * Open}); every later request is about that guest. After that either side may send at any time;
 * requests that expect an answer carry an id the answer repeats.
 */
public sealed interface Message {

    /** Bumped whenever a message's layout changes; a mismatch is refused with a clear message. */
    int PROTOCOL_VERSION = 2;

    // ---- client to supervisor ----

    record Hello(int version, String client) implements Message {
    }

    /** Start a guest and bind this connection to it. Answered by {@link Started} or {@link Failure}. */
    record Start(long id, LaunchSpec spec) implements Message {
    }

    /** Bind this connection to the running guest {@code name}. Answered by {@link Opened} or {@link Failure}. */
    record Open(long id, String name) implements Message {
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

    /** An mconsole command, run by the supervisor so that it sees pauses and halts. */
    record Command(long id, String command) implements Message {
    }

    /** Start a supervised child (or bind a running one to more guests); answered by {@link Children}. */
    record ChildStart(long id, ChildSpec spec) implements Message {
    }

    /** Stop a supervised child; answered by {@link Children} with its last status once it has ended. */
    record ChildStop(long id, String name) implements Message {
    }

    /** List the supervised children; answered by {@link Children}. */
    record ChildList(long id) implements Message {
    }

    // ---- supervisor to client ----

    /** {@code idle}: the connection is not bound to a guest yet. */
    record Welcome(int version, long holderPid, boolean idle) implements Message {
    }

    record Started(long id, GuestSnapshot snapshot) implements Message {
    }

    record Opened(long id, GuestSnapshot snapshot) implements Message {
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

    /** The guest's process ended; the supervisor closes the connection after this. */
    record Ended(GuestSnapshot snapshot) implements Message {
    }

    /** The answer to a child request: the child it was about, or every child for {@link ChildList}. */
    record Children(long id, List<ChildStatus> children) implements Message {
        public Children {
            children = List.copyOf(children);
        }
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
