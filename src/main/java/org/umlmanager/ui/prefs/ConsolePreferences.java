package org.umlmanager.ui.prefs;

import java.util.Objects;

/**
 * How console tabs look and how much they keep.
 *
 * @param fontFamily      a monospaced font family
 * @param fontSize        in points, 6–40
 * @param foreground      text colour, {@code #rrggbb}
 * @param background      background colour, {@code #rrggbb}
 * @param scrollbackLines lines kept in the tab itself; the full history is read from the console log
 */
public record ConsolePreferences(String fontFamily, int fontSize, String foreground, String background,
                                 int scrollbackLines) {

    public static final int MIN_SCROLLBACK = 100;
    public static final int MAX_SCROLLBACK = 20_000;

    /**
     * A short in-tab scrollback on purpose: the terminal copies its history list on every new line
     * once it is full, so 1,000 lines keep a 16 MiB burst faster than xterm (see the README's figures).
     */
    public static final ConsolePreferences DEFAULTS = new ConsolePreferences("DejaVu Sans Mono", 13, "#d8d8d8",
            "#1e1e1e", 1_000);

    public ConsolePreferences {
        Objects.requireNonNull(fontFamily);
        Objects.requireNonNull(foreground);
        Objects.requireNonNull(background);
        fontSize = Math.max(6, Math.min(40, fontSize));
        scrollbackLines = Math.max(MIN_SCROLLBACK, Math.min(MAX_SCROLLBACK, scrollbackLines));
    }
}
