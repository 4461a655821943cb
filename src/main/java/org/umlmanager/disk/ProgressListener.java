package org.umlmanager.disk;

/**
 * Receives news of a long disk or COW operation, so that a wizard can show a step label, a
 * progress bar and a live log. Called on the thread that runs the operation; implementations
 * that touch a UI must hand the news over to the UI thread themselves.
 */
public interface ProgressListener {

    /** Ignores everything. */
    ProgressListener NONE = description -> { };

    /** A new phase begins, e.g. "Making an ext4 filesystem". */
    void step(String description);

    /** {@code done} of {@code total} units (bytes unless the step says otherwise) are finished. */
    default void progress(long done, long total) {
    }

    /** One line printed by an external tool. */
    default void output(String line) {
    }
}
