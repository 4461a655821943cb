package org.umlmanager.ui.editor;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * A scroll pane whose viewport is not kept as an image. JavaFX's scroll pane skin caches its
 * viewport; in the software pipeline (no OpenGL, as on Xvfb) each cache is an image on the Java heap
 * that the effect pool keeps softly after its pane is gone, and with an editor built at every
 * selection those images filled the heap (98 MB of them after looking at 32 guests in turn). The
 * editor's forms are drawn in no time without it.
 */
final class UncachedScrollPane extends ScrollPane {

    UncachedScrollPane(Node content) {
        super(content);
        skinProperty().addListener((o, old, skin) -> {
            Node viewport = lookup(".viewport");
            if (viewport != null) {
                viewport.setCache(false);
            }
        });
    }
}
