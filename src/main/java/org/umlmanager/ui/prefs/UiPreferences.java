package org.umlmanager.ui.prefs;

import java.util.Objects;
import java.util.Optional;

/**
 * The desktop app's settings.
 *
 * @param defaultKernel the kernel for new instances
 * @param umlDir        the uml_dir passed when an instance sets none; empty is the kernel's {@code ~/.uml}
 * @param console       console tab appearance and scrollback
 * @param theme         light or dark
 * @param window        the main window's last geometry
 */
public record UiPreferences(String defaultKernel, Optional<String> umlDir, ConsolePreferences console, Theme theme,
                            WindowGeometry window) {

    public static final UiPreferences DEFAULTS = new UiPreferences("linux", Optional.empty(),
            ConsolePreferences.DEFAULTS, Theme.LIGHT, WindowGeometry.DEFAULT);

    public UiPreferences {
        Objects.requireNonNull(defaultKernel);
        Objects.requireNonNull(umlDir);
        Objects.requireNonNull(console);
        Objects.requireNonNull(theme);
        Objects.requireNonNull(window);
    }

    public UiPreferences withWindow(WindowGeometry w) {
        return new UiPreferences(defaultKernel, umlDir, console, theme, w);
    }
}
