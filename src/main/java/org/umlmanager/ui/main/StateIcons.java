package org.umlmanager.ui.main;

import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.layout.HBox;
import org.umlmanager.model.InstanceState;

/** Small vector marks for a guest's state, drawn rather than loaded: they follow the theme's size. */
final class StateIcons {

    private StateIcons() {
    }

    static Node of(InstanceState state) {
        Node node = switch (state) {
            case RUNNING -> dot(Color.web("#2e9d4a"));
            case STARTING, STOPPING -> dot(Color.web("#d9a400"));
            case PAUSED -> paused();
            case CRASHED -> dot(Color.web("#d23c3c"));
            case STOPPED -> ring();
        };
        node.getStyleClass().add("state-icon");
        return node;
    }

    private static Shape dot(Color color) {
        Circle c = new Circle(5, color);
        c.setStroke(color.darker());
        return c;
    }

    private static Shape ring() {
        Circle c = new Circle(5, Color.TRANSPARENT);
        c.setStroke(Color.GRAY);
        c.setStrokeWidth(1.5);
        return c;
    }

    private static Node paused() {
        Rectangle a = new Rectangle(3, 10, Color.web("#3b73c4"));
        Rectangle b = new Rectangle(3, 10, Color.web("#3b73c4"));
        return new HBox(2, a, b);
    }

    /** Words for the list and screen readers. */
    static String label(InstanceState state) {
        return switch (state) {
            case RUNNING -> "Running";
            case STARTING -> "Starting";
            case STOPPING -> "Shutting down";
            case PAUSED -> "Paused";
            case CRASHED -> "Crashed";
            case STOPPED -> "Stopped";
        };
    }
}
