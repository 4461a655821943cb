package org.umlmanager.model;

/** Consoles ({@code con}, guest {@code /dev/ttyN}) and serial lines ({@code ssl}, guest {@code /dev/ttySN}). */
public enum LineKind {
    CON("con", 16, "tty"),
    SSL("ssl", 64, "ttyS");

    private final String prefix;
    private final int count;
    private final String guestDevicePrefix;

    LineKind(String prefix, int count, String guestDevicePrefix) {
        this.prefix = prefix;
        this.count = count;
        this.guestDevicePrefix = guestDevicePrefix;
    }

    /** {@code con} or {@code ssl}. */
    public String prefix() {
        return prefix;
    }

    /** How many lines of this kind the kernel has: indices 0 to count-1. */
    public int count() {
        return count;
    }

    /** The guest's device name for line N, e.g. {@code tty1} or {@code ttyS0}. */
    public String guestDevice(int index) {
        return guestDevicePrefix + index;
    }
}
