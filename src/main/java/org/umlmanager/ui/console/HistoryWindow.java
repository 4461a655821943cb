package org.umlmanager.ui.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.umlmanager.service.ConsoleLogFiles;
import org.umlmanager.terminal.ConsoleHistory;

/**
 * The full, searchable history of a console, read from its log file (the terminal tab itself keeps
 * only its short scrollback). Loading and searching run off the FX thread.
 */
final class HistoryWindow {

    private HistoryWindow() {
    }

    /** Shows the history of {@code line}, read from all its log files in {@code logDirectory}. */
    static Stage show(Window owner, String title, Path logDirectory, String line, Executor background, Executor ui) {
        Path log = ConsoleLogFiles.current(logDirectory, line);
        ListView<String> lines = new ListView<>();
        lines.setId("historyLines");
        lines.getStyleClass().add("command-preview");
        TextField search = new TextField();
        search.setId("historySearch");
        search.setPromptText("Find in the history");
        search.setAccessibleText("Find in the history");
        CheckBox matchCase = new CheckBox("Match case");
        Button next = new Button("Next");
        next.setId("historyNext");
        Button previous = new Button("Previous");
        Label status = new Label("Reading " + log + " …");
        status.setId("historyStatus");
        HBox bar = new HBox(6, search, previous, next, matchCase, status);
        HBox.setHgrow(search, Priority.ALWAYS);
        bar.setPadding(new Insets(6));
        BorderPane root = new BorderPane(lines, bar, null, null, null);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title);
        stage.setScene(new Scene(root, 900, 600));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }

        AtomicReference<ConsoleHistory> history = new AtomicReference<>(ConsoleHistory.of(List.of()));
        AtomicReference<List<Integer>> hits = new AtomicReference<>(List.of());
        AtomicInteger at = new AtomicInteger(-1);
        Runnable find = () -> {
            String query = search.getText();
            boolean exact = matchCase.isSelected();
            ConsoleHistory h = history.get();
            CompletableFuture.supplyAsync(() -> h.find(query, exact), background).thenAcceptAsync(found -> {
                hits.set(found);
                at.set(-1);
                status.setText(query.isEmpty() ? h.lines().size() + " lines" : found.size() + " matching lines");
            }, ui);
        };
        search.textProperty().addListener(o -> find.run());
        matchCase.selectedProperty().addListener(o -> find.run());
        next.setOnAction(e -> jump(lines, hits.get(), at, 1));
        previous.setOnAction(e -> jump(lines, hits.get(), at, -1));
        search.setOnAction(e -> jump(lines, hits.get(), at, 1));
        CompletableFuture.supplyAsync(() -> {
            try {
                return ConsoleHistory.read(ConsoleLogFiles.open(logDirectory, line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background).whenCompleteAsync((h, error) -> {
            if (error != null) {
                status.setText("Could not read " + log + ": " + error.getMessage());
                return;
            }
            history.set(h);
            lines.setItems(FXCollections.observableList(h.lines()));
            lines.scrollTo(Math.max(0, h.lines().size() - 1));
            status.setText(h.lines().size() + " lines");
        }, ui);
        stage.show();
        return stage;
    }

    private static void jump(ListView<String> lines, List<Integer> hits, AtomicInteger at, int step) {
        if (hits.isEmpty()) {
            return;
        }
        at.set(Math.floorMod(at.get() + step, hits.size()));
        int line = hits.get(at.get());
        lines.getSelectionModel().clearAndSelect(line);
        lines.scrollTo(Math.max(0, line - 3));
    }
}
