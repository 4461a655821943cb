package org.umlmanager.provision;

/**
 * Receives what a long provisioning step is doing. Called from the worker thread that runs the
 * step, never from the caller's thread; a UI must hand the values over to its own thread.
 * Implementations must be quick and must not throw.
 */
public interface ProgressListener {

    /** A new step begins, e.g. "Installing Debian bookworm". */
    void stage(String title);

    /** Overall progress in [0, 1], or a negative value while the current step cannot tell. */
    void progress(double fraction);

    /** One line of output from the tools that run (mmdebstrap, mkfs) or from the setup itself. */
    void log(String line);

    ProgressListener NONE = new ProgressListener() {
        @Override
        public void stage(String title) {
        }

        @Override
        public void progress(double fraction) {
        }

        @Override
        public void log(String line) {
        }
    };
}
