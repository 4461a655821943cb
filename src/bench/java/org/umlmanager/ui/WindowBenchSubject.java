package org.umlmanager.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.umlmanager.launch.RuntimeLayout;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.InstanceState;
import org.umlmanager.service.RuntimeService;
import org.umlmanager.ui.main.InstanceRow;
import org.umlmanager.ui.prefs.UiPreferences;

/**
 * Opens the app on the guests of {@code UML_MANAGER_HOME} (all running, all printing), then:
 * looks at the first guest for 30 s (steady), at each guest in turn for a second (visiting), and
 * pauses and resumes guests from another client (changing), timing how long each state change takes
 * to show in the list. The FX thread is probed all along, its longest stall kept per phase. Prints
 * {@code RESULT steady_ms=… steady_render_ms=… visiting_ms=… changing_ms=… state_median_ms=…
 * state_max_ms=… rss_kb=… hwm_kb=… guests=…} and exits.
 */
public final class WindowBenchSubject extends Application {

    private static final int STATE_SAMPLES = 8;
    private static final long STEADY_MS = 30_000;

    private App app;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        app = new App(stage, AppPaths.fromEnvironment());
        app.start(UiPreferences.DEFAULTS);
        Thread driver = new Thread(() -> {
            try {
                drive();
                System.exit(0);
            } catch (Throwable e) {
                e.printStackTrace();
                System.exit(1);
            }
        }, "bench-driver");
        driver.setDaemon(true);
        driver.start();
    }

    private void drive() throws Exception {
        int expected = Integer.parseInt(getParameters().getRaw().get(0));
        TableView<InstanceRow> table = onFx(() -> {
            @SuppressWarnings("unchecked")
            TableView<InstanceRow> t = (TableView<InstanceRow>) stage.getScene().lookup("#instanceTable");
            return t;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (onFx(() -> table.getItems().stream().filter(r -> r.state() == InstanceState.RUNNING).count())
                < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the list did not show " + expected + " running guests");
            }
            Thread.sleep(100);
        }
        List<InstanceRow> rows = onFx(() -> List.copyOf(table.getItems()));
        try (FxStallDetector stalls = new FxStallDetector()) {
            // Steady: one guest's console and editor shown, every guest printing, nobody touching anything.
            select(table, rows.get(0));
            Thread.sleep(5_000);
            stalls.reset();
            Thread.sleep(STEADY_MS);
            long steady = stalls.worst().toMillis();
            long steadyRender = stalls.worstRenderWait().toMillis();
            long steadyRss = kb(Files.readString(Path.of("/proc/self/status")).split("\n"), "VmRSS:");
            System.out.println("DETAIL steady: " + stalls.describe().replace('\n', ' '));
            // Looking at each guest in turn: its editor and console tabs are built at each selection.
            stalls.reset();
            for (InstanceRow row : rows) {
                select(table, row);
                Thread.sleep(1_000);
            }
            long visiting = stalls.worst().toMillis();
            System.out.println("DETAIL visiting: " + stalls.describe().replace('\n', ' '));
            stalls.reset();
            List<Long> stateMillis = stateChanges(rows);
            long changing = stalls.worst().toMillis();
            System.out.println("DETAIL changing: " + stalls.describe().replace('\n', ' '));
            Runtime rt = Runtime.getRuntime();
            System.out.printf("DETAIL memory: heap used %d MB of %d MB committed (max %d MB), threads %d, %s%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20, rt.maxMemory() >> 20,
                    Thread.activeCount(), String.join(", ", Files.readAllLines(Path.of("/proc/self/smaps_rollup"))
                            .stream().filter(l -> l.matches("(Rss|Pss_Anon|Pss_File|Anonymous):.*"))
                            .map(l -> l.replaceAll("\\s+", " ")).toList()));
            String[] status = Files.readString(Path.of("/proc/self/status")).split("\n");
            System.out.printf("RESULT steady_ms=%d steady_render_ms=%d visiting_ms=%d changing_ms=%d"
                            + " state_median_ms=%d state_max_ms=%d steady_rss_kb=%d rss_kb=%d hwm_kb=%d guests=%d%n",
                    steady, steadyRender, visiting, changing, median(stateMillis), Collections.max(stateMillis),
                    steadyRss, kb(status, "VmRSS:"), kb(status, "VmHWM:"), rows.size());
        }
    }

    /** Pauses and resumes guests through a client of their own; the milliseconds until the list shows each change. */
    private List<Long> stateChanges(List<InstanceRow> rows) throws Exception {
        AppPaths paths = AppPaths.fromEnvironment();
        RuntimeLayout layout = RuntimeLayout.of(paths, System.getenv(), Path.of(System.getProperty("user.home")),
                Path.of("").toAbsolutePath());
        ExecutorService work = Executors.newCachedThreadPool();
        List<Long> millis = new ArrayList<>();
        try (RuntimeService other = new RuntimeService(layout, SupervisorLauncher.forThisJvm(layout), List::of, work,
                Runnable::run)) {
            for (int i = 0; i < STATE_SAMPLES; i++) {
                InstanceRow row = rows.get((i * 5) % rows.size());
                millis.add(change(row, () -> other.pause(row.name()), InstanceState.PAUSED));
                millis.add(change(row, () -> other.resume(row.name()), InstanceState.RUNNING));
            }
        } finally {
            work.shutdownNow();
        }
        return millis;
    }

    private static long change(InstanceRow row, Supplier<CompletableFuture<?>> action, InstanceState to)
            throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        AtomicLong at = new AtomicLong();
        ChangeListener<InstanceState> listener = (o, a, state) -> {
            if (state == to) {
                at.set(System.nanoTime());
                shown.countDown();
            }
        };
        onFx(() -> {
            row.stateProperty().addListener(listener);
            return null;
        });
        long t0 = System.nanoTime();
        action.get().get(30, TimeUnit.SECONDS);
        if (!shown.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(row.name() + " did not show " + to);
        }
        onFx(() -> {
            row.stateProperty().removeListener(listener);
            return null;
        });
        return (at.get() - t0) / 1_000_000;
    }

    private static void select(TableView<InstanceRow> table, InstanceRow row) throws Exception {
        onFx(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row);
            return null;
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        // Generous: a JVM starting on a machine busy with dozens of booting kernels is slow.
        return result.get(180, TimeUnit.SECONDS);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long kb(String[] status, String key) {
        for (String line : status) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }
}
