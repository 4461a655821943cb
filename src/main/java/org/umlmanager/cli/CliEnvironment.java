package org.umlmanager.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Objects;
import org.umlmanager.model.AppPaths;

/**
 * What a CLI run sees of the world, so that tests run it in-process against a temporary state
 * directory without touching the real environment.
 *
 * @param paths            where the state lives (the store is {@code paths.instancesDir()})
 * @param workingDirectory what relative paths in imported command lines are checked against
 * @param out              standard output
 * @param err              standard error
 */
public record CliEnvironment(AppPaths paths, Path workingDirectory, PrintWriter out, PrintWriter err) {

    public CliEnvironment {
        Objects.requireNonNull(paths);
        Objects.requireNonNull(workingDirectory);
        Objects.requireNonNull(out);
        Objects.requireNonNull(err);
    }

    /** The process's own: environment variables, current directory, stdout and stderr. */
    public static CliEnvironment system() {
        Charset charset = Charset.defaultCharset();
        return new CliEnvironment(AppPaths.fromEnvironment(), Path.of("").toAbsolutePath(),
                new PrintWriter(System.out, true, charset), new PrintWriter(System.err, true, charset));
    }
}
