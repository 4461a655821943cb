package org.umlmanager.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 16 MiB of mixed ANSI text through one console tab (the app's own JVM options, a real X display)
 * against {@code xterm -e cat} under the same display and a raw pty drain; then the app's resident
 * memory with 8 console tabs that each received the same 16 MiB. Medians of 5 runs, interleaved.
 * The console tab is also measured with its jump scrolling off (the terminal parses every byte),
 * to show what the skipping buys. Uses {@code $DISPLAY}, or starts its own Xvfb when there is
 * none. Results go to {@code bench-results/console.txt}; the targets are 1.0× xterm's time and
 * 400 MB.
 */
class ConsoleThroughputBench {

    private static final long SIZE = 16L << 20;
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    /** The launcher's JVM options (packaging/bin/uml-manager). */
    /** The installed launcher's options; {@code -Dbench.appJvm="..."} tries others. */
    private static final List<String> APP_JVM = List.of(System.getProperty("bench.appJvm",
            "-Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dprism.order=sw").trim().split("\\s+"));
    private static final Pattern RESULT = Pattern.compile(
            "RESULT ms=(\\d+) rss_kb=(\\d+) hwm_kb=(\\d+) bytes=\\d+ tabs=\\d+ skipped_chars=(\\d+)");
    private static final Pattern BUFFER = Pattern.compile("BUFFER lines=(\\d+) hash=(\\w+)");
    private static final List<String> EVERY_BYTE = List.of("-Dbench.jumpScroll=false");

    /** What each throughput run's tab ended up holding: the same with and without skipping. */
    private static final List<String> BUFFERS = new ArrayList<>();
    private static BenchDisplay screen;
    private static String display;
    private static Path work;

    @BeforeAll
    static void display() throws Exception {
        work = Files.createDirectories(Path.of("target", "bench-console").toAbsolutePath());
        screen = BenchDisplay.open(work);
        display = screen.name();
    }

    @AfterAll
    static void stopDisplay() throws InterruptedException {
        screen.close();
    }

    @Test
    void consoleThroughputAndMemory() throws Exception {
        Path sample = AnsiSample.write(work.resolve("sample.ansi"), SIZE);
        List<Long> raw = new ArrayList<>();
        List<Long> xterm = new ArrayList<>();
        List<Long> xtermDejaVu = new ArrayList<>();
        List<Long> app = new ArrayList<>();
        List<Long> appHwm = new ArrayList<>();
        List<Long> skipped = new ArrayList<>();
        List<Long> everyByte = new ArrayList<>();
        String loadBefore = loadAverage();
        for (int i = 0; i < RUNS; i++) {
            raw.add(timed(List.of("script", "-q", "-c", "cat " + sample, "/dev/null")));
            xterm.add(timed(List.of("xterm", "-geometry", "120x40", "-e", "cat", sample.toString())));
            xtermDejaVu.add(timed(List.of("xterm", "-geometry", "120x40", "-fa", "DejaVu Sans Mono", "-fs", "13",
                    "-e", "cat", sample.toString())));
            long[] r = runApp(List.of(), "throughput", sample.toString());
            app.add(r[0]);
            appHwm.add(r[2]);
            skipped.add(r[3]);
            everyByte.add(runApp(EVERY_BYTE, "throughput", sample.toString())[0]);
        }
        assertThat(new HashSet<>(BUFFERS)).as("the tab's scrollback and screen text, with and without skipping")
                .hasSize(1);
        long[] rss = runApp(List.of(), "rss", "8", sample.toString());
        String loadAfter = loadAverage();

        double ratio = (double) median(app) / median(xterm);
        String report = String.format("""
                Console throughput and memory (%s)
                16 MiB of mixed ANSI text, 120x40 cells, display %s, medians of %d runs (ms: all runs)
                  raw pty drain (script -c cat)           %6d ms   %s
                  xterm -e cat (default font)             %6d ms   %s
                  xterm -e cat (DejaVu Sans Mono 13)      %6d ms   %s
                  UML Manager console tab                 %6d ms   %s   peak RSS %d MB
                    of %d characters, %d (median) were lines that would have scrolled past its scrollback: not parsed
                  same tab, jump scrolling off (every byte parsed) %6d ms   %s
                  the tab's scrollback and screen text, all runs with and without skipping: identical (%s)
                  ratio to xterm (default font): %.2f   target <= 1.00: %s   (jump scrolling off: %.2f)
                App with 8 console tabs, 16 MiB through each: RSS %d MB, peak %d MB   target <= 400 MB: %s
                App JVM options: %s; scrollback 1,000 lines, %d fps
                Load average (1, 5, 15 min) before: %s; after: %s (2 cores)
                """, LocalDateTime.now().withNano(0), display, RUNS,
                median(raw), raw, median(xterm), xterm, median(xtermDejaVu), xtermDejaVu, median(app), app,
                median(appHwm) / 1024, Files.size(sample), median(skipped), median(everyByte), everyByte, BUFFERS.get(0),
                ratio, ratio <= 1.0 ? "met" : "MISSED", (double) median(everyByte) / median(xterm),
                rss[1] / 1024, rss[2] / 1024, rss[1] / 1024 <= 400 ? "met" : "MISSED",
                String.join(" ", APP_JVM), ConsoleBenchSubject.REFRESH_RATE, loadBefore, loadAfter);
        Path results = Path.of(System.getProperty("bench.results", "bench-results"));
        Files.createDirectories(results);
        Files.writeString(results.resolve("console.txt"), report, StandardCharsets.UTF_8);
        System.err.print(report);
        assertThat(app).allMatch(ms -> ms > 0);
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return String.join(" ", fields[0], fields[1], fields[2]);
    }

    private static long median(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return v[v.length / 2];
    }

    private static long timed(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DISPLAY", display);
        long start = System.nanoTime();
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        long ms = (System.nanoTime() - start) / 1_000_000;
        // xterm's own status can be non-zero when its child's pty hangs up at the end; only script's counts.
        if (command.get(0).equals("script")) {
            assertThat(p.exitValue()).as("%s exit status", command).isZero();
        }
        return ms;
    }

    /** Runs the app's console in its own JVM; returns {ms, rss KiB, peak RSS KiB, characters skipped}. */
    private static long[] runApp(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(APP_JVM);
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dprism.order=sw", "-Djavafx.cachedir=" + work.resolve("openjfx"),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                ConsoleBenchApp.class.getName()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("DISPLAY", display);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        Matcher m = RESULT.matcher(out);
        assertThat(m.find()).as("bench app output:%n%s", out).isTrue();
        Matcher b = BUFFER.matcher(out);
        if (args[0].equals("throughput")) {
            assertThat(b.find()).as("bench app output:%n%s", out).isTrue();
            BUFFERS.add(b.group(1) + " lines, hash " + b.group(2));
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
            Long.parseLong(m.group(4))};
    }
}
