package org.umlmanager.ui.console;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.ui.TerminalActionPresentation;
import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.umlmanager.ui.prefs.ConsolePreferences;

/**
 * JediTermFX settings of a console tab, tuned for bursts of guest output: a short in-widget
 * scrollback (the widget copies its whole history list for every new line once it is full) and a
 * modest repaint rate (each frame redraws the whole screen under the buffer lock the parser
 * needs). The full history comes from the console log instead.
 */
public final class ConsoleSettings extends DefaultSettingsProvider {

    /** Frames per second: each frame repaints the whole screen while holding the lock the parser needs. */
    static final int REFRESH_RATE = 10;

    private final ConsolePreferences prefs;

    public ConsoleSettings(ConsolePreferences prefs) {
        this.prefs = prefs;
    }

    @Override
    public Font getTerminalFont() {
        return Font.font(prefs.fontFamily(), prefs.fontSize());
    }

    @Override
    public float getTerminalFontSize() {
        return prefs.fontSize();
    }

    @Override
    public TerminalColor getDefaultForeground() {
        return colour(prefs.foreground());
    }

    @Override
    public TerminalColor getDefaultBackground() {
        return colour(prefs.background());
    }

    @Override
    public TextStyle getDefaultStyle() {
        return new TextStyle(getDefaultForeground(), getDefaultBackground());
    }

    @Override
    public int getBufferMaxLinesCount() {
        return prefs.scrollbackLines();
    }

    @Override
    public int maxRefreshRate() {
        return REFRESH_RATE;
    }

    /**
     * Ctrl+Shift+F, as in GNOME Terminal: Ctrl+F belongs to the guest (a shell's forward-char,
     * less's and vim's page down), as every other control key does.
     */
    @Override
    public TerminalActionPresentation getFindActionPresentation() {
        return new TerminalActionPresentation("Find", new KeyCodeCombination(KeyCode.F, KeyCombination.CONTROL_DOWN,
                KeyCombination.SHIFT_DOWN));
    }

    @Override
    public boolean audibleBell() {
        return false;
    }

    private static TerminalColor colour(String hex) {
        Color c = Color.web(hex);
        return TerminalColor.rgb((int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}
