package org.umlmanager.model;

import java.util.Objects;

/**
 * Confinement of hostfs: every hostfs mount in the guest is resolved under {@code directory} on
 * the host ({@code hostfs=DIR[,append]}). Without it a guest can mount any host directory the
 * user can reach. This is string concatenation in the kernel, not a security boundary against
 * {@code ..}; it protects against accidents, not a hostile guest.
 *
 * @param directory the host directory the guest's hostfs mounts are confined to
 * @param append    open every host file in append mode
 */
public record HostfsShare(String directory, boolean append) {
    public HostfsShare {
        Objects.requireNonNull(directory, "directory");
    }
}
