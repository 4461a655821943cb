package org.umlmanager.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import org.umlmanager.launch.ConsoleLogs;

/** The history window reads a console's whole log, rotated files first. */
@ExtendWith(ApplicationExtension.class)
class HistoryWindowTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Stage window;

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(window::close).get(5, TimeUnit.SECONDS);
        }
        background.shutdownNow();
    }

    @Test
    void showsTheRotatedFilesBeforeTheCurrentOne(@TempDir Path dir, FxRobot robot) throws Exception {
        Path current = ConsoleLogs.current(dir, "con0");
        Files.writeString(ConsoleLogs.rotated(current, 2), "oldest\r\n");
        Files.writeString(ConsoleLogs.rotated(current, 1), "older\r\nhalf a ");
        Files.writeString(current, "line\r\n\u001b[1mnewest\u001b[0m\r\n");

        window = WaitForAsyncUtils.asyncFx(() -> HistoryWindow.show(null, "history", dir, "con0", background,
                Platform::runLater)).get(5, TimeUnit.SECONDS);
        Label status = robot.lookup("#historyStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().equals("4 lines"));

        ListView<String> lines = robot.lookup("#historyLines").queryListView();
        assertThat(lines.getItems()).containsExactly("oldest", "older", "half a line", "newest");
    }
}
