package org.umlmanager.model;

import java.util.Objects;

/** Where one direction of a console or serial line goes on the host. */
public sealed interface ConsoleChannel {

    /** Runs the {@code visitor}'s method for this channel. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per channel: adding a channel adds a method here, so every visitor (the parser,
     * generator, validator, storage and editor each have one) stops compiling until it handles it.
     */
    interface Visitor<R> {
        R embedded(Embedded x);
        R none(Null x);
        R fd(Fd x);
        R port(Port x);
        R pts(Pts x);
        R pty(Pty x);
        R tty(Tty x);
        R xterm(Xterm x);
    }

    /**
     * Ours, not the kernel's: shown in an embedded terminal tab of UML Manager. The launcher
     * writes the first embedded line as {@code fd:0,fd:1} on its pty and the others as {@code pts}.
     */
    record Embedded() implements ConsoleChannel {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.embedded(this);
        }
    }

    /** Discards output, never delivers input. */
    record Null() implements ConsoleChannel {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.none(this);
        }
    }

    /** An already open host file descriptor. */
    record Fd(int fd) implements ConsoleChannel {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.fd(this);
        }
    }

    /** A TCP listener on all host interfaces; needs a netkit-style in.telnetd on the host. */
    record Port(int port) implements ConsoleChannel {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.port(this);
        }
    }

    /** A new Unix98 pseudo terminal, allocated when the guest opens the line. */
    record Pts() implements ConsoleChannel {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pts(this);
        }
    }

    /** A legacy BSD pty; modern hosts have none, so the validator refuses it. */
    record Pty() implements ConsoleChannel {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pty(this);
        }
    }

    /** An existing host terminal device such as {@code /dev/tty8}. */
    record Tty(String device) implements ConsoleChannel {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.tty(this);
        }

        public Tty {
            Objects.requireNonNull(device, "device");
        }
    }

    /** A terminal emulator window per line (UML's default); needs {@code $DISPLAY}. */
    record Xterm() implements ConsoleChannel {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.xterm(this);
        }
    }

    ConsoleChannel EMBEDDED = new Embedded();
    ConsoleChannel NULL = new Null();
    ConsoleChannel PTS = new Pts();
    ConsoleChannel XTERM = new Xterm();
}
