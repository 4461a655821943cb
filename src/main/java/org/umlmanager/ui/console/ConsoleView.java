package org.umlmanager.ui.console;

import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import com.techsenger.jeditermfx.ui.TerminalAction;
import com.techsenger.jeditermfx.ui.TerminalActionPresentation;
import com.techsenger.jeditermfx.ui.TerminalActionProvider;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Pane;
import org.umlmanager.terminal.StreamTtyConnector;

/**
 * One console: a JediTermFX terminal on a guest's byte stream. Copy and paste come with the
 * widget (context menu, Ctrl+Shift+C / Ctrl+Shift+V); this adds History… and Save log… to its menu.
 * Keyboard focus goes to the terminal's canvas: the widget's own "preferred focusable node" cannot
 * take focus, and keystrokes sent there are lost.
 */
public final class ConsoleView {

    /** Columns and rows before the first layout; the guest learns the real size once it is up. */
    private static final int COLUMNS = 100;
    private static final int ROWS = 32;

    private final String title;
    private final JediTermFxWidget widget;
    private final StreamTtyConnector connector;
    private boolean started;

    public ConsoleView(String title, StreamTtyConnector connector, ConsoleSettings settings) {
        this.title = title;
        this.connector = connector;
        this.widget = new JediTermFxWidget(COLUMNS, ROWS, settings);
        widget.setTtyConnector(connector);
        widget.getPane().setId("console-" + title);
        widget.getTerminalPanel().getCanvas().setAccessibleText("Console " + title);
    }

    /** Adds History… and Save log… to the terminal's context menu and key bindings. */
    public void setActions(Runnable history, Runnable saveLog) {
        widget.setNextProvider(new TerminalActionProvider() {
            private TerminalActionProvider next;

            @Override
            public List<TerminalAction> getActions() {
                return List.of(
                        new TerminalAction(new TerminalActionPresentation("History…",
                                new KeyCodeCombination(KeyCode.H, KeyCombination.CONTROL_DOWN,
                                        KeyCombination.SHIFT_DOWN)), e -> run(history)).separatorBefore(true),
                        new TerminalAction(new TerminalActionPresentation("Save log…",
                                new KeyCodeCombination(KeyCode.S, KeyCombination.CONTROL_DOWN,
                                        KeyCombination.SHIFT_DOWN)), e -> run(saveLog)));
            }

            @Override
            public TerminalActionProvider getNextProvider() {
                return next;
            }

            @Override
            public void setNextProvider(TerminalActionProvider provider) {
                next = provider;
            }
        });
    }

    private static boolean run(Runnable action) {
        Platform.runLater(action);
        return true;
    }

    /**
     * Runs {@code action} once the terminal has shown everything the stream delivered and the stream
     * is closed. Called on the terminal's reader thread.
     */
    public void whenEnded(Runnable action) {
        widget.addListener(w -> action.run());
    }

    public String title() {
        return title;
    }

    public Pane pane() {
        return widget.getPane();
    }

    /** Starts reading the stream (on the widget's own thread). Idempotent. */
    public void start() {
        if (!started) {
            started = true;
            widget.start();
        }
    }

    /** Gives the keyboard to the terminal. */
    public void focus() {
        widget.getTerminalPanel().getCanvas().requestFocus();
    }

    public boolean ended() {
        return connector.isEnded();
    }

    /** The visible screen as text, lines separated by {@code \n}. */
    public String screenText() {
        var buffer = widget.getTerminalTextBuffer();
        buffer.lock();
        try {
            return buffer.getScreenLines();
        } finally {
            buffer.unlock();
        }
    }

    /** Scrollback plus screen as text, for saving when there is no log file. */
    public String bufferText() {
        var buffer = widget.getTerminalTextBuffer();
        StringBuilder out = new StringBuilder();
        buffer.lock();
        try {
            for (int i = -buffer.getHistoryLinesCount(); i < buffer.getScreenLinesCount(); i++) {
                out.append(buffer.getLine(i).getText().stripTrailing()).append('\n');
            }
        } finally {
            buffer.unlock();
        }
        return out.toString();
    }

    /** Stops reading and closes the stream; the screen stays as it was. */
    public void close() {
        widget.close();
    }
}
