package org.umlmanager.model;

/**
 * Text from outside (names, arguments, file contents, a guest's output) made safe to put into a
 * message: a terminal must never receive raw escape sequences or other control characters from
 * it, or the message could rewrite the screen or hide its own text.
 */
public final class Printable {

    private Printable() {
    }

    /**
     * {@code text} with every control character written as an escape: {@code \n}, {@code \t},
     * {@code \r}, {@code \e} (ESC), and {@code \xNN} or
     * {@code \\u2028}-style escapes for the rest (C0, DEL, C1, line and paragraph separators,
     * bidirectional overrides).
     */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** The same, but line breaks stay: for messages made of several lines of our own. */
    public static String escapeKeepingLines(String text) {
        if (text == null) {
            return "null";
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = escape(lines[i]);
        }
        return String.join("\n", lines);
    }

    private static String replacement(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\t':
                return "\\t";
            case '\r':
                return "\\r";
            case 0x1b:
                return "\\e";
            default:
                break;
        }
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
            return String.format("\\x%02x", (int) c);
        }
        // Line and paragraph separators and the bidirectional controls that can reorder what is shown.
        if (c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0x061c) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
