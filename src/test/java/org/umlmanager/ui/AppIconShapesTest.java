package org.umlmanager.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.Ikon;

/**
 * The icon outlines in {@code icons.properties} are the glyphs of the Material Design Icons font
 * that Ikonli's materialdesign2 pack carries (a test dependency only): each {@link AppIcon}'s code
 * point is that of the pack's icon of the same name, and its outline is the glyph's, scaled to the
 * 16 px square. To add an icon: add the constant, then run this test with
 * {@code -Dicons.regenerate=true}, which rewrites the resource file.
 */
class AppIconShapesTest {

    private static final String FONT = "/META-INF/resources/materialdesignicons2/5.8.55/fonts/materialdesignicons-webfont.ttf";
    private static final Path RESOURCE = Path.of("src/main/resources/org/umlmanager/ui/icons.properties");
    /** The font's em square: 512 units, its ascent 448 above the baseline. */
    private static final double EM = 512;
    private static final double ASCENT = 448;

    @Test
    void everyIconHasTheCodePointOfTheSameNamedIconInTheFontPack() throws Exception {
        for (AppIcon icon : AppIcon.values()) {
            assertThat(packIcon(icon).getCode()).as(icon.name()).isEqualTo(icon.codepoint());
        }
    }

    @Test
    void theOutlinesAreTheFontsGlyphs() throws Exception {
        Properties derived = derive();
        if (Boolean.getBoolean("icons.regenerate")) {
            StringBuilder text = new StringBuilder("# Outlines of Material Design Icons glyphs (Apache License 2.0) in a 16 px square;\n"
                    + "# written by AppIconShapesTest with -Dicons.regenerate=true. Do not edit.\n");
            new TreeMap<>(derived).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(RESOURCE, text, StandardCharsets.ISO_8859_1);
        }
        Properties saved = new Properties();
        saved.load(new StringReader(Files.readString(RESOURCE, StandardCharsets.ISO_8859_1)));
        assertThat(saved).as("icons.properties: regenerate with -Dicons.regenerate=true").isEqualTo(derived);
        for (AppIcon icon : AppIcon.values()) {
            assertThat(icon.shape()).as(icon.name()).isEqualTo(derived.getProperty(icon.name()));
        }
    }

    private static Properties derive() throws Exception {
        Font font;
        try (InputStream in = Ikon.class.getResourceAsStream(FONT)) {
            assertThat(in).as(FONT).isNotNull();
            font = Font.createFont(Font.TRUETYPE_FONT, in).deriveFont((float) EM);
        }
        FontRenderContext frc = new FontRenderContext(null, false, false);
        double scale = AppIcon.SIZE / EM;
        AffineTransform toSquare = new AffineTransform(scale, 0, 0, scale, 0, ASCENT * scale);
        Properties shapes = new Properties();
        for (AppIcon icon : AppIcon.values()) {
            assertThat(font.canDisplay(icon.codepoint())).as(icon.name() + " in the font").isTrue();
            var outline = font.createGlyphVector(frc, new String(Character.toChars(icon.codepoint()))).getOutline();
            shapes.setProperty(icon.name(), svg(outline.getPathIterator(toSquare)));
        }
        return shapes;
    }

    /** SVG path data of {@code path}, to a hundredth of a pixel. */
    private static String svg(PathIterator path) {
        StringBuilder d = new StringBuilder();
        double[] c = new double[6];
        while (!path.isDone()) {
            int type = path.currentSegment(c);
            switch (type) {
                case PathIterator.SEG_MOVETO -> d.append('M').append(points(c, 1));
                case PathIterator.SEG_LINETO -> d.append('L').append(points(c, 1));
                case PathIterator.SEG_QUADTO -> d.append('Q').append(points(c, 2));
                case PathIterator.SEG_CUBICTO -> d.append('C').append(points(c, 3));
                case PathIterator.SEG_CLOSE -> d.append('Z');
                default -> throw new AssertionError("segment type " + type);
            }
            path.next();
        }
        return d.toString();
    }

    private static String points(double[] c, int n) {
        return Arrays.stream(c, 0, 2 * n).mapToObj(AppIconShapesTest::number).collect(Collectors.joining(" "));
    }

    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    private static Ikon packIcon(AppIcon icon) throws Exception {
        String letter = icon.name().substring(0, 1);
        Class<?> pack = Class.forName("org.kordamp.ikonli.materialdesign2.MaterialDesign" + letter);
        return (Ikon) pack.getMethod("valueOf", String.class).invoke(null, icon.name());
    }
}
