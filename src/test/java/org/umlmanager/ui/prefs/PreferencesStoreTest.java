package org.umlmanager.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesStoreTest {

    @Test
    void savesAndLoadsEverySetting(@TempDir Path dir) throws Exception {
        PreferencesStore store = new PreferencesStore(dir.resolve("config/desktop.properties"));
        UiPreferences prefs = new UiPreferences("/opt/uml/linux", Optional.of("/tmp/uml"),
                new ConsolePreferences("Liberation Mono", 15, "#00ff00", "#000000", 5_000), Theme.DARK,
                new WindowGeometry(10, 20, 1000, 700, true, 0.3));

        assertThat(store.load()).isEqualTo(UiPreferences.DEFAULTS);
        store.save(prefs);

        assertThat(store.load()).isEqualTo(prefs);
        try (var files = Files.list(dir.resolve("config"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("desktop.properties");
        }
    }

    @Test
    void aDamagedFileIsMovedAsideAndTheDefaultsApply(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("desktop.properties");
        Files.writeString(file, "console.size=huge\n");

        assertThat(new PreferencesStore(file).load()).isEqualTo(UiPreferences.DEFAULTS);
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("desktop.properties.damaged")).hasContent("console.size=huge");
    }

    @Test
    void aFileOfTheEarlierLayoutStillReadsAndFollowTheSystemIsKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("desktop.properties");
        // Written when the consoles still had a divider of their own under the configuration.
        Files.writeString(file, "theme=SYSTEM\nwindow.width=1300.0\nwindow.split=0.3\nwindow.consoleSplit=0.45\n");
        UiPreferences read = new PreferencesStore(file).load();
        assertThat(read.theme()).isEqualTo(Theme.SYSTEM);
        assertThat(read.window().width()).isEqualTo(1300);
        assertThat(read.window().split()).isEqualTo(0.3);
        assertThat(file).exists();
    }

    @Test
    void outOfRangeConsoleValuesAreClamped() {
        var c = new ConsolePreferences("Mono", 200, "#ffffff", "#000000", 10);
        assertThat(c.fontSize()).isEqualTo(40);
        assertThat(c.scrollbackLines()).isEqualTo(ConsolePreferences.MIN_SCROLLBACK);
    }
}
