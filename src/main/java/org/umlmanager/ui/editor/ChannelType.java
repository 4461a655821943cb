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
        if (c instanceof ConsoleChannel.Embedded) {
            return EMBEDDED;
        } else if (c instanceof ConsoleChannel.Null) {
            return NULL;
        } else if (c instanceof ConsoleChannel.Pts) {
            return PTS;
        } else if (c instanceof ConsoleChannel.Port) {
            return PORT;
        } else if (c instanceof ConsoleChannel.Fd) {
            return FD;
        } else if (c instanceof ConsoleChannel.Tty) {
            return TTY;
        } else if (c instanceof ConsoleChannel.Xterm) {
            return XTERM;
        }
        return PTY;
    }

    /** Whether the channel takes a value: a descriptor, a port or a device. */
    public boolean hasValue() {
        return this == FD || this == PORT || this == TTY;
    }

    @Override
    public String toString() {
        return label;
    }
}
