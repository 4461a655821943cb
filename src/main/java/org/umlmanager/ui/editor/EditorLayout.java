package org.umlmanager.ui.editor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * How the editor is laid out, shared by the editors of every machine shown in one window: the
 * page shown, where the dividers of the lists are, whether the command-line panel is open.
 * Selecting another machine keeps them as the user left them.
 */
public final class EditorLayout {

    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final DoubleProperty listDivider = new SimpleDoubleProperty(0.26);
    private final BooleanProperty commandLineShown = new SimpleBooleanProperty(false);

    /** The page shown (General, Disks, …), by position. */
    public IntegerProperty pageProperty() {
        return page;
    }

    /** The divider between a page's list (disks, interfaces, lines) and its form, 0–1. */
    public DoubleProperty listDividerProperty() {
        return listDivider;
    }

    /** Whether the command line and its problems are shown under the form. */
    public BooleanProperty commandLineShownProperty() {
        return commandLineShown;
    }
}
