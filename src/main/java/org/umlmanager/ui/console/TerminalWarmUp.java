package org.umlmanager.ui.console;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.terminal.ResizeHandler;
import org.umlmanager.terminal.StreamTtyConnector;
import org.umlmanager.ui.prefs.ConsolePreferences;

/**
 * Gets the terminal emulator ready before the first console tab: its classes load in the
 * background, then the console font is loaded and one throw-away terminal is built and painted on
 * the FX thread while the app is idle (the first one costs about 200 ms of one-time set-up, its
 * first repaints about 100 ms each; later ones a fraction of that). Left to the first tab, that was a visible stall just
 * as a guest boots.
 */
public final class TerminalWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalWarmUp.class);

    private static final List<String> CLASSES = List.of(
            "com.techsenger.jeditermfx.ui.JediTermFxWidget",
            "com.techsenger.jeditermfx.ui.TerminalPanel",
            "com.techsenger.jeditermfx.ui.DefaultTerminalCopyPasteHandler",
            "com.techsenger.jeditermfx.ui.DefaultTerminalExecutorServiceManager",
            "com.techsenger.jeditermfx.ui.FxFontMetrics",
            "com.techsenger.jeditermfx.ui.model.DefaultTypeAheadTerminalModel",
            "com.techsenger.jeditermfx.core.model.JediTerminal",
            "com.techsenger.jeditermfx.core.model.TerminalTextBuffer",
            "com.techsenger.jeditermfx.core.model.LinesBuffer",
            "com.techsenger.jeditermfx.core.model.TerminalLine",
            "com.techsenger.jeditermfx.core.model.JediTermDebouncerImpl",
            "com.techsenger.jeditermfx.core.typeahead.TerminalTypeAheadManager",
            "com.techsenger.jeditermfx.core.emulator.JediEmulator",
            "com.techsenger.jeditermfx.core.emulator.ColorPaletteImpl",
            "com.techsenger.jeditermfx.core.TerminalStarter",
            "com.techsenger.jeditermfx.core.TtyBasedArrayDataStream",
            "com.techsenger.jeditermfx.core.TextStyle",
            "kotlin.Pair");

    private TerminalWarmUp() {
    }

    /**
     * @param host an invisible pane in the window's scene: the terminal's canvas gets its rendering
     *             peer there, which is also a one-time cost
     */
    public static CompletableFuture<Void> run(ConsolePreferences prefs, Executor background, Executor ui, Pane host) {
        return CompletableFuture.runAsync(() -> {
            ClassLoader loader = TerminalWarmUp.class.getClassLoader();
            for (String name : CLASSES) {
                try {
                    Class.forName(name, true, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    LOG.debug("Warm-up could not load {}: {}", name, e.toString());
                }
            }
        }, background).thenRunAsync(() -> {
            // The console font on the FX thread, as every use of fonts: JavaFX's font caches are not
            // made for two threads, and loading it here in the background, beside the FX thread's
            // own text layout, made dialogs lay out shorter than they had been placed for.
            Font font = new ConsoleSettings(prefs).getTerminalFont();
            Text probe = new Text("Mg");
            probe.setFont(font);
            probe.getLayoutBounds();
            // A terminal off screen, fed coloured lines for a couple of seconds: its painting code gets
            // compiled before a guest's console needs it (cold, one repaint took about 100 ms).
            var sample = new StreamTtyConnector("warm-up", new ByteArrayInputStream(sample()),
                    OutputStream.nullOutputStream(), ResizeHandler.IGNORE);
            ConsoleView view = new ConsoleView("warm-up", sample, new ConsoleSettings(prefs));
            host.getChildren().add(view.pane());
            view.pane().resize(900, 500);
            view.pane().layout();
            view.start();
            PauseTransition done = new PauseTransition(javafx.util.Duration.seconds(3));
            done.setOnFinished(e -> {
                host.getChildren().remove(view.pane());
                view.close();
            });
            done.play();
        }, ui);
    }

    private static byte[] sample() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append("\u001b[3").append(i % 8).append('m').append("[").append(i).append("] warm-up line ")
                    .append("\u001b[1mbold\u001b[0m text ").append("x".repeat(i % 60)).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
