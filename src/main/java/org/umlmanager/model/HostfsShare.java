package org.umlmanager.model;

import java.util.Objects;

/**
 * What a guest's hostfs may reach of the host ({@code hostfs=DIR[,append]}): every hostfs mount
 * in the guest is resolved as {@code DIR/<what the guest asked for>} on the host.
 *
 * <p>That is string concatenation in the kernel, not a boundary: a guest's root leaves a shared
 * directory with {@code mount -t hostfs none /mnt -o /../..} (tried against 6.1). A directory
 * therefore <em>shares</em> itself and, with it, whatever the user can reach, with a guest one
 * trusts. Only {@link #off()} keeps a guest out: {@code hostfs=/dev/null} makes every hostfs path
 * start at a character device, which no path can lead through, so every hostfs mount fails
 * ("Not a directory"), {@code ..} included. The 6.1 hostfs has no read-only mode (its only
 * option is {@code append}), so a shared directory is always writable by the guest.
 *
 * @param directory the host directory the guest's hostfs mounts resolve under, or {@code /dev/null} for none
 * @param append    open every host file in append mode
 */
public record HostfsShare(String directory, boolean append) {

    /** The prefix that turns hostfs off. */
    public static final String OFF_DIRECTORY = "/dev/null";

    public HostfsShare {
        Objects.requireNonNull(directory, "directory");
    }

    /** No host access: every hostfs mount in the guest fails. What every machine UML Manager makes starts with. */
    public static HostfsShare off() {
        return new HostfsShare(OFF_DIRECTORY, false);
    }

    /** The folder {@code directory}, shared read-write with the guest. */
    public static HostfsShare folder(String directory) {
        return new HostfsShare(directory, false);
    }

    /** Whether this is {@link #off()}: the guest reaches no host file through hostfs. */
    public boolean isOff() {
        return directory.equals(OFF_DIRECTORY);
    }

    /** For {@code show} and the details pane. */
    public String describe() {
        return isOff() ? "off (hostfs=" + OFF_DIRECTORY + ": every hostfs mount in the guest fails)"
                : "shares " + directory + (append ? " (append only)" : "") + " with the guest";
    }
}
