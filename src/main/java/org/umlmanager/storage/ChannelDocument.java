package org.umlmanager.storage;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A {@code ConsoleChannel} of the model; the variant is named by {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ChannelDocument.Embedded.class, name = "embedded"),
        @JsonSubTypes.Type(value = ChannelDocument.Null.class, name = "null"),
        @JsonSubTypes.Type(value = ChannelDocument.Fd.class, name = "fd"),
        @JsonSubTypes.Type(value = ChannelDocument.Port.class, name = "port"),
        @JsonSubTypes.Type(value = ChannelDocument.Pts.class, name = "pts"),
        @JsonSubTypes.Type(value = ChannelDocument.Pty.class, name = "pty"),
        @JsonSubTypes.Type(value = ChannelDocument.Tty.class, name = "tty"),
        @JsonSubTypes.Type(value = ChannelDocument.Xterm.class, name = "xterm")})
sealed interface ChannelDocument {

    record Embedded() implements ChannelDocument {
    }

    record Null() implements ChannelDocument {
    }

    record Fd(Integer fd) implements ChannelDocument {
    }

    record Port(Integer port) implements ChannelDocument {
    }

    record Pts() implements ChannelDocument {
    }

    record Pty() implements ChannelDocument {
    }

    record Tty(String device) implements ChannelDocument {
    }

    record Xterm() implements ChannelDocument {
    }
}
