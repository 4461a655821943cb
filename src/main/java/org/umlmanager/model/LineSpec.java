package org.umlmanager.model;

import java.util.Objects;

/** The value of a {@code conN=} / {@code sslN=} option. */
public sealed interface LineSpec {

    /** Runs the {@code visitor}'s method for this kind of line. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of line: adding a kind of line adds a method here, so every visitor (the parser,
     * generator, validator, storage and editor each have one) stops compiling until it handles it.
     */
    interface Visitor<R> {
        R disabled(Disabled x);
        R single(Single x);
        R split(Split x);
    }

    /** {@code none}: the line does not exist in the guest. */
    record Disabled() implements LineSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.disabled(this);
        }
    }

    /** One channel for both input and output. */
    record Single(ConsoleChannel channel) implements LineSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.single(this);
        }

        public Single {
            Objects.requireNonNull(channel, "channel");
        }
    }

    /** {@code input,output}: separate channels per direction. */
    record Split(ConsoleChannel input, ConsoleChannel output) implements LineSpec {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.split(this);
        }

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
