package org.umlmanager.cmdline;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of the launcher that shape the generated command line.
 *
 * @param umlDir       the uml_dir to pass when the instance sets none; empty passes none (kernel default)
 * @param notifySocket the notify socket the launcher has bound ({@code mconsole=notify:PATH}), if any
 */
public record GenerateOptions(Optional<Path> umlDir, Optional<Path> notifySocket) {

    public static GenerateOptions none() {
        return new GenerateOptions(Optional.empty(), Optional.empty());
    }
}
