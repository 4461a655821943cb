package org.umlmanager.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The X display a benchmark's app runs on: {@code $DISPLAY}, or an Xvfb of its own when there is none. */
final class BenchDisplay implements AutoCloseable {

    private final Process xvfb;
    private final String name;

    private BenchDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    static BenchDisplay open(Path work) throws IOException, InterruptedException {
        String display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) {
            return new BenchDisplay(null, display);
        }
        for (int n = 90; n < 110; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
            for (int i = 0; i < 50 && !Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && p.isAlive(); i++) {
                p.waitFor(100, TimeUnit.MILLISECONDS);
            }
            if (p.isAlive()) {
                return new BenchDisplay(p, ":" + n);
            }
        }
        assertThat(false).as("could not start Xvfb; install xvfb or run under xvfb-run -a").isTrue();
        throw new IllegalStateException("unreachable");
    }

    String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
