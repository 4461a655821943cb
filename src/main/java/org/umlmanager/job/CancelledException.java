package org.umlmanager.job;

/**
 * The user cancelled a job; by the time this leaves the job's entry point, whatever it was making
 * has been removed. Unchecked, like {@link java.util.concurrent.CancellationException}: every
 * step of a job may throw it, and the jobs' clean-up paths already handle runtime exceptions.
 */
public final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }
}
