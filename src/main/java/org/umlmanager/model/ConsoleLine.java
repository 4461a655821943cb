package org.umlmanager.model;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One {@code conN=}/{@code sslN=} option, or with no index the default for every line of its
 * kind ({@code con=null}). A specific line beats the default whatever the order.
 */
public record ConsoleLine(LineKind kind, OptionalInt index, LineSpec spec) {

    public ConsoleLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(spec, "spec");
    }

    public static ConsoleLine con(int index, LineSpec spec) {
        return new ConsoleLine(LineKind.CON, OptionalInt.of(index), spec);
    }

    public static ConsoleLine ssl(int index, LineSpec spec) {
        return new ConsoleLine(LineKind.SSL, OptionalInt.of(index), spec);
    }

    public static ConsoleLine allOf(LineKind kind, LineSpec spec) {
        return new ConsoleLine(kind, OptionalInt.empty(), spec);
    }

    /** {@code con0}, {@code ssl3}, or {@code con} for the default of all consoles. */
    public String name() {
        return index.isPresent() ? kind.prefix() + index.getAsInt() : kind.prefix();
    }
}
