package org.umlmanager.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.umlmanager.terminal.ResizeHandler;
import org.umlmanager.terminal.StreamTtyConnector;
import org.umlmanager.ui.console.ConsoleSettings;
import org.umlmanager.ui.console.ConsoleView;
import org.umlmanager.ui.prefs.ConsolePreferences;

/** The benchmark's window: see {@link ConsoleBenchApp}. */
public final class ConsoleBenchSubject extends Application {

    static final int COLUMNS = 120;
    static final int ROWS = 40;
    /** {@code -Dbench.jumpScroll=false}: the terminal parses every byte, as without the backlog's skipping. */
    static final boolean JUMP_SCROLL = Boolean.parseBoolean(System.getProperty("bench.jumpScroll", "true"));
    static final int REFRESH_RATE = new ConsoleSettings(ConsolePreferences.DEFAULTS).maxRefreshRate();

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        boolean throughput = args.get(0).equals("throughput");
        int tabsCount = throughput ? 1 : Integer.parseInt(args.get(1));
        Path file = Path.of(args.get(throughput ? 1 : 2));
        ConsoleSettings settings = new ConsoleSettings(ConsolePreferences.DEFAULTS);
        Text probe = new Text("M");
        probe.setFont(settings.getTerminalFont());
        double cellW = probe.getLayoutBounds().getWidth();
        double cellH = probe.getLayoutBounds().getHeight();

        TabPane tabs = new TabPane();
        CountDownLatch done = new CountDownLatch(tabsCount);
        List<ConsoleView> views = new ArrayList<>();
        List<Process> feeders = new ArrayList<>();
        List<StreamTtyConnector> connectors = new ArrayList<>();
        for (int i = 0; i < tabsCount; i++) {
            Process cat = new ProcessBuilder("cat", file.toString()).redirectErrorStream(true).start();
            feeders.add(cat);
            var connector = new StreamTtyConnector("con" + i, cat.getInputStream(), cat.getOutputStream(),
                    ResizeHandler.IGNORE, JUMP_SCROLL ? settings.getBufferMaxLinesCount() : 0);
            connectors.add(connector);
            ConsoleView view = new ConsoleView("con" + i, connector, settings);
            view.whenEnded(done::countDown);
            views.add(view);
            tabs.getTabs().add(new Tab("con" + i, view.pane()));
        }
        // Room for 120x40 cells plus the scroll bar and the tab header.
        stage.setScene(new Scene(tabs, Math.ceil(COLUMNS * cellW) + 20, Math.ceil(ROWS * cellH) + 40));
        stage.show();
        long start = System.nanoTime();
        for (int i = 0; i < views.size(); i++) {
            tabs.getSelectionModel().select(i);
            views.get(i).start();
        }
        Thread waiter = new Thread(() -> {
            try {
                if (!done.await(10, TimeUnit.MINUTES)) {
                    System.out.println("RESULT timeout");
                    return;
                }
                CountDownLatch painted = new CountDownLatch(1);
                Platform.runLater(painted::countDown);
                painted.await();
                long elapsed = System.nanoTime() - start;
                if (!throughput) {
                    System.gc();
                    Thread.sleep(2000);
                }
                String status = Files.readString(Path.of("/proc/self/status"));
                System.out.printf("RESULT ms=%d rss_kb=%d hwm_kb=%d bytes=%d tabs=%d skipped_chars=%d%n",
                        elapsed / 1_000_000, field(status, "VmRSS:"), field(status, "VmHWM:"), Files.size(file),
                        tabsCount, connectors.get(0).skippedCharacters());
                System.out.println("SCREEN " + views.get(0).screenText().lines()
                        .filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(""));
                String buffer = views.get(0).bufferText();
                System.out.printf("BUFFER lines=%d hash=%08x%n", buffer.lines().count(), buffer.hashCode());
            } catch (Exception e) {
                System.out.println("RESULT error " + e);
            } finally {
                feeders.forEach(Process::destroy);
                System.out.flush();
                // The terminals' executors are not daemons; the measurement is over, so end the JVM.
                System.exit(0);
            }
        }, "bench-waiter");
        waiter.setDaemon(true);
        waiter.start();
    }


    private static long field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name)).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(-1L);
    }
}
