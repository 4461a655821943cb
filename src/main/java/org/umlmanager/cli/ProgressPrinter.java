package org.umlmanager.cli;

import java.io.PrintWriter;
import org.umlmanager.job.ProgressListener;

/**
 * Progress of a long job as lines on stderr: each step with the overall percentage, the
 * tools' phase lines ({@code I: …} from mmdebstrap), and with {@code --verbose} every line of
 * their output.
 */
final class ProgressPrinter implements ProgressListener {

    private final PrintWriter err;
    private final boolean verbose;
    private volatile double fraction;

    ProgressPrinter(PrintWriter err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public void stage(String title) {
        line(title + "…");
    }

    @Override
    public void progress(double value) {
        if (value >= 0) {
            fraction = value;
        }
    }

    @Override
    public void log(String text) {
        if (verbose) {
            line("  " + text);
        } else if (text.startsWith("I: ") || text.startsWith("E: ") || text.startsWith("W: ")) {
            line("  " + text.substring(3));
        }
    }

    private synchronized void line(String text) {
        err.printf("[%3d%%] %s%n", Math.round(fraction * 100), text);
        err.flush();
    }
}
