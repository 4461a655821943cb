package org.umlmanager.ui.prefs;

/**
 * Where the main window was and how its panes were split.
 *
 * @param split   the divider between the instance list and the details, 0–1
 * @param consoleSplit the divider between the details and the console area, 0–1
 */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized, double split,
                             double consoleSplit) {

    public static final WindowGeometry DEFAULT = new WindowGeometry(Double.NaN, Double.NaN, 1200, 800, false, 0.22,
            0.45);
}
