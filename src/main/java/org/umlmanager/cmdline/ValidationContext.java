package org.umlmanager.cmdline;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the validator may know beyond the instance itself.
 *
 * @param defaultUmlDir the uml_dir used when the instance sets none (for the socket path length check);
 *                      empty means the kernel's default, {@code $HOME/.uml/}
 * @param host          whether and how to look at the host: files, directories and devices the
 *                      configuration names, places where the kernel must create a file
 * @param baseDir       the directory relative paths are resolved against (the kernel's working directory)
 */
public record ValidationContext(Optional<Path> defaultUmlDir, HostChecks host, Path baseDir) {

    /**
     * How what the host lacks counts. A configuration may well name an image that is made later,
     * or that lives on the machine a lab came from: that is worth knowing when it is saved, and
     * a reason to refuse only when the guest is started, in the same words.
     */
    public enum HostChecks {
        /** The host is not looked at: syntax and meaning only. */
        NONE,
        /** Saving (import, the editor): what the host lacks is a warning. */
        WARN,
        /** Starting: the same findings are errors that refuse the start. */
        REFUSE
    }

    public ValidationContext {
        Objects.requireNonNull(defaultUmlDir);
        Objects.requireNonNull(host);
        Objects.requireNonNull(baseDir);
    }

    /** For saving: host state is looked at and reported as warnings. */
    public static ValidationContext forSaving(Optional<Path> defaultUmlDir, Path baseDir) {
        return new ValidationContext(defaultUmlDir, HostChecks.WARN, baseDir);
    }

    /** For starting: host state is looked at, and what is missing refuses the start. */
    public static ValidationContext forStarting(Optional<Path> defaultUmlDir, Path baseDir) {
        return new ValidationContext(defaultUmlDir, HostChecks.REFUSE, baseDir);
    }

    /** For saving, with relative paths against the current directory and the default uml_dir. */
    public static ValidationContext defaults() {
        return forSaving(Optional.empty(), Path.of("").toAbsolutePath());
    }

    /** Syntax and semantics only; no file system access. */
    public static ValidationContext syntaxOnly() {
        return new ValidationContext(Optional.empty(), HostChecks.NONE, Path.of("").toAbsolutePath());
    }

    /** Whether the host's files are looked at at all. */
    public boolean checkFiles() {
        return host != HostChecks.NONE;
    }

    /** A finding about the host: a warning when saving, an error when starting; the same words either way. */
    Problem hostProblem(String field, String subject, String message) {
        return host == HostChecks.REFUSE ? Problem.error(field, subject, message)
                : Problem.warning(field, subject, message);
    }
}
