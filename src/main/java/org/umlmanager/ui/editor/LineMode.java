package org.umlmanager.ui.editor;

/** How a console or serial line is set up. */
public enum LineMode {
    SINGLE("One channel"), SPLIT("Separate input and output"), DISABLED("Disabled (none)");

    private final String label;

    LineMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
