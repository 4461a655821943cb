package org.umlmanager.mconsole;

import java.nio.file.Path;
import java.util.Objects;

/** A message the kernel sent to the notify socket given with {@code mconsole=notify:PATH}. */
public sealed interface NotifyEvent {

    /**
     * The mconsole socket is up: the instance is ready for requests. Sent once per boot, so again
     * after every reboot (the kernel re-executes itself). The path is the real one, which differs
     * from the requested umid's when that umid was taken.
     */
    record SocketReady(Path mconsoleSocket) implements NotifyEvent {
        public SocketReady {
            Objects.requireNonNull(mconsoleSocket, "mconsoleSocket");
        }
    }

    /** The kernel panicked with this message (e.g. {@code sysrq triggered crash}); the process aborts next. */
    record Panic(String message) implements NotifyEvent {
        public Panic {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Defined by the protocol but never sent by 6.1 kernels. */
    record Hang() implements NotifyEvent {
    }

    /** A guest process wrote {@code text} to {@code /proc/mconsole} (at most 512 bytes, as written). */
    record UserNotify(String text) implements NotifyEvent {
        public UserNotify {
            Objects.requireNonNull(text, "text");
        }
    }
}
