package org.umlmanager.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One ubd block device.
 *
 * @param unit    0–15; the guest sees {@code /dev/ubd} plus a letter ({@code ubda} for 0)
 * @param image   the image file; when {@code cowFile} is present this is the read-only backing file
 * @param cowFile the private copy-on-write file layered over {@code image}, if any
 * @param flags   the ubd flags
 * @param serial  the serial number exposed to the guest in sysfs, if any
 */
public record Disk(int unit, String image, Optional<String> cowFile, Set<DiskFlag> flags,
                   Optional<String> serial) {

    public static final int MAX_UNITS = 16;

    public Disk {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(cowFile, "cowFile");
        Objects.requireNonNull(serial, "serial");
        EnumSet<DiskFlag> copy = EnumSet.noneOf(DiskFlag.class);
        copy.addAll(flags);
        flags = java.util.Collections.unmodifiableSet(copy);
    }

    public static Disk of(int unit, String image) {
        return new Disk(unit, image, Optional.empty(), Set.of(), Optional.empty());
    }

    public static Disk cow(int unit, String cowFile, String backingImage) {
        return new Disk(unit, backingImage, Optional.of(cowFile), Set.of(), Optional.empty());
    }

    /** The guest device name, {@code ubda} … {@code ubdp}. */
    public String deviceName() {
        return deviceName(unit);
    }

    public static String deviceName(int unit) {
        return "ubd" + (char) ('a' + unit);
    }

    public boolean readOnly() {
        return flags.contains(DiskFlag.READ_ONLY);
    }

    /** The file the guest writes into: the COW file if there is one, else the image. */
    public String writableFile() {
        return cowFile.orElse(image);
    }

    public Disk withUnit(int newUnit) {
        return new Disk(newUnit, image, cowFile, flags, serial);
    }
}
