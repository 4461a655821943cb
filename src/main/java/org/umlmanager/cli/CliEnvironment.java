package org.umlmanager.cli;

import java.io.OutputStream;
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
 * @param rawOut           standard output for bytes that must pass unchanged ({@code exec})
 * @param rawErr           standard error, likewise
 */
public record CliEnvironment(AppPaths paths, Path workingDirectory, PrintWriter out, PrintWriter err,
                             OutputStream rawOut, OutputStream rawErr) {

    public CliEnvironment {
        Objects.requireNonNull(paths);
        Objects.requireNonNull(workingDirectory);
        Objects.requireNonNull(out);
        Objects.requireNonNull(err);
        Objects.requireNonNull(rawOut);
        Objects.requireNonNull(rawErr);
    }

    /** Bytes go to the writers as UTF-8 text (for tests that read the output as text). */
    public CliEnvironment(AppPaths paths, Path workingDirectory, PrintWriter out, PrintWriter err) {
        this(paths, workingDirectory, out, err, asBytes(out), asBytes(err));
    }

    private static OutputStream asBytes(PrintWriter writer) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writer.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
                writer.flush();
            }
        };
    }

    /** The process's own: environment variables, current directory, stdout and stderr. */
    public static CliEnvironment system() {
        Charset charset = Charset.defaultCharset();
        return new CliEnvironment(AppPaths.fromEnvironment(), Path.of("").toAbsolutePath(),
                new PrintWriter(System.out, true, charset), new PrintWriter(System.err, true, charset), System.out,
                System.err);
    }
}
