package org.umlmanager.cmdline;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the launcher that shape the generated command line.
 *
 * @param umlDir       the uml_dir to pass when the instance sets none; empty passes none (kernel default)
 * @param notifySocket the notify socket the launcher has bound ({@code mconsole=notify:PATH}), if any
 * @param attachments  what interfaces naming a saved network become
 */
public record GenerateOptions(Optional<Path> umlDir, Optional<Path> notifySocket, AttachmentResolver attachments) {

    public GenerateOptions {
        Objects.requireNonNull(umlDir, "umlDir");
        Objects.requireNonNull(notifySocket, "notifySocket");
        Objects.requireNonNull(attachments, "attachments");
    }

    /** Attachments unresolved (an instance that names networks has been resolved before, or is previewed). */
    public GenerateOptions(Optional<Path> umlDir, Optional<Path> notifySocket) {
        this(umlDir, notifySocket, AttachmentResolver.UNRESOLVED);
    }

    public static GenerateOptions none() {
        return new GenerateOptions(Optional.empty(), Optional.empty());
    }

    public GenerateOptions withAttachments(AttachmentResolver resolver) {
        return new GenerateOptions(umlDir, notifySocket, resolver);
    }
}
