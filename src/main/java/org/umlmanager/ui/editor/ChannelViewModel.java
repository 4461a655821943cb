package org.umlmanager.ui.editor;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.umlmanager.model.ConsoleChannel;

/** One direction of a line: the channel type and its value (fd number, port, device). */
public final class ChannelViewModel {

    private final ObjectProperty<ChannelType> type = new SimpleObjectProperty<>(ChannelType.EMBEDDED);
    private final StringProperty value = new SimpleStringProperty("");

    /** The text of a channel's value field: a descriptor, a port, a device, or nothing. */
    private static final ConsoleChannel.Visitor<String> VALUE = new ConsoleChannel.Visitor<>() {
        public String embedded(ConsoleChannel.Embedded x) {
            return "";
        }

        public String none(ConsoleChannel.Null x) {
            return "";
        }

        public String fd(ConsoleChannel.Fd x) {
            return Integer.toString(x.fd());
        }

        public String port(ConsoleChannel.Port x) {
            return Integer.toString(x.port());
        }

        public String pts(ConsoleChannel.Pts x) {
            return "";
        }

        public String pty(ConsoleChannel.Pty x) {
            return "";
        }

        public String tty(ConsoleChannel.Tty x) {
            return x.device();
        }

        public String xterm(ConsoleChannel.Xterm x) {
            return "";
        }
    };

    ChannelViewModel(ConsoleChannel channel, Runnable onChange) {
        type.set(ChannelType.of(channel));
        value.set(channel.accept(VALUE));
        type.addListener(o -> onChange.run());
        value.addListener(o -> onChange.run());
    }

    ConsoleChannel toModel() {
        return switch (type.get()) {
            case EMBEDDED -> ConsoleChannel.EMBEDDED;
            case NULL -> ConsoleChannel.NULL;
            case PTS -> ConsoleChannel.PTS;
            case XTERM -> ConsoleChannel.XTERM;
            case PTY -> new ConsoleChannel.Pty();
            case FD -> new ConsoleChannel.Fd(number());
            case PORT -> new ConsoleChannel.Port(number());
            case TTY -> new ConsoleChannel.Tty(value.get().strip());
        };
    }

    /** The form lets digits only; an empty or huge value becomes -1 so that the validator names it. */
    private int number() {
        try {
            return Integer.parseInt(value.get().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public ObjectProperty<ChannelType> typeProperty() {
        return type;
    }

    public StringProperty valueProperty() {
        return value;
    }
}
