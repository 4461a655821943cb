package org.umlmanager.model;

import java.util.Objects;

/** Where one direction of a console or serial line goes on the host. */
public sealed interface ConsoleChannel {

    /**
     * Ours, not the kernel's: shown in an embedded terminal tab of UML Manager. The launcher
     * writes the first embedded line as {@code fd:0,fd:1} on its pty and the others as {@code pts}.
     */
    record Embedded() implements ConsoleChannel {
    }

    /** Discards output, never delivers input. */
    record Null() implements ConsoleChannel {
    }

    /** An already open host file descriptor. */
    record Fd(int fd) implements ConsoleChannel {
    }

    /** A TCP listener on all host interfaces; needs a netkit-style in.telnetd on the host. */
    record Port(int port) implements ConsoleChannel {
    }

    /** A new Unix98 pseudo terminal, allocated when the guest opens the line. */
    record Pts() implements ConsoleChannel {
    }

    /** A legacy BSD pty; modern hosts have none, so the validator refuses it. */
    record Pty() implements ConsoleChannel {
    }

    /** An existing host terminal device such as {@code /dev/tty8}. */
    record Tty(String device) implements ConsoleChannel {
        public Tty {
            Objects.requireNonNull(device, "device");
        }
    }

    /** A terminal emulator window per line (UML's default); needs {@code $DISPLAY}. */
    record Xterm() implements ConsoleChannel {
    }

    ConsoleChannel EMBEDDED = new Embedded();
    ConsoleChannel NULL = new Null();
    ConsoleChannel PTS = new Pts();
    ConsoleChannel XTERM = new Xterm();
}
