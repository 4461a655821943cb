package org.umlmanager.ui.editor;

/** Units offered next to the memory amount. */
public enum MemoryUnit {
    KIB("KiB", 10), MIB("MiB", 20), GIB("GiB", 30);

    private final String label;
    private final int shift;

    MemoryUnit(String label, int shift) {
        this.label = label;
        this.shift = shift;
    }

    public int shift() {
        return shift;
    }

    /** The largest unit that expresses {@code bytes} exactly (KiB at least). */
    public static MemoryUnit fitting(long bytes) {
        for (int i = values().length - 1; i > 0; i--) {
            if (bytes % (1L << values()[i].shift) == 0) {
                return values()[i];
            }
        }
        return KIB;
    }

    @Override
    public String toString() {
        return label;
    }
}
