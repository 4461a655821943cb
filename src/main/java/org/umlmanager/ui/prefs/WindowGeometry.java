package org.umlmanager.ui.prefs;

/**
 * Where the main window was and where the divider between the machine list and the view was.
 * (Files written before the console became a view of its own also hold {@code window.consoleSplit};
 * it is ignored.)
 *
 * @param split the divider between the machine list and the view of the selected machine, 0–1
 */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized, double split) {

    public static final WindowGeometry DEFAULT = new WindowGeometry(Double.NaN, Double.NaN, 1200, 800, false, 0.22);
}
