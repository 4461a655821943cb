package org.umlmanager.terminal;

import com.techsenger.jeditermfx.core.CursorShape;
import com.techsenger.jeditermfx.core.TerminalDisplay;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.TtyBasedArrayDataStream;
import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.emulator.JediEmulator;
import com.techsenger.jeditermfx.core.emulator.mouse.MouseFormat;
import com.techsenger.jeditermfx.core.emulator.mouse.MouseMode;
import com.techsenger.jeditermfx.core.model.JediTerminal;
import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.model.TerminalSelection;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The real JediTermFX emulator and text buffer without a window, fed from an {@link OutputBacklog}:
 * the output arrives in random pieces of up to {@code maxPiece} characters and the emulator reads
 * random-sized chunks (their ends fall inside sequences and characters), so that what the terminal
 * ends up holding can be compared with and without skipping.
 */
final class HeadlessTerminal {

    /** One cell: its character ({@code \0} for never written) and style. */
    record Cell(char c, TextStyle style) {
    }

    /** Everything the terminal holds: scrollback and screen rows, cursor and current style. */
    record Snapshot(List<List<Cell>> rows, int cursorX, int cursorY, TextStyle style) {
    }

    private HeadlessTerminal() {
    }

    /** Sizes of the terminal and its backlog, and how output arrives. */
    record Setup(int columns, int rows, int scrollback, int capacity, int maxPiece) {
    }

    static Snapshot run(String output, Setup setup, int keepLines, long seed, long[] skipped) throws IOException {
        int columns = setup.columns();
        int rows = setup.rows();
        int scrollback = setup.scrollback();
        int capacity = setup.capacity();
        StyleState style = new StyleState();
        TerminalTextBuffer buffer = new TerminalTextBuffer(columns, rows, style, scrollback, null);
        JediTerminal terminal = new JediTerminal(new NoDisplay(), buffer, style);
        OutputBacklog backlog = new OutputBacklog(capacity, () -> keepLines);
        Feeder feeder = new Feeder(output, backlog, capacity, setup.maxPiece(), new Random(seed));
        JediEmulator emulator = new JediEmulator(new TtyBasedArrayDataStream(feeder), terminal);
        while (emulator.hasNext()) {
            emulator.next();
        }
        skipped[0] = backlog.skipped();
        List<List<Cell>> lines = new ArrayList<>();
        for (int y = -buffer.getHistoryLinesCount(); y < buffer.getScreenLinesCount(); y++) {
            lines.add(cells(buffer.getLine(y)));
        }
        return new Snapshot(lines, terminal.getCursorX(), terminal.getCursorY(), style.getCurrent());
    }

    private static List<Cell> cells(TerminalLine line) {
        List<Cell> cells = new ArrayList<>();
        for (TerminalLine.TextEntry entry : line.getEntries()) {
            for (int i = 0; i < entry.getLength(); i++) {
                cells.add(new Cell(entry.getText().isNul() ? '\0' : entry.getText().charAt(i), entry.getStyle()));
            }
        }
        while (!cells.isEmpty() && cells.get(cells.size() - 1).c() == '\0') {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    /** Appends the next random piece of output to the backlog before each read, never more than fits. */
    private static final class Feeder implements TtyConnector {

        private final String output;
        private final OutputBacklog backlog;
        private final int capacity;
        private final int maxPiece;
        private final Random random;
        private int fed;

        Feeder(String output, OutputBacklog backlog, int capacity, int maxPiece, Random random) {
            this.output = output;
            this.backlog = backlog;
            this.capacity = capacity;
            this.maxPiece = maxPiece;
            this.random = random;
        }

        @Override
        public int read(char[] buf, int offset, int length) throws IOException {
            try {
                int room = capacity - backlog.size();
                int piece = maxPiece >= output.length() ? maxPiece : 1 + random.nextInt(maxPiece);
                int n = Math.min(Math.min(room, output.length() - fed), piece);
                if (n > 0) {
                    backlog.append(output.substring(fed, fed + n).toCharArray(), 0, n);
                    fed += n;
                }
                if (fed == output.length()) {
                    backlog.finish();
                }
                return backlog.take(buf, offset, 1 + random.nextInt(length));
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void write(byte[] bytes) {
            // answers to queries (cursor position, device attributes) have nowhere to go
        }

        @Override
        public void write(String string) {
            // as above
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public int waitFor() {
            return 0;
        }

        @Override
        public boolean ready() {
            return !backlog.isEmpty();
        }

        @Override
        public String getName() {
            return "headless";
        }

        @Override
        public void close() {
            backlog.discard();
        }
    }

    private static final class NoDisplay implements TerminalDisplay {

        private String title = "";

        @Override
        public void setCursor(int x, int y) {
        }

        @Override
        public void setCursorShape(CursorShape cursorShape) {
        }

        @Override
        public void beep() {
        }

        @Override
        public void scrollArea(int scrollRegionTop, int scrollRegionSize, int dy) {
        }

        @Override
        public void setCursorVisible(boolean isCursorVisible) {
        }

        @Override
        public void useAlternateScreenBuffer(boolean useAlternateScreenBuffer) {
        }

        @Override
        public String getWindowTitle() {
            return title;
        }

        @Override
        public void setWindowTitle(String windowTitle) {
            title = windowTitle;
        }

        @Override
        public TerminalSelection getSelection() {
            return null;
        }

        @Override
        public void terminalMouseModeSet(MouseMode mouseMode) {
        }

        @Override
        public void setMouseFormat(MouseFormat mouseFormat) {
        }

        @Override
        public boolean ambiguousCharsAreDoubleWidth() {
            return false;
        }
    }
}
