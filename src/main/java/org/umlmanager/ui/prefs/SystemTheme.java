package org.umlmanager.ui.prefs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.umlmanager.service.HostService;

/**
 * Whether the desktop prefers a dark theme, asked the way GTK applications learn it (JavaFX 21
 * cannot tell): {@code GTK_THEME} (":dark" or a "-dark" theme), GNOME's
 * {@code color-scheme} and {@code gtk-theme} settings, then GTK's own {@code settings.ini}.
 * Blocking (it may run {@code gsettings}): call off the FX thread.
 */
public final class SystemTheme {

    private final Map<String, String> env;
    private final Path home;

    public SystemTheme(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    public static SystemTheme ofThisProcess() {
        return new SystemTheme(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public boolean prefersDark() {
        String gtkTheme = env.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT);
        if (!gtkTheme.isEmpty()) {
            return gtkTheme.endsWith(":dark") || gtkTheme.contains("-dark");
        }
        Optional<String> scheme = gsetting("color-scheme");
        if (scheme.isPresent() && scheme.get().contains("prefer-dark")) {
            return true;
        }
        if (scheme.isPresent() && scheme.get().contains("prefer-light")) {
            return false;
        }
        Optional<String> theme = gsetting("gtk-theme");
        if (theme.isPresent()) {
            return theme.get().toLowerCase(Locale.ROOT).contains("dark");
        }
        return settingsIni();
    }

    private static Optional<String> gsetting(String key) {
        return HostService.desktopInterfaceSetting(key);
    }

    private boolean settingsIni() {
        String config = env.getOrDefault("XDG_CONFIG_HOME", "");
        Path dir = config.isBlank() ? home.resolve(".config") : Path.of(config);
        Path ini = dir.resolve("gtk-3.0").resolve("settings.ini");
        try {
            for (String line : Files.readAllLines(ini, StandardCharsets.UTF_8)) {
                String l = line.strip().toLowerCase(Locale.ROOT).replace(" ", "");
                if (l.startsWith("gtk-application-prefer-dark-theme=")) {
                    return l.endsWith("=1") || l.endsWith("=true");
                }
                if (l.startsWith("gtk-theme-name=") && l.contains("dark")) {
                    return true;
                }
            }
        } catch (IOException e) {
            // No settings file: light, GTK's own default.
        }
        return false;
    }
}
