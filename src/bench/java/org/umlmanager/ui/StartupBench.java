package org.umlmanager.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.umlmanager.cmdline.CommandLineParser;
import org.umlmanager.cmdline.ParseResult;
import org.umlmanager.model.AppPaths;
import org.umlmanager.storage.InstanceStore;

/**
 * Cold start to a mapped window: the installed package ({@code /usr/bin/uml-manager}, or
 * {@code -Dbench.launcher=PATH}) with 200 saved machines against virt-manager with libvirt's test
 * driver ({@code --connect test:///default}), on one Xvfb display with openbox, interleaved so
 * that load on the machine hits both alike. Each run is a new process (files in the page cache,
 * as for a desktop user starting the program a second time); the time is from just before the
 * process is started to the X server reporting its top-level window mapped (an X client waiting
 * for MapNotify on the root window, no polling). Target: median at most 1.5 times virt-manager's.
 * Results go to {@code bench-results/startup.txt}.
 */
class StartupBench {

    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final int INSTANCES = 200;
    private static final double TARGET_RATIO = 1.5;
    private static final long TIMEOUT_MS = 60_000;

    @Test
    void coldStartToMappedWindowAgainstVirtManager() throws Exception {
        Path launcher = Path.of(System.getProperty("bench.launcher", "/usr/bin/uml-manager"));
        assertThat(launcher).as("the installed package: ./mvnw -Pdist -DskipTests package && sudo apt-get install"
                + " ./target/dist/uml-manager_*_amd64.deb (or -Dbench.launcher=PATH)").isExecutable();
        Path virtManager = Path.of("/usr/bin/virt-manager");
        assertThat(virtManager).as("the comparison: sudo apt-get install virt-manager").isExecutable();
        Path work = Files.createDirectories(Path.of("target", "bench-startup").toAbsolutePath());
        Path home = savedMachines(work.resolve("home"));

        try (Display display = Display.start(work)) {
            List<String> ours = List.of(launcher.toString());
            List<String> theirs = List.of(virtManager.toString(), "--no-fork", "--connect", "test:///default");
            Map<String, String> ourEnv = Map.of("UML_MANAGER_HOME", home.toString());
            Map<String, String> theirEnv = Map.of("HOME", Files.createDirectories(work.resolve("virt-home")).toString());
            // One run each first, not counted: both programs' files come into the page cache.
            display.timeToMap(ours, ourEnv, "UML Manager");
            display.timeToMap(theirs, theirEnv, "Virtual Machine Manager");
            List<Long> a = new ArrayList<>();
            List<Long> b = new ArrayList<>();
            String loadBefore = loadAverage();
            for (int run = 0; run < RUNS; run++) {
                a.add(display.timeToMap(ours, ourEnv, "UML Manager"));
                b.add(display.timeToMap(theirs, theirEnv, "Virtual Machine Manager"));
            }
            long medianOurs = median(a);
            long medianTheirs = median(b);
            double ratio = (double) medianOurs / medianTheirs;
            String report = String.format("""
                    cold start to a mapped window, %d saved machines, one Xvfb display with openbox (%s)
                    machine: %d cpus, load average before %s, after %s
                    UML Manager: %s (%s)
                    virt-manager: %s --no-fork --connect test:///default
                    each run a new process; medians of %d runs, interleaved (ms: all runs)

                    UML Manager (installed package)  median %5d ms   %s
                    virt-manager 4 (test driver)     median %5d ms   %s

                    ratio: %.2fx virt-manager's (target <= %.1fx): %s
                    """, INSTANCES, LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(),
                    loadBefore, loadAverage(), launcher, launcher.toRealPath(), virtManager, RUNS, medianOurs, a,
                    medianTheirs, b, ratio, TARGET_RATIO, ratio <= TARGET_RATIO ? "met" : "NOT met");
            Path dir = Files.createDirectories(Path.of(System.getProperty("bench.results", "bench-results")));
            Files.writeString(dir.resolve("startup.txt"), report, StandardCharsets.UTF_8);
            org.slf4j.LoggerFactory.getLogger(StartupBench.class).info("\n{}", report);
            assertThat(ratio).as("median start-up time over virt-manager's").isLessThanOrEqualTo(TARGET_RATIO);
        }
    }

