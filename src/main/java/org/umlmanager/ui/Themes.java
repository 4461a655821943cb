package org.umlmanager.ui;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.umlmanager.ui.prefs.Theme;

/**
 * The app's stylesheets on every window it opens: the main window, dialogs and alerts, the
 * wizard, detached consoles, and popups (menus, the terminal's context menu, tooltips, combo
 * lists), each of which has a scene of its own that a stylesheet on the main scene never reaches.
 * The chosen theme and, for {@link Theme#SYSTEM}, the desktop's preference decide light or dark.
 * On the FX thread only.
 */
public final class Themes {

    private static final String APP = Themes.class.getResource("app.css").toExternalForm();
    private static final String DARK = Themes.class.getResource("dark.css").toExternalForm();

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BooleanProperty systemDark = new SimpleBooleanProperty();

    public Themes(Theme initial) {
        theme.set(initial);
        theme.addListener(o -> restyleAll());
        systemDark.addListener(o -> restyleAll());
    }

    private final ListChangeListener<Window> opened = c -> {
        while (c.next()) {
            c.getAddedSubList().forEach(this::style);
        }
    };

    /** From now on every window, open or opened later, gets the theme's stylesheets. */
    public void install() {
        Window.getWindows().addListener(opened);
        restyleAll();
    }

    /** Stops styling windows opened from now on (the app is closing). */
    public void uninstall() {
        Window.getWindows().removeListener(opened);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** What the desktop prefers now (for {@link Theme#SYSTEM}); set from a background check. */
    public BooleanProperty systemDarkProperty() {
        return systemDark;
    }

    /** Whether the windows are dark now. */
    public boolean dark() {
        return theme.get().dark(systemDark.get());
    }

    private void restyleAll() {
        List.copyOf(Window.getWindows()).forEach(this::style);
    }

    private void style(Window window) {
        if (window.getScene() != null) {
            apply(window.getScene(), dark());
        }
        if (window.getProperties().get(Themes.class) != this) {
            window.getProperties().put(Themes.class, this);
            window.sceneProperty().addListener((o, a, scene) -> {
                if (scene != null && window.getProperties().get(Themes.class) == this) {
                    apply(scene, dark());
                }
            });
        }
    }

    /** Sets {@code scene}'s stylesheets: the app's, and the dark one on top when {@code dark}. */
    public static void apply(Scene scene, boolean dark) {
        List<String> wanted = dark ? List.of(APP, DARK) : List.of(APP);
        if (!scene.getStylesheets().equals(wanted)) {
            scene.getStylesheets().setAll(wanted);
        }
    }
}
