package org.umlmanager.storage;

import static org.umlmanager.storage.Nullables.optInt;
import static org.umlmanager.storage.Nullables.orNull;
import static org.umlmanager.storage.Nullables.require;

import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;
import org.umlmanager.storage.InstanceDocument.ConsoleLineDocument;

/** Console lines between the model and their documents. */
final class ConsoleMapper {

    private ConsoleMapper() {
    }

    static ConsoleLineDocument toDocument(ConsoleLine line) {
        return new ConsoleLineDocument(line.kind().prefix(), orNull(line.index()), toDocument(line.spec()));
    }

    static ConsoleLine toModel(ConsoleLineDocument doc, String path) throws DocumentFormatException {
        String kindName = require(doc.kind(), path + ".kind");
        LineKind kind = switch (kindName) {
            case "con" -> LineKind.CON;
            case "ssl" -> LineKind.SSL;
            default -> throw new DocumentFormatException(
                    path + ".kind is '" + kindName + "'; expected 'con' or 'ssl'");
        };
        return new ConsoleLine(kind, optInt(doc.index()), toModel(require(doc.spec(), path + ".spec"), path + ".spec"));
    }

    private static LineSpecDocument toDocument(LineSpec spec) {
        if (spec instanceof LineSpec.Single s) {
            return new LineSpecDocument.Single(toDocument(s.channel()));
        }
        if (spec instanceof LineSpec.Split s) {
            return new LineSpecDocument.Split(toDocument(s.input()), toDocument(s.output()));
        }
        return new LineSpecDocument.Disabled();
    }

    private static LineSpec toModel(LineSpecDocument doc, String path) throws DocumentFormatException {
        if (doc instanceof LineSpecDocument.Single s) {
            return new LineSpec.Single(toModel(require(s.channel(), path + ".channel"), path + ".channel"));
        }
        if (doc instanceof LineSpecDocument.Split s) {
            return new LineSpec.Split(toModel(require(s.input(), path + ".input"), path + ".input"),
                    toModel(require(s.output(), path + ".output"), path + ".output"));
        }
        return LineSpec.DISABLED;
    }

    private static ChannelDocument toDocument(ConsoleChannel channel) {
        if (channel instanceof ConsoleChannel.Embedded) {
            return new ChannelDocument.Embedded();
        } else if (channel instanceof ConsoleChannel.Null) {
            return new ChannelDocument.Null();
        } else if (channel instanceof ConsoleChannel.Fd fd) {
            return new ChannelDocument.Fd(fd.fd());
        } else if (channel instanceof ConsoleChannel.Port port) {
            return new ChannelDocument.Port(port.port());
        } else if (channel instanceof ConsoleChannel.Pts) {
            return new ChannelDocument.Pts();
        } else if (channel instanceof ConsoleChannel.Pty) {
            return new ChannelDocument.Pty();
        } else if (channel instanceof ConsoleChannel.Tty tty) {
            return new ChannelDocument.Tty(tty.device());
        } else if (channel instanceof ConsoleChannel.Xterm) {
            return new ChannelDocument.Xterm();
        }
        throw new IllegalArgumentException("unknown console channel " + channel);
    }

    private static ConsoleChannel toModel(ChannelDocument doc, String path) throws DocumentFormatException {
        if (doc instanceof ChannelDocument.Embedded) {
            return new ConsoleChannel.Embedded();
        } else if (doc instanceof ChannelDocument.Null) {
            return new ConsoleChannel.Null();
        } else if (doc instanceof ChannelDocument.Fd fd) {
            return new ConsoleChannel.Fd(require(fd.fd(), path + ".fd"));
        } else if (doc instanceof ChannelDocument.Port port) {
            return new ConsoleChannel.Port(require(port.port(), path + ".port"));
        } else if (doc instanceof ChannelDocument.Pts) {
            return new ConsoleChannel.Pts();
        } else if (doc instanceof ChannelDocument.Pty) {
            return new ConsoleChannel.Pty();
        } else if (doc instanceof ChannelDocument.Tty tty) {
            return new ConsoleChannel.Tty(require(tty.device(), path + ".device"));
        } else if (doc instanceof ChannelDocument.Xterm) {
            return new ConsoleChannel.Xterm();
        }
        throw new IllegalArgumentException("unknown channel document " + doc);
    }
}
