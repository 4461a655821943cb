package org.umlmanager.launch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The supervisor's files, in one directory under the runtime directory: its socket, the lock it
 * holds while it runs, the lock a client holds while it starts one, its log, and the records of
 * the processes it supervises besides guests.
 */
public record SupervisorFiles(Path directory) {

    public SupervisorFiles {
        Objects.requireNonNull(directory);
    }

    public Path socket() {
        return directory.resolve("supervisor.sock");
    }

    /** Held by the running supervisor for its whole life: at most one per directory. */
    public Path lock() {
        return directory.resolve("supervisor.lock");
    }

    /** Held by a client while it checks for a supervisor and starts one: two clients never start two. */
    public Path startLock() {
        return directory.resolve("start.lock");
    }

    public Path log() {
        return directory.resolve("supervisor.log");
    }

    /** One record per supervised child process, so that a successor finds them. */
    public Path childrenDirectory() {
        return directory.resolve("children");
    }
}
