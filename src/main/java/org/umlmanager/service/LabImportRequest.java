package org.umlmanager.service;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code lab import} is asked.
 *
 * @param directory the lab directory (holding lab.conf)
 * @param name      the lab's name; empty takes the directory's name
 * @param rootfs    the default base ({@code busybox}, {@code debian}, {@code debian:SUITE}); empty is Debian
 * @param kernel    the UML kernel the devices boot unless lab.conf names one
 */
public record LabImportRequest(Path directory, Optional<String> name, Optional<String> rootfs, String kernel) {
    public LabImportRequest {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rootfs, "rootfs");
        Objects.requireNonNull(kernel, "kernel");
    }
}
