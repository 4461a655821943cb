package org.umlmanager.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Follow the system" reads GTK_THEME as GTK does: a ":dark" variant or a "-dark" theme is dark. */
class SystemThemeTest {

    private static boolean dark(String gtkTheme) {
        return new SystemTheme(Map.of("GTK_THEME", gtkTheme), Path.of("/nonexistent")).prefersDark();
    }

    @Test
    void gtkThemeDecides() {
        assertThat(dark("Adwaita:dark")).isTrue();
        assertThat(dark("Adwaita-dark")).isTrue();
        assertThat(dark("Adwaita")).isFalse();
        assertThat(Theme.SYSTEM.dark(true)).isTrue();
        assertThat(Theme.SYSTEM.dark(false)).isFalse();
        assertThat(Theme.DARK.dark(false)).isTrue();
        assertThat(Theme.LIGHT.dark(true)).isFalse();
    }
}
