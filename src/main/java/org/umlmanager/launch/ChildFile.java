package org.umlmanager.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.umlmanager.host.PrivateDirectory;

/**
 * The record of a supervised child ({@link ChildSpec} and the process running it), one file per
 * child under the supervisor's directory, written like the session files: a supervisor that takes
 * over from a killed one finds the children through them. Stateless.
 */
public final class ChildFile {

    /**
     * What a record says: the child and, while it runs, its process and when that process started
     * (epoch milliseconds: a pid alone may have been reused by another process since).
     */
    public record Entry(ChildSpec spec, OptionalLong pid, OptionalLong startedAt, int restarts) {
    }

    private ChildFile() {
    }

    public static Path of(SupervisorFiles files, String name) {
        return files.childrenDirectory().resolve(name + ".properties");
    }

    public static void write(Path file, Entry entry) throws IOException {
        ChildSpec spec = entry.spec();
        Properties p = new Properties();
        p.setProperty("name", spec.name());
        RecordFiles.list(p, "argv", spec.argv());
        RecordFiles.map(p, "env", spec.environment());
        p.setProperty("workingDirectory", spec.workingDirectory().toString());
        p.setProperty("logFile", spec.logFile().toString());
        RecordFiles.list(p, "boundTo", List.copyOf(new TreeSet<>(spec.boundTo())));
        entry.pid().ifPresent(pid -> p.setProperty("pid", Long.toString(pid)));
        entry.startedAt().ifPresent(t -> p.setProperty("startedAt", Long.toString(t)));
        p.setProperty("restarts", Integer.toString(entry.restarts()));
        PrivateDirectory.ensure(file.getParent());
        RecordFiles.store(file, p, "UML Manager supervised child");
    }

    /** The record in {@code file}; empty if it cannot be read. */
    public static Optional<Entry> read(Path file) {
        try {
            Properties p = RecordFiles.load(file);
            ChildSpec spec = new ChildSpec(RecordFiles.required(p, "name"), RecordFiles.list(p, "argv"),
                    RecordFiles.map(p, "env"), Path.of(RecordFiles.required(p, "workingDirectory")),
                    Path.of(RecordFiles.required(p, "logFile")), Set.copyOf(RecordFiles.list(p, "boundTo")));
            return Optional.of(new Entry(spec, RecordFiles.optionalLong(p, "pid"),
                    RecordFiles.optionalLong(p, "startedAt"), Integer.parseInt(p.getProperty("restarts", "0"))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
