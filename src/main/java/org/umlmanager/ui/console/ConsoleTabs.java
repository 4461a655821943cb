package org.umlmanager.ui.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.launch.LineInfo;
import org.umlmanager.service.ConsoleLogFiles;
import org.umlmanager.service.GuestRuntime;
import org.umlmanager.terminal.StreamTtyConnector;
import org.umlmanager.ui.FxThread;
import org.umlmanager.ui.Windows;
import org.umlmanager.ui.prefs.ConsolePreferences;

/**
 * The console tabs of one guest: one per embedded line ({@code con0}, {@code con1}, {@code ssl0},
 * …), each a terminal on the runtime's stream for that line. When the guest stops, the streams
 * end and the tabs keep their screens, marked as ended: an ended tab holds no more than its
 * terminal's scrollback (its stream and threads are released; the whole history is in the log)
 * and can be closed; a new start replaces it. A tab can be detached into a window of its own and
 * back.
 */
public final class ConsoleTabs {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleTabs.class);

    private final String instance;
    private final GuestRuntime runtime;
    private final Supplier<ConsolePreferences> prefs;
    private final Path logDirectory;
    private final Executor background;
    private final Executor ui;
    private final SaveLocation saveLocation;
    private final TabPane tabs = new TabPane();
    private final Map<String, ConsoleView> views = new LinkedHashMap<>();
    private final Map<String, Stage> detached = new LinkedHashMap<>();
    private Runnable changed = () -> { };

    /**
     * @param logDirectory where the runtime keeps this guest's console logs ({@code LINE.log})
     * @param saveLocation asks where Save log… writes
     */
    public ConsoleTabs(String instance, GuestRuntime runtime, Supplier<ConsolePreferences> prefs, Path logDirectory,
                       Executor background, Executor ui, SaveLocation saveLocation) {
        this.instance = instance;
        this.runtime = runtime;
        this.prefs = prefs;
        this.logDirectory = logDirectory;
        this.background = background;
        this.ui = ui;
        this.saveLocation = saveLocation;
        tabs.setId("consoleTabs");
        // Only ended tabs are closable (set per tab).
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            if (tab != null) {
                Optional.ofNullable(views.get(tab.getText())).ifPresent(ConsoleView::focus);
            }
        });
    }

    public TabPane pane() {
        return tabs;
    }

    public boolean isEmpty() {
        return views.isEmpty();
    }

    /** Gives the keyboard to the terminal of the selected tab (or its detached window). */
    public void focusSelected() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab == null) {
            return;
        }
        ConsoleView view = views.get(tab.getText());
        Stage window = detached.get(tab.getText());
        if (window != null) {
            window.toFront();
            window.requestFocus();
        }
        if (view != null) {
            view.focus();
        }
    }

    /** Called on the FX thread when a tab ends or is closed. */
    public void onChange(Runnable listener) {
        changed = listener;
    }

    /** Whether a tab is in a window of its own. */
    public boolean hasDetached() {
        return !detached.isEmpty();
    }

    /** Whether a tab shows a console that has ended. */
    public boolean hasEnded() {
        return views.values().stream().anyMatch(ConsoleView::ended);
    }

    /** Closes the tabs (and detached windows) whose console has ended; their screens are dropped. */
    public void closeEnded() {
        List.copyOf(views.keySet()).stream().filter(line -> views.get(line).ended()).forEach(this::closeTab);
    }

    private void closeTab(String line) {
        ConsoleView view = views.remove(line);
        if (view == null) {
            return;
        }
        view.close();
        Stage window = detached.remove(line);
        if (window != null) {
            window.setOnHidden(null);
            window.close();
        }
        tab(line).ifPresent(t -> tabs.getTabs().remove(t));
        changed.run();
    }

    private Optional<Tab> tab(String line) {
        return tabs.getTabs().stream().filter(t -> t.getText().equals(line)).findFirst();
    }

    /** The view of {@code line}, if its tab is open. On the FX thread only. */
    public Optional<ConsoleView> view(String line) {
        FxThread.check("the console views");
        return Optional.ofNullable(views.get(line));
    }

    /**
     * Opens a tab per line, replacing ended ones; lines already live are left alone. Completes on
     * the FX thread once every stream is open (or failed, which is logged and shown in the tab).
     */
    public CompletableFuture<Void> open(List<LineInfo> lines) {
        CompletableFuture<?>[] all = lines.stream()
                .filter(l -> views.get(l.name()) == null || views.get(l.name()).ended())
                .map(l -> runtime.openConsole(instance, l.name()).thenAcceptAsync(this::show, ui)
                        .exceptionally(e -> {
                            LOG.warn("Could not open {} of {}: {}", l.name(), instance, e.getMessage());
                            return null;
                        }))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all);
    }

    private void show(ConsoleStream stream) {
        String line = stream.line();
        ConsoleView old = views.remove(line);
        if (old != null) {
            old.close();
        }
        ConsoleSettings settings = new ConsoleSettings(prefs.get());
        var connector = new StreamTtyConnector(line, stream.input(), stream.output(), stream::resize,
                settings.getBufferMaxLinesCount());
        // The supervisor keeps a size change back until the kernel is up, so the terminal may send them at once.
        connector.releaseResizes();
        ConsoleView view = new ConsoleView(line, connector, settings);
        view.setActions(() -> history(line), () -> saveLog(line, view));
        views.put(line, view);
        Tab tab = tab(line).orElseGet(() -> {
            Tab t = new Tab(line);
            t.setId("consoleTab-" + line);
            t.setOnCloseRequest(e -> {
                e.consume();
                closeTab(line);
            });
            tabs.getTabs().add(t);
            return t;
        });
        tab.getStyleClass().remove("console-ended-tab");
        tab.setTooltip(null);
        tab.setClosable(false);
        tab.setContextMenu(menu(line, view));
        Stage window = detached.get(line);
        if (window != null) {
            window.getScene().setRoot(view.pane());
            tab.setContent(detachedNote(line));
        } else {
            tab.setContent(view.pane());
        }
        // The terminal closes the stream's two halves; the stream itself (its supervisor connection) closes here.
        view.whenEnded(stream::close);
        view.whenEnded(() -> ui.execute(() -> {
            if (views.get(line) == view) {
                tab.getStyleClass().add("console-ended-tab");
                tab.setTooltip(new Tooltip("The guest's console ended; the screen is kept until you close the tab"
                        + " (the whole history stays in History…)."));
                tab.setClosable(true);
                changed.run();
            }
        }));
        view.start();
        if (tabs.getSelectionModel().getSelectedItem() == tab) {
            view.focus();
        }
    }

    private ContextMenu menu(String line, ConsoleView view) {
        MenuItem detach = new MenuItem("Detach into window");
        detach.setId("detach-" + line);
        detach.setOnAction(e -> detach(line));
        MenuItem history = new MenuItem("History…");
        history.setId("history-" + line);
        history.setOnAction(e -> history(line));
        MenuItem save = new MenuItem("Save log…");
        save.setId("saveLog-" + line);
        save.setOnAction(e -> saveLog(line, view));
        MenuItem close = new MenuItem("Close ended console");
        close.setId("closeEnded-" + line);
        ContextMenu menu = new ContextMenu(detach, history, save, new SeparatorMenuItem(), close);
        menu.setOnShowing(e -> close.setDisable(!view.ended()));
        close.setOnAction(e -> closeTab(line));
        return menu;
    }

    /**
     * Moves the terminal of {@code line} into its own window; closing the window brings it back.
     * The tab meanwhile says where the console is, with a way to bring it back.
     */
    public Stage detach(String line) {
        ConsoleView view = views.get(line);
        Tab tab = tab(line).orElseThrow();
        tab.setContent(detachedNote(line));
        Stage window = new Stage();
        window.setTitle(instance + " — " + line);
        window.setScene(new Scene(view.pane(), 900, 560));
        if (tabs.getScene() != null) {
            window.getScene().getStylesheets().setAll(tabs.getScene().getStylesheets());
        }
        Windows.secondary(window, owner(), 900, 560);
        window.setOnHidden(e -> {
            detached.remove(line);
            ConsoleView current = views.get(line);
            if (current != null) {
                window.getScene().setRoot(new Pane());
                tab.setContent(current.pane());
            }
        });
        detached.put(line, window);
        window.show();
        view.focus();
        return window;
    }

    private Node detachedNote(String line) {
        Label text = new Label(instance + " " + line + " is in a window of its own.");
        Button show = new Button("Show window");
        show.setId("showDetached-" + line);
        show.setOnAction(e -> Optional.ofNullable(detached.get(line)).ifPresent(w -> {
            w.toFront();
            w.requestFocus();
        }));
        Button back = new Button("Bring back here");
        back.setId("attach-" + line);
        back.setOnAction(e -> Optional.ofNullable(detached.get(line)).ifPresent(Stage::close));
        VBox note = new VBox(10, text, new HBox(8, show, back));
        note.setId("detachedNote-" + line);
        note.setAlignment(Pos.CENTER);
        note.setPadding(new Insets(24));
        return note;
    }

    private Window owner() {
        return tabs.getScene() == null ? null : tabs.getScene().getWindow();
    }

    private void history(String line) {
        HistoryWindow.show(owner(), instance + " — " + line + " history", logDirectory, line, background, ui);
    }

    /** Saves the whole console log, rotated files included (or, without one, what the terminal still holds). */
    private void saveLog(String line, ConsoleView view) {
        Optional<Path> target = saveLocation.ask(owner(), "Save the log of " + instance + " " + line,
                instance + "-" + line + ".log");
        if (target.isEmpty()) {
            return;
        }
        Path file = target.get();
        String fallback = view.bufferText();
        CompletableFuture.runAsync(() -> {
            try {
                if (ConsoleLogFiles.exist(logDirectory, line)) {
                    try (InputStream log = ConsoleLogFiles.open(logDirectory, line)) {
                        Files.copy(log, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                } else {
                    Files.writeString(file, fallback, StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background).whenCompleteAsync((ok, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() instanceof UncheckedIOException u ? u.getCause() : error;
                LOG.warn("Could not save the log of {} {} to {}: {}", instance, line, file, cause.getMessage());
                Alert alert = new Alert(Alert.AlertType.ERROR, "Could not save the log of " + instance + " " + line
                        + " to " + file + ": " + cause.getMessage(), ButtonType.OK);
                Windows.dialog(alert, owner());
                alert.show();
            }
        }, ui);
    }

    /** Closes every stream and window; the screens are dropped. */
    public void close() {
        // Closing a view may end its tab, which changes the map: close a copy.
        List<ConsoleView> open = List.copyOf(views.values());
        views.clear();
        open.forEach(ConsoleView::close);
        List<Stage> windows = List.copyOf(detached.values());
        detached.clear();
        windows.forEach(Stage::close);
        tabs.getTabs().clear();
    }
}
