package org.umlmanager.ui.wizard;

/** The root filesystem sources the wizard offers. */
enum SourceKind {
    BUSYBOX("Minimal busybox system (a few seconds; for trying things out)"),
    DEBIAN("Debian, installed with mmdebstrap (a minute or two; needs the Debian mirror)"),
    DIRECTORY("Copy of an existing directory"),
    IMAGE("Existing disk image (used in place, or under a copy-on-write file)");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
