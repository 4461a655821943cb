package org.umlmanager.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@link LaunchSpec} a running guest was started with, kept beside its session file: a
 * supervisor that finds a guest whose supervisor died needs it to take the guest over (its lines,
 * log directory, notify socket). Java properties, written like the session file; removed when
 * the guest ends. Stateless.
 */
public final class LaunchSpecFile {

    private LaunchSpecFile() {
    }

    public static void write(Path file, LaunchSpec spec) throws IOException {
        Properties p = new Properties();
        p.setProperty("name", spec.name());
        p.setProperty("umid", spec.umid());
        p.setProperty("umlDir", spec.umlDir().toString());
        RecordFiles.list(p, "argv", spec.argv());
        RecordFiles.map(p, "env", spec.environment());
        p.setProperty("workingDirectory", spec.workingDirectory().toString());
        spec.ptyLine().ifPresent(l -> p.setProperty("ptyLine", l));
        RecordFiles.list(p, "pts", spec.ptsLines());
        p.setProperty("logDirectory", spec.logDirectory().toString());
        p.setProperty("session", spec.session().directory().toString());
        RecordFiles.store(file, p, "UML Manager launch spec");
    }

    /** The spec in {@code file}; empty if there is none or it cannot be read. */
    public static Optional<LaunchSpec> read(Path file) {
        try {
            Properties p = RecordFiles.load(file);
            return Optional.of(new LaunchSpec(RecordFiles.required(p, "name"), RecordFiles.required(p, "umid"),
                    Path.of(RecordFiles.required(p, "umlDir")), RecordFiles.list(p, "argv"), RecordFiles.map(p, "env"),
                    Path.of(RecordFiles.required(p, "workingDirectory")), Optional.ofNullable(p.getProperty("ptyLine")),
                    RecordFiles.list(p, "pts"), Path.of(RecordFiles.required(p, "logDirectory")),
                    new SessionPaths(Path.of(RecordFiles.required(p, "session")))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
