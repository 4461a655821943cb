package org.umlmanager.provision;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.umlmanager.model.Instance;

/**
 * What {@link Provisioner#create} made. The instance is not saved: the caller stores it.
 *
 * @param instance the configuration that boots the new machine
 * @param image    the root disk image (made now, or the existing one for an image source)
 * @param cowFile  the copy-on-write file over it, if one was asked for; the kernel creates it at
 *                 first boot when the COW support of the disk package is not available
 * @param notes    things the user should know (no root password, setup skipped, …)
 */
public record ProvisionResult(Instance instance, Path image, Optional<Path> cowFile, List<String> notes) {
    public ProvisionResult {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(cowFile, "cowFile");
        notes = List.copyOf(notes);
    }
}
