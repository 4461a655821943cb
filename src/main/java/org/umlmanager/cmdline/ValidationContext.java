package org.umlmanager.cmdline;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the validator may know beyond the instance itself.
 *
 * @param defaultUmlDir the uml_dir used when the instance sets none (for the socket path length check);
 *                      empty means the kernel's default, {@code $HOME/.uml/}
 * @param checkFiles    whether to look at the host's files (a directory given as a disk image, …);
 *                      off for pure syntax checks
 * @param baseDir       the directory relative paths are resolved against (the kernel's working directory)
 */
public record ValidationContext(Optional<Path> defaultUmlDir, boolean checkFiles, Path baseDir) {

    /** Checks files, relative paths against the current directory, default uml_dir. */
    public static ValidationContext defaults() {
        return new ValidationContext(Optional.empty(), true, Path.of("").toAbsolutePath());
    }

    /** Syntax and semantics only; no file system access. */
    public static ValidationContext syntaxOnly() {
        return new ValidationContext(Optional.empty(), false, Path.of("").toAbsolutePath());
    }
}
