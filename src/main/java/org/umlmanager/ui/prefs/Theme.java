package org.umlmanager.ui.prefs;

/** The app's colour scheme: light, dark, or whichever the desktop prefers. */
public enum Theme {
    LIGHT("Light"), DARK("Dark"), SYSTEM("Follow the system");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    /** Whether the app shows dark, given whether the desktop prefers dark now. */
    public boolean dark(boolean systemPrefersDark) {
        return this == DARK || this == SYSTEM && systemPrefersDark;
    }

    @Override
    public String toString() {
        return label;
    }
}