    /** Saved machines as users have them: a disk, a network interface, consoles, a host folder. */
    private static Path savedMachines(Path home) throws Exception {
        if (Files.exists(home)) {
            try (var walk = Files.walk(home)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        InstanceStore store = new InstanceStore(AppPaths.under(home).instancesDir());
        for (int i = 1; i <= INSTANCES; i++) {
            String name = String.format("vm-%03d", i);
            ParseResult parsed = CommandLineParser.parse(name, List.of("mem=256M", "ubd0=" + home + "/" + name + ".img",
                    "umid=" + name, "con0=fd:0,fd:1", "con1=pts", "con=null", "eth0=vde," + home + "/switch",
                    "root=/dev/ubda", "hostfs=" + home));
            assertThat(parsed.hasErrors()).as(parsed.problems().toString()).isFalse();
            store.create(parsed.instance());
        }
        return home;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    /** An Xvfb display with openbox, and an X client that sees windows being mapped. */
    private static final class Display implements AutoCloseable {

        private static final X11 X = X11.INSTANCE;
        private static final int MAP_NOTIFY = 19;
        private static final int IS_VIEWABLE = 2;

        private final String name;
        private final Process xvfb;
        private final Process openbox;
        private final X11.Display connection;
        private final BlockingQueue<Long> maps = new ArrayBlockingQueue<>(1000);
        private final Thread listener;
        private volatile boolean running = true;

        private Display(String name, Process xvfb, Process openbox, X11.Display connection) {
            this.name = name;
            this.xvfb = xvfb;
            this.openbox = openbox;
            this.connection = connection;
            // Only this thread uses the connection: it reads events as they come and stamps each map.
            listener = new Thread(this::listen, "map-listener");
            listener.setDaemon(true);
            listener.start();
        }

        static Display start(Path work) throws Exception {
            for (int n = 110; n < 140; n++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                    continue;
                }
                Process xvfb = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
                for (int i = 0; i < 100 && !Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && xvfb.isAlive(); i++) {
                    xvfb.waitFor(100, TimeUnit.MILLISECONDS);
                }
                if (!xvfb.isAlive()) {
                    continue;
                }
                ProcessBuilder wm = new ProcessBuilder("openbox").redirectErrorStream(true)
                        .redirectOutput(work.resolve("openbox.log").toFile());
                wm.environment().put("DISPLAY", ":" + n);
                Process openbox = wm.start();
                X11.Display connection = X.XOpenDisplay(":" + n);
                assertThat(connection).as("cannot open display :" + n).isNotNull();
                X.XSelectInput(connection, X.XDefaultRootWindow(connection), new NativeLong(X11.SubstructureNotifyMask));
                X.XFlush(connection);
                return new Display(":" + n, xvfb, openbox, connection);
            }
            throw new AssertionError("could not start Xvfb on :110–:139; install xvfb and openbox");
        }

        private void listen() {
            X11.XEvent event = new X11.XEvent();
            // Polled every millisecond rather than blocking in XNextEvent, so that the connection can
            // be closed before the server goes (Xlib ends the process when its server disappears).
            while (running) {
                while (X.XPending(connection) > 0) {
                    X.XNextEvent(connection, event);
                    if (event.type == MAP_NOTIFY) {
                        maps.offer(System.nanoTime());
                    }
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Starts {@code command}, returns the milliseconds until its window is mapped, then ends it. */
        long timeToMap(List<String> command, Map<String, String> env, String title) throws Exception {
            maps.clear();
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putAll(env);
            pb.environment().put("DISPLAY", name);
            long start = System.nanoTime();
            Process p = pb.start();
            try {
                long deadline = start + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
                while (true) {
                    Long mapped = maps.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    assertThat(mapped).as(command + " mapped no window in " + TIMEOUT_MS + " ms").isNotNull();
                    // A map of some other window (a dialog, a tooltip) does not count.
                    if (windowShown(title)) {
                        return TimeUnit.NANOSECONDS.toMillis(mapped - start);
                    }
                }
            } finally {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            }
        }

        /** Whether a viewable top-level window (or one inside a window manager's frame) is named {@code title}. */
        private boolean windowShown(String title) {
            X11.Display own = X.XOpenDisplay(name);
            try {
                return shown(own, X.XDefaultRootWindow(own), title, 0);
            } finally {
                X.XCloseDisplay(own);
            }
        }

        private static boolean shown(X11.Display d, X11.Window window, String title, int depth) {
            X11.WindowByReference root = new X11.WindowByReference();
            X11.WindowByReference parent = new X11.WindowByReference();
            PointerByReference children = new PointerByReference();
            IntByReference count = new IntByReference();
            if (X.XQueryTree(d, window, root, parent, children, count) == 0 || children.getValue() == null) {
                return false;
            }
            try {
                long[] ids = children.getValue().getLongArray(0, count.getValue());
                for (long id : ids) {
                    X11.Window child = new X11.Window(id);
                    X11.XWindowAttributes attributes = new X11.XWindowAttributes();
                    if (X.XGetWindowAttributes(d, child, attributes) == 0 || attributes.map_state != IS_VIEWABLE) {
                        continue;
                    }
                    PointerByReference nameRef = new PointerByReference();
                    if (X.XFetchName(d, child, nameRef) != 0 && nameRef.getValue() != null) {
                        String windowName = nameRef.getValue().getString(0);
                        X.XFree(nameRef.getValue());
                        if (windowName.equals(title)) {
                            return true;
                        }
                    }
                    if (depth < 2 && shown(d, child, title, depth + 1)) {
                        return true;
                    }
                }
                return false;
            } finally {
                X.XFree(children.getValue());
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            listener.join(5000);
            X.XCloseDisplay(connection);
            openbox.destroy();
            xvfb.destroy();
            openbox.waitFor(10, TimeUnit.SECONDS);
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
