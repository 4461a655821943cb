package org.umlmanager.model;

import java.util.Objects;

/** The value of a {@code conN=} / {@code sslN=} option. */
public sealed interface LineSpec {

    /** {@code none}: the line does not exist in the guest. */
    record Disabled() implements LineSpec {
    }

    /** One channel for both input and output. */
    record Single(ConsoleChannel channel) implements LineSpec {
        public Single {
            Objects.requireNonNull(channel, "channel");
        }
    }

    /** {@code input,output}: separate channels per direction. */
    record Split(ConsoleChannel input, ConsoleChannel output) implements LineSpec {
        public Split {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
        }
    }

    LineSpec DISABLED = new Disabled();

    static LineSpec of(ConsoleChannel channel) {
        return new Single(channel);
    }

    /** Whether this line is shown in an embedded terminal tab. */
    default boolean embedded() {
        return this instanceof Single s && s.channel() instanceof ConsoleChannel.Embedded;
    }
}
