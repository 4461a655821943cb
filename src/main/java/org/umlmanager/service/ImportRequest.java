package org.umlmanager.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.umlmanager.cmdline.ValidationContext;

/**
 * An existing UML command line to turn into a saved instance.
 *
 * @param name       the new instance's name
 * @param kernel     the kernel binary, when the command line's own is not part of {@code kernelArgs}
 * @param kernelArgs the kernel's arguments, without the binary, one argv element each
 * @param dryRun     validate and show the result, but save nothing
 * @param context    what validation may look at (host files, relative path base)
 */
public record ImportRequest(String name, Optional<String> kernel, List<String> kernelArgs, boolean dryRun,
                            ValidationContext context) {

    public ImportRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kernel, "kernel");
        kernelArgs = List.copyOf(kernelArgs);
        Objects.requireNonNull(context, "context");
    }
}
