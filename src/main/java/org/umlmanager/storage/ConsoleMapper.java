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
        return spec.accept(new LineSpec.Visitor<>() {
            public LineSpecDocument disabled(LineSpec.Disabled d) {
                return new LineSpecDocument.Disabled();
            }

            public LineSpecDocument single(LineSpec.Single s) {
                return new LineSpecDocument.Single(toDocument(s.channel()));
            }

            public LineSpecDocument split(LineSpec.Split s) {
                return new LineSpecDocument.Split(toDocument(s.input()), toDocument(s.output()));
            }
        });
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
        return channel.accept(TO_DOCUMENT);
    }

    private static final ConsoleChannel.Visitor<ChannelDocument> TO_DOCUMENT = new ConsoleChannel.Visitor<>() {
        public ChannelDocument embedded(ConsoleChannel.Embedded x) {
            return new ChannelDocument.Embedded();
        }

        public ChannelDocument none(ConsoleChannel.Null x) {
            return new ChannelDocument.Null();
        }

        public ChannelDocument fd(ConsoleChannel.Fd fd) {
            return new ChannelDocument.Fd(fd.fd());
        }

        public ChannelDocument port(ConsoleChannel.Port port) {
            return new ChannelDocument.Port(port.port());
        }

        public ChannelDocument pts(ConsoleChannel.Pts x) {
            return new ChannelDocument.Pts();
        }

        public ChannelDocument pty(ConsoleChannel.Pty x) {
            return new ChannelDocument.Pty();
        }

        public ChannelDocument tty(ConsoleChannel.Tty tty) {
            return new ChannelDocument.Tty(tty.device());
        }

        public ChannelDocument xterm(ConsoleChannel.Xterm x) {
            return new ChannelDocument.Xterm();
        }
    };

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
