package org.umlmanager.ui;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first comes over their node. A tooltip is a popup window with a
 * scene of its own; the main window has more than a dozen, made while the window is built and
 * most never shown, and making them was a measurable part of the start (docs/DESIGN.md, D20).
 * The pointer's next move over the node shows the tooltip as usual.
 */
public final class Tooltips {

    private Tooltips() {
    }

    /** {@code make}'s tooltip on {@code node} (as {@link Control#setTooltip} for a control), from the first hover. */
    public static void onFirstHover(Node node, Supplier<Tooltip> make) {
        EventHandler<MouseEvent> first = new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                node.removeEventFilter(MouseEvent.MOUSE_ENTERED_TARGET, this);
                Tooltip tip = make.get();
                if (node instanceof Control control) {
                    control.setTooltip(tip);
                } else {
                    Tooltip.install(node, tip);
                }
            }
        };
        node.addEventFilter(MouseEvent.MOUSE_ENTERED_TARGET, first);
    }

    /** A fixed text's tooltip on {@code node}, from the first hover. */
    public static void onFirstHover(Node node, String text) {
        onFirstHover(node, () -> new Tooltip(text));
    }
}
