package org.umlmanager.ui;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;

/**
 * Icon nodes: an {@link AppIcon}'s outline in its 16 px square, coloured by the theme
 * ({@code .app-icon} in app.css and dark.css), so that icons line up as glyphs of one font do.
 */
public final class Icons {

    private Icons() {
    }

    /** A new icon node (a node can be in one place only). */
    public static Node of(AppIcon icon) {
        SVGPath outline = new SVGPath();
        outline.setContent(icon.shape());
        outline.getStyleClass().add("app-icon");
        // The whole square, not the outline's own bounds, is the node's size.
        Rectangle square = new Rectangle(AppIcon.SIZE, AppIcon.SIZE);
        // Transparent, not null: a shape with neither fill nor stroke has empty bounds.
        square.setFill(Color.TRANSPARENT);
        square.setMouseTransparent(true);
        Group node = new Group(square, outline);
        node.getStyleClass().add("app-icon-box");
        return node;
    }
}
