package org.umlmanager.ui.editor;

import org.umlmanager.model.ConsoleChannel;

/** The channel choices of a console or serial line. */
public enum ChannelType {
    EMBEDDED("Embedded terminal tab"), NULL("Discard (null)"), PTS("Host pseudo terminal (pts)"),
    PORT("TCP port (telnet)"), FD("Host file descriptor"), TTY("Host terminal device"),
    XTERM("Terminal window (xterm)"), PTY("Legacy BSD pty");

    private final String label;

    ChannelType(String label) {
        this.label = label;
    }

    public static ChannelType of(ConsoleChannel c) {
        return c.accept(OF);
    }

    private static final ConsoleChannel.Visitor<ChannelType> OF = new ConsoleChannel.Visitor<>() {
        public ChannelType embedded(ConsoleChannel.Embedded x) {
            return EMBEDDED;
        }

        public ChannelType none(ConsoleChannel.Null x) {
            return NULL;
        }

        public ChannelType fd(ConsoleChannel.Fd x) {
            return FD;
        }

        public ChannelType port(ConsoleChannel.Port x) {
            return PORT;
        }

        public ChannelType pts(ConsoleChannel.Pts x) {
            return PTS;
        }

        public ChannelType pty(ConsoleChannel.Pty x) {
            return PTY;
        }

        public ChannelType tty(ConsoleChannel.Tty x) {
            return TTY;
        }

        public ChannelType xterm(ConsoleChannel.Xterm x) {
            return XTERM;
        }
    };

    /** Whether the channel takes a value: a descriptor, a port or a device. */
    public boolean hasValue() {
        return this == FD || this == PORT || this == TTY;
    }

    @Override
    public String toString() {
        return label;
    }
}
