package org.umlmanager.job;

/**
 * Receives news of a long job, so that a wizard can show a step label, a progress bar and a live
 * log, and the CLI lines on stderr. Called on the thread that runs the job; implementations that
 * touch a UI hand the news over to the UI thread themselves. They must be quick and must not throw.
 */
public interface ProgressListener {

    /** Ignores everything. */
    ProgressListener NONE = title -> { };

    /** A new stage begins, e.g. "Making an ext4 filesystem" or "Installing Debian bookworm". */
    void stage(String title);

    /** How far the job is, in [0, 1]; a negative value while the current stage cannot tell. */
    default void progress(double fraction) {
    }

    /** One line of output from a host tool, or a remark of the job itself. */
    default void log(String line) {
    }
}
