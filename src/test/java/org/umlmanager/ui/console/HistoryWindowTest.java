package org.umlmanager.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.umlmanager.launch.ConsoleLogs;
import org.umlmanager.testing.FxWait;

/** The history window reads a console's whole log, rotated files first. */
@ExtendWith(ApplicationExtension.class)
class HistoryWindowTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Stage window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            FxWait.run(window::close);
        }
        background.shutdownNow();
    }

    @Test
    void showsTheRotatedFilesBeforeTheCurrentOne(@TempDir Path dir, FxRobot robot) throws Exception {
        Path current = ConsoleLogs.current(dir, "con0");
        Files.writeString(ConsoleLogs.rotated(current, 2), "oldest\r\n");
        Files.writeString(ConsoleLogs.rotated(current, 1), "older\r\nhalf a ");
        Files.writeString(current, "line\r\n\u001b[1mnewest\u001b[0m\r\n");

        window = FxWait.get(() -> HistoryWindow.show(null, "history", dir, "con0", background, Platform::runLater));
        FxWait.until("the history read", () -> robot.lookup("#historyStatus").queryAs(Label.class).getText()
                .equals("4 lines"));

        List<String> lines = FxWait.get(() -> List.copyOf(robot.lookup("#historyLines").<String>queryListView()
                .getItems()));
        assertThat(lines).containsExactly("oldest", "older", "half a line", "newest");
    }
}
