package org.umlmanager.launch;

import java.util.Objects;
import org.umlmanager.model.InstanceState;

/** Something that happened to a running guest, as the supervisor publishes it. */
public sealed interface GuestEvent {

    /** The instance the event is about. */
    String name();

    /** The state changed from {@code from} to {@code snapshot.state()}; the reason is in the snapshot. */
    record StateChanged(GuestSnapshot snapshot, InstanceState from) implements GuestEvent {
        public StateChanged {
            Objects.requireNonNull(snapshot);
            Objects.requireNonNull(from);
        }

        @Override
        public String name() {
            return snapshot.name();
        }
    }

    /** The guest rebooted from inside: the same process re-executed the kernel ({@code snapshot.boots()} counts). */
    record Rebooted(GuestSnapshot snapshot) implements GuestEvent {
        public Rebooted {
            Objects.requireNonNull(snapshot);
        }

        @Override
        public String name() {
            return snapshot.name();
        }
    }

    /** A line was connected (its pts allocated) or lost its device. */
    record LineChanged(String name, LineInfo line) implements GuestEvent {
        public LineChanged {
            Objects.requireNonNull(name);
            Objects.requireNonNull(line);
        }
    }

    /** The guest wrote {@code text} to its {@code /proc/mconsole}. */
    record GuestNotice(String name, String text) implements GuestEvent {
        public GuestNotice {
            Objects.requireNonNull(name);
            Objects.requireNonNull(text);
        }
    }
}
