package org.umlmanager.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The app's symbolic icons: glyphs of the Material Design Icons font (Apache License 2.0), kept
 * as vector outlines in a 16 px square ({@code icons.properties}, derived from the font by
 * {@code AppIconShapesTest}, which also checks them). Outlines instead of the 1 MB icon font:
 * loading that font was a measurable part of the window's start (docs/DESIGN.md, D20).
 */
public enum AppIcon {
    CHART_AREASPLINE(0xF0127),
    CONSOLE(0xF018D),
    CONTENT_COPY(0xF018F),
    CONTENT_DUPLICATE(0xF0191),
    CONTENT_SAVE(0xF0193),
    DELETE_OUTLINE(0xF09E7),
    EJECT(0xF01EA),
    ETHERNET(0xF0200),
    EXPORT(0xF0207),
    FILE_DOCUMENT_OUTLINE(0xF09EE),
    FILTER_REMOVE_OUTLINE(0xF0235),
    HARDDISK_PLUS(0xF104B),
    IMPORT(0xF02FA),
    INFORMATION_OUTLINE(0xF02FD),
    KEYBOARD(0xF030C),
    KEYBOARD_OUTLINE(0xF097B),
    LAN(0xF0317),
    MAGNIFY(0xF0349),
    PAUSE(0xF03E4),
    PLAY(0xF040A),
    PLAY_PAUSE(0xF040E),
    PLUS(0xF0415),
    POWER(0xF0425),
    POWER_PLUG_OFF(0xF06A6),
    RECORD_CIRCLE_OUTLINE(0xF0EC3),
    RESTART(0xF0709),
    RESTART_ALERT(0xF110C),
    SERVER_PLUS(0xF0490),
    STOP(0xF04DB),
    TUNE_VERTICAL(0xF066A),
    UNDO(0xF054C);

    /** The side of the square an outline is drawn in, in pixels. */
    public static final double SIZE = 16;

    private static final Properties SHAPES = load();

    private final int codepoint;

    AppIcon(int codepoint) {
        this.codepoint = codepoint;
    }

    /** The glyph's code point in the Material Design Icons font (version 5.8.55). */
    public int codepoint() {
        return codepoint;
    }

    /** The outline as SVG path data, in a {@link #SIZE} px square with y downwards. */
    public String shape() {
        return SHAPES.getProperty(name());
    }

    private static Properties load() {
        Properties shapes = new Properties();
        try (InputStream in = AppIcon.class.getResourceAsStream("icons.properties")) {
            shapes.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the icon outlines (icons.properties) are missing from the application", e);
        }
        return shapes;
    }
}
