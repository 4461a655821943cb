package org.umlmanager.terminal;

import java.util.Optional;

/**
 * Jump scrolling taken one step further: in a burst of console output, the leading part that
 * enough whole lines follow to push it past the terminal's screen and scrollback can never be
 * shown, so it need not be parsed. The terminal widget parses on one thread at a few MB/s (see
 * docs/PITFALLS.md), while a guest can print far faster; the full history is in the console's log.
 *
 * <p>Only "plain" output is skipped: printable text, CR, LF, TAB, BS and SGR colour sequences
 * ({@code ESC [ digits ; m}). The skipped part and the {@code keepLines} whole lines after it must
 * all be plain. In its place the terminal gets the SGR sequences that still matter (those since
 * the last full reset) and a CR LF, so its colours and cursor column are what they would have
 * been. Starting from the same state, and with {@code keepLines} at least the scrollback plus two
 * screens, the terminal then ends with the same screen, scrollback, cursor and colours as if it
 * had parsed everything (checked against the real emulator in the tests).
 */
final class JumpScroll {

    private static final char ESC = 27;

    /** Drop {@code text[from, end)} and give the terminal {@code replacement} instead. */
    record Skip(int end, String replacement) {
    }

    private JumpScroll() {
    }

    /**
     * The longest skip at the start of {@code text[from, to)} that leaves at least {@code keepLines}
     * whole plain lines (ending in CR LF) after it, if any. The terminal must be between sequences
     * at {@code from}.
     */
    static Optional<Skip> find(char[] text, int from, int to, int keepLines) {
        int lines = 0;
        int i = from;
        while (i < to) {
            char c = text[i];
            if (c == ESC) {
                int end = sgrEnd(text, i, to);
                if (end < 0) {
                    break;
                }
                i = end;
                continue;
            }
            if (!plain(c)) {
                break;
            }
            if (c == '\n' && i > from && text[i - 1] == '\r') {
                lines++;
            }
            i++;
        }
        int skipLines = lines - keepLines;
        if (skipLines <= 0) {
            return Optional.empty();
        }
        StringBuilder colours = new StringBuilder();
        int seen = 0;
        i = from;
        while (seen < skipLines) {
            char c = text[i];
            if (c == ESC) {
                int end = sgrEnd(text, i, to);
                if (isReset(text, i, end)) {
                    colours.setLength(0);
                }
                colours.append(text, i, end - i);
                i = end;
                continue;
            }
            if (c == '\n' && i > from && text[i - 1] == '\r') {
                seen++;
            }
            i++;
        }
        String replacement = colours.append("\r\n").toString();
        if (replacement.length() >= i - from) {
            return Optional.empty();
        }
        return Optional.of(new Skip(i, replacement));
    }

    private static boolean plain(char c) {
        if (c < ' ') {
            return c == '\r' || c == '\n' || c == '\t' || c == '\b';
        }
        // DEL and the C1 controls (the emulator takes U+009D as OSC) are not plain.
        return c < 0x7f || c > 0x9f;
    }

    /** The end of the SGR sequence at {@code i} ({@code ESC [ digits ; m}), or -1 if there is none. */
    private static int sgrEnd(char[] text, int i, int to) {
        if (i + 1 >= to || text[i + 1] != '[') {
            return -1;
        }
        for (int j = i + 2; j < to; j++) {
            char c = text[j];
            if (c == 'm') {
                return j + 1;
            }
            if (c != ';' && (c < '0' || c > '9')) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether the SGR sequence {@code text[i, end)} starts by resetting every attribute ({@code ESC[m}, {@code ESC[0;…m}). */
    private static boolean isReset(char[] text, int i, int end) {
        int j = i + 2;
        int last = end - 1;
        if (j == last) {
            return true;
        }
        boolean digits = false;
        while (j < last && text[j] != ';') {
            if (text[j] != '0') {
                return false;
            }
            digits = true;
            j++;
        }
        return digits;
    }
}
