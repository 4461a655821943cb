package org.umlmanager.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import org.umlmanager.model.Printable;

/**
 * Standard error as the CLI writes to it: messages quote what the user typed, file names and
 * what a guest printed, and a terminal must never get raw escape sequences or other control
 * characters from those, so every control character but the line break is written escaped
 * ({@code \e}, {@code \r}, {@code \x07}, …).
 */
final class EscapingWriter extends FilterWriter {

    EscapingWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        out.write(c == '\n' ? "\n" : Printable.escape(String.valueOf((char) c)));
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        write(new String(buffer, offset, length), 0, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        String escaped = Printable.escapeKeepingLines(text.substring(offset, offset + length));
        out.write(escaped, 0, escaped.length());
    }
}
