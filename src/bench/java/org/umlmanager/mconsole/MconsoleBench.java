package org.umlmanager.mconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.testing.UmlKernel;

/**
 * mconsole {@code version} round trip: this client versus {@code uml_mconsole} run as a process,
 * against the same guest in the same run, interleaved in rounds so that load changes on the
 * machine hit both alike. Target: ours at least 15 times faster at the median. Results go to
 * {@code bench-results/mconsole.txt}.
 */
class MconsoleBench {

    private static final int ROUNDS = 10;
    private static final int OURS_PER_ROUND = 200;
    private static final int THEIRS_PER_ROUND = 20;
    private static final double TARGET_RATIO = 15;

    @Test
    void versionRoundTripAgainstUmlMconsole() throws Exception {
        Path tool = UmlKernel.requireTool("uml_mconsole", "apt-get install uml-utilities");
        try (TestGuest guest = TestGuest.boot(BusyboxImage.DEFAULT_INIT);
                MconsoleClient client = new MconsoleClient(guest.address())) {
            String expected = client.version().formatted();
            for (int i = 0; i < 500; i++) {
                client.version();
            }
            for (int i = 0; i < 5; i++) {
                runUmlMconsole(tool, guest);
            }
            List<Long> ours = new ArrayList<>();
            List<Long> theirs = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < OURS_PER_ROUND; i++) {
                    long t0 = System.nanoTime();
                    MconsoleReply r = client.version();
                    ours.add(System.nanoTime() - t0);
                    assertThat(r.ok()).isTrue();
                }
                for (int i = 0; i < THEIRS_PER_ROUND; i++) {
                    long t0 = System.nanoTime();
                    String out = runUmlMconsole(tool, guest);
                    theirs.add(System.nanoTime() - t0);
                    assertThat(out).isEqualTo(expected);
                }
            }
            Stats a = Stats.of(ours);
            Stats b = Stats.of(theirs);
            double ratio = b.median / a.median;
            String report = String.join("\n",
                    "mconsole 'version' round trip, same guest, same run (" + Instant.now() + ")",
                    "machine: " + Runtime.getRuntime().availableProcessors() + " cpus, load average "
                            + Files.readString(Path.of("/proc/loadavg")).trim(),
                    "guest: " + expected.trim(),
                    "",
                    String.format("%-28s %8s %10s %10s %10s", "", "samples", "median", "p90", "mean"),
                    a.line("MconsoleClient (Java)"),
                    b.line("uml_mconsole (process)"),
                    "",
                    String.format("median ratio: %.1fx faster (target >= %.0fx): %s", ratio, TARGET_RATIO,
                            ratio >= TARGET_RATIO ? "met" : "NOT met"),
                    "");
            Path dir = Path.of(System.getProperty("bench.results", "bench-results"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("mconsole.txt"), report, StandardCharsets.UTF_8);
            org.slf4j.LoggerFactory.getLogger(MconsoleBench.class).info("\n{}", report);
            assertThat(ratio).as("median speed-up over uml_mconsole").isGreaterThanOrEqualTo(TARGET_RATIO);
        }
    }

    private static String runUmlMconsole(Path tool, TestGuest guest) throws Exception {
        Process p = new ProcessBuilder(tool.toString(), guest.socket.toString(), "version")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("uml_mconsole hung");
        }
        return out;
    }

    private record Stats(int n, double median, double p90, double mean) {
        static Stats of(List<Long> nanos) {
            long[] s = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Stats(s.length, s[s.length / 2] / 1e3, s[(int) Math.ceil(s.length * 0.9) - 1] / 1e3,
                    Arrays.stream(s).average().orElse(0) / 1e3);
        }

        String line(String name) {
            return String.format("%-28s %8d %8.1f µs %8.1f µs %8.1f µs", name, n, median, p90, mean);
        }
    }
}
