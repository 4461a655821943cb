package org.umlmanager.ui.prefs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link UiPreferences} as a small properties file in the config directory
 * (JSON belongs to the storage package; these are the GUI's own few keys). Writes are atomic:
 * temp file, fsync, rename. A damaged file is moved aside and reported, and defaults are used.
 * Blocking I/O: call off the FX thread.
 */
public final class PreferencesStore {

    private static final Logger LOG = LoggerFactory.getLogger(PreferencesStore.class);

    private final Path file;

    public PreferencesStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public UiPreferences load() {
        if (!Files.exists(file)) {
            return UiPreferences.DEFAULTS;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return fromProperties(p);
        } catch (IOException | IllegalArgumentException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".damaged");
            LOG.warn("Preferences {} could not be read ({}); moved to {}, using defaults", file, e.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("Could not move {} aside: {}", file, moveFailed.getMessage());
            }
            return UiPreferences.DEFAULTS;
        }
    }

    public void save(UiPreferences prefs) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                toProperties(prefs).store(out, "UML Manager desktop preferences");
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static Properties toProperties(UiPreferences u) {
        Properties p = new Properties();
        p.setProperty("kernel.default", u.defaultKernel());
        u.umlDir().ifPresent(d -> p.setProperty("uml_dir", d));
        ConsolePreferences c = u.console();
        p.setProperty("console.font", c.fontFamily());
        p.setProperty("console.size", Integer.toString(c.fontSize()));
        p.setProperty("console.foreground", c.foreground());
        p.setProperty("console.background", c.background());
        p.setProperty("console.scrollback", Integer.toString(c.scrollbackLines()));
        p.setProperty("theme", u.theme().name());
        WindowGeometry w = u.window();
        p.setProperty("window.x", Double.toString(w.x()));
        p.setProperty("window.y", Double.toString(w.y()));
        p.setProperty("window.width", Double.toString(w.width()));
        p.setProperty("window.height", Double.toString(w.height()));
        p.setProperty("window.maximized", Boolean.toString(w.maximized()));
        p.setProperty("window.split", Double.toString(w.split()));
        return p;
    }

    static UiPreferences fromProperties(Properties p) {
        UiPreferences d = UiPreferences.DEFAULTS;
        ConsolePreferences dc = d.console();
        WindowGeometry dw = d.window();
        var console = new ConsolePreferences(p.getProperty("console.font", dc.fontFamily()),
                integer(p, "console.size", dc.fontSize()), colour(p, "console.foreground", dc.foreground()),
                colour(p, "console.background", dc.background()),
                integer(p, "console.scrollback", dc.scrollbackLines()));
        var window = new WindowGeometry(number(p, "window.x", dw.x()), number(p, "window.y", dw.y()),
                number(p, "window.width", dw.width()), number(p, "window.height", dw.height()),
                Boolean.parseBoolean(p.getProperty("window.maximized", "false")),
                number(p, "window.split", dw.split()));
        Theme theme = Theme.valueOf(p.getProperty("theme", d.theme().name()));
        return new UiPreferences(p.getProperty("kernel.default", d.defaultKernel()),
                Optional.ofNullable(p.getProperty("uml_dir")).filter(s -> !s.isBlank()), console, theme, window);
    }

    private static int integer(Properties p, String key, int fallback) {
        String v = p.getProperty(key);
        return v == null ? fallback : Integer.parseInt(v.strip());
    }

    private static double number(Properties p, String key, double fallback) {
        String v = p.getProperty(key);
        return v == null ? fallback : Double.parseDouble(v.strip());
    }

    private static String colour(Properties p, String key, String fallback) {
        String v = p.getProperty(key, fallback).strip();
        if (!v.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException(key + " must be a colour like #1e1e1e, not '" + v + "'");
        }
        return v;
    }
}
