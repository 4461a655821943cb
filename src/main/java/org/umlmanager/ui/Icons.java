package org.umlmanager.ui;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Symbolic icons from the Material Design icon font (Ikonli): they scale with the font and take
 * their colour from the theme ({@code .ikonli-font-icon} in app.css and dark.css).
 */
public final class Icons {

    private Icons() {
    }

    /** A new icon node (a node can be in one place only). */
    public static FontIcon of(Ikon ikon) {
        FontIcon icon = FontIcon.of(ikon);
        icon.getStyleClass().add("app-icon");
        return icon;
    }
}
