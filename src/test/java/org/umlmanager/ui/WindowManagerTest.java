package org.umlmanager.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.umlmanager.testing.Await;
import org.umlmanager.ui.prefs.WindowGeometry;

/**
 * The windows as people meet them: the app on a real X display (Xvfb) under a window manager
 * (openbox), with the GTK glass rather than the headless one the other UI tests use. A window
 * manager ignores a size and position set before a window is mapped: the main window came up at
 * about 200 pixels square, dialogs at 200×200 with their title bar off-screen. Here the main
 * window must come up at its first-run 1200×800 on the screen, and every dialog and secondary
 * window at least as big as its content needs, resizable, on the screen and centred on the main
 * window. The app runs in a JVM of its own ({@link WindowProbe}); X itself is asked too.
 */
class WindowManagerTest {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WindowManagerTest.class);
    private static final int SCREEN_W = 1600;
    private static final int SCREEN_H = 1000;
    private final List<Process> started = new ArrayList<>();
    private Path home;

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            Process p = started.get(i);
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static boolean installed(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private static String run(List<String> argv, String display) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /**
     * Xvfb on a free display, and openbox managing it. The server's and the window manager's own
     * words go to files in {@link #home}, so that a failure says what they said (once in a CI run,
     * openbox could not open the display Xvfb had just announced, and nothing more was known).
     * The server does not reset when its last client leaves ({@code -noreset}): the probes below
     * connect and leave, and a reset would race openbox's own connection.
     */
    private String startServerAndWindowManager() throws Exception {
        Path xvfbLog = home.resolve("xvfb.log");
        ProcessBuilder server = new ProcessBuilder("Xvfb", "-displayfd", "1", "-noreset", "-screen", "0",
                SCREEN_W + "x" + SCREEN_H + "x24", "-nolisten", "tcp").redirectError(xvfbLog.toFile());
        Process xvfb = server.start();
        started.add(xvfb);
        String number = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (number == null) {
            xvfb.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("Xvfb announced no display; it said: " + Files.readString(xvfbLog));
        }
        String display = ":" + number.strip();
        Await.until(Duration.ofSeconds(60), "Xvfb answers on " + display + " or exits",
                () -> !xvfb.isAlive() || run(List.of("xdpyinfo"), display).contains("screen #0"));
        assertThat(xvfb.isAlive()).as("Xvfb runs on %s; it said: %s", display, Files.readString(xvfbLog)).isTrue();

        Path openboxLog = home.resolve("openbox.log");
        ProcessBuilder wm = new ProcessBuilder("openbox", "--sm-disable").redirectErrorStream(true)
                .redirectOutput(openboxLog.toFile());
        wm.environment().put("DISPLAY", display);
        wm.environment().put("HOME", home.toString());
        Process openbox = wm.start();
        started.add(openbox);
        Await.until(Duration.ofSeconds(90), "openbox manages " + display + " or exits", () -> !openbox.isAlive()
                || run(List.of("xprop", "-root", "_NET_SUPPORTING_WM_CHECK"), display).contains("window id"));
        assertThat(openbox.isAlive()).as("openbox manages %s; openbox said: %s; Xvfb %s, said: %s", display,
                Files.readString(openboxLog), xvfb.isAlive() ? "runs" : "exited " + xvfb.exitValue(),
                Files.readString(xvfbLog)).isTrue();
        return display;
    }

    /** One line of the probe: a window's place and size, its content's minimum, its owner's place. */
    record Placed(String title, double x, double y, double w, double h, double sceneW, double sceneH, double minW,
                  double minH, double ownerX, double ownerY, double ownerW, double ownerH, boolean resizable) {
        static Placed parse(String line) {
            String[] f = line.substring("WINDOW ".length()).split("\\|");
            double[] v = new double[12];
            for (int i = 0; i < 12; i++) {
                v[i] = Double.parseDouble(f[i + 1]);
            }
            return new Placed(f[0], v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
                    Boolean.parseBoolean(f[13]));
        }
    }

    @Test
    void everyWindowComesUpAtItsSizeOnTheScreenUnderOpenbox() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        for (String tool : List.of("Xvfb", "openbox", "xdotool", "xprop", "xdpyinfo")) {
            if (!ci) {
                assumeTrue(installed(tool), tool + " is not installed: apt-get install xvfb openbox xdotool x11-utils");
            }
        }
        home = Files.createTempDirectory(Path.of("/tmp"), "uwm");
        String display = startServerAndWindowManager();

        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dprism.order=sw", "-Dprism.fontdir=/usr/share/fonts/truetype/dejavu",
                "-Djavafx.cachedir=" + home.resolve("cache"), "-cp", System.getProperty("java.class.path"),
                WindowProbe.class.getName(), home.toString()));
        ProcessBuilder pb = new ProcessBuilder(java).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        pb.environment().put("UML_MANAGER_HOME", home.toString());
        Process probe = pb.start();
        started.add(probe);
        List<Placed> windows = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(probe.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                log.append(line).append('\n');
                if (line.startsWith("WINDOW ")) {
                    windows.add(Placed.parse(line));
                    if (windows.size() == 1) {
                        // X's own account of the main window, while it is shown.
                        String geometry = run(List.of("xdotool", "search", "--onlyvisible", "--name", "^UML Manager$",
                                "getwindowgeometry"), display);
                        log.append(geometry);
                        assertThat(geometry).as(log.toString()).containsPattern("Geometry: 1[12]\\d\\dx[78]\\d\\d");
                    }
                }
            }
        }
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as(log.toString()).isTrue();
        LOG.info("Windows as placed under openbox:\n{}", log);
        assertThat(windows).as(log.toString()).hasSize(1 + WindowProbe.ITEMS.size());
        // The divider between the list and the view is where it was saved (the first layout at the
        // window manager's first size moved it once).
        double split = log.toString().lines().filter(l -> l.startsWith("SPLIT ")).map(l -> Double.parseDouble(
                l.substring(6))).findFirst().orElseThrow();
        assertThat(split).as(log.toString()).isCloseTo(WindowGeometry.DEFAULT.split(), within(0.02));

        Placed main = windows.get(0);
        assertThat(main.title()).isEqualTo("UML Manager");
        assertThat(main.sceneW()).as("main window's width\n" + log).isBetween(1150.0, 1200.0);
        assertThat(main.sceneH()).as("main window's height\n" + log).isBetween(740.0, 800.0);
        onScreen(main, log);
        // Centred on the screen on a first run.
        assertThat(Math.abs(main.x() + main.w() / 2 - SCREEN_W / 2.0)).as(log.toString()).isLessThan(40);

        for (Placed w : windows.subList(1, windows.size())) {
            String what = w.title() + "\n" + log;
            assertThat(w.resizable()).as("resizable: " + what).isTrue();
            assertThat(w.sceneW()).as("width shows every control: " + what).isGreaterThanOrEqualTo(Math.floor(w.minW()));
            assertThat(w.sceneH()).as("height shows every control: " + what).isGreaterThanOrEqualTo(Math.floor(w.minH()));
            assertThat(w.w()).as("not a tiny window: " + what).isGreaterThan(300);
            assertThat(w.h()).as("not a tiny window: " + what).isGreaterThan(150);
            onScreen(w, log);
            assertThat(Math.abs(w.x() + w.w() / 2 - (w.ownerX() + w.ownerW() / 2))).as("centred: " + what)
                    .isLessThan(40);
            assertThat(Math.abs(w.y() + w.h() / 2 - (w.ownerY() + w.ownerH() / 2))).as("centred: " + what)
                    .isLessThan(60);
        }
    }

    private static void onScreen(Placed w, StringBuilder log) {
        String what = w.title() + " on the screen\n" + log;
        assertThat(w.x()).as(what).isGreaterThanOrEqualTo(0);
        assertThat(w.y()).as(what).isGreaterThanOrEqualTo(0);
        assertThat(w.x() + w.w()).as(what).isLessThanOrEqualTo(SCREEN_W);
        assertThat(w.y() + w.h()).as(what).isLessThanOrEqualTo(SCREEN_H);
    }
}
