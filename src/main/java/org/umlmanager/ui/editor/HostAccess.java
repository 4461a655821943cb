package org.umlmanager.ui.editor;

/** What a guest's hostfs may reach of the host, as the Host access page offers it. */
public enum HostAccess {
    NONE("No host access (recommended)"),
    FOLDER("Share a folder with this machine"),
    UNRESTRICTED("Unrestricted (any of your files)");

    private final String label;

    HostAccess(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
