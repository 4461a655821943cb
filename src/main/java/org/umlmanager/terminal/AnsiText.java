package org.umlmanager.terminal;

/**
 * Turns raw terminal output into plain lines the way a person reads them: escape sequences
 * dropped, a carriage return starting the line over, backspace erasing. Feed it chunks in order.
 */
public final class AnsiText {

    private enum Mode { TEXT, ESCAPE, CSI, STRING, STRING_ESCAPE }

    private final StringBuilder line = new StringBuilder();
    private final LineSink sink;
    private Mode mode = Mode.TEXT;
    private int column;

    /** Receives each completed line. */
    @FunctionalInterface
    public interface LineSink {
        void line(String text);
    }

    public AnsiText(LineSink sink) {
        this.sink = sink;
    }

    /** Plain text of a whole chunk of output, lines joined by {@code \n}. */
    public static String strip(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        AnsiText text = new AnsiText(l -> out.append(l).append('\n'));
        text.accept(raw);
        text.flush();
        if (out.length() > 0) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    public void accept(CharSequence chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            accept(chunk.charAt(i));
        }
    }

    /** Ends the last, unterminated line, if any. */
    public void flush() {
        if (line.length() > 0) {
            sink.line(line.toString());
            line.setLength(0);
            column = 0;
        }
    }

    private void accept(char c) {
        switch (mode) {
            case TEXT -> text(c);
            case ESCAPE -> mode = switch (c) {
                case '[' -> Mode.CSI;
                case ']', 'P', '_', '^' -> Mode.STRING;
                default -> Mode.TEXT;
            };
            case CSI -> {
                if (c >= 0x40 && c <= 0x7e) {
                    mode = Mode.TEXT;
                }
            }
            case STRING -> {
                if (c == 7) {
                    mode = Mode.TEXT;
                } else if (c == 27) {
                    mode = Mode.STRING_ESCAPE;
                }
            }
            case STRING_ESCAPE -> mode = c == '\\' ? Mode.TEXT : Mode.STRING;
            default -> throw new IllegalStateException(mode.name());
        }
    }

    private void text(char c) {
        switch (c) {
            case 27 -> mode = Mode.ESCAPE;
            case '\n' -> {
                sink.line(line.toString());
                line.setLength(0);
                column = 0;
            }
            case '\r' -> column = 0;
            case '\b' -> column = Math.max(0, column - 1);
            case '\t' -> {
                int next = (column / 8 + 1) * 8;
                while (column < next) {
                    put(' ');
                }
            }
            default -> {
                if (c >= ' ' && c != 127) {
                    put(c);
                }
            }
        }
    }

    private void put(char c) {
        if (column < line.length()) {
            line.setCharAt(column, c);
        } else {
            line.append(c);
        }
        column++;
    }
}
