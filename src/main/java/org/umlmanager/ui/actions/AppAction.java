package org.umlmanager.ui.actions;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;

/**
 * A command shown as a menu item and a toolbar button, enabled only while {@link #executable()}
 * is true (bound to the selected instance's state, not set by hand).
 */
public final class AppAction {

    private final String id;
    private final String text;
    private final String description;
    private final KeyCombination accelerator;
    private final ObservableBooleanValue executable;
    private final Runnable handler;
    private final String buttonText;

    public AppAction(String id, String text, String description, KeyCombination accelerator,
                     ObservableBooleanValue executable, Runnable handler) {
        this(id, text, description, accelerator, executable, handler, text.replace("…", ""));
    }

    private AppAction(String id, String text, String description, KeyCombination accelerator,
                     ObservableBooleanValue executable, Runnable handler, String buttonText) {
        this.id = Objects.requireNonNull(id);
        this.text = Objects.requireNonNull(text);
        this.description = Objects.requireNonNull(description);
        this.accelerator = accelerator;
        this.executable = Objects.requireNonNull(executable);
        this.handler = Objects.requireNonNull(handler);
        this.buttonText = Objects.requireNonNull(buttonText);
    }

    /** The same action with a shorter label on its toolbar button (the tooltip still says it all). */
    public AppAction withButtonText(String label) {
        return new AppAction(id, text, description, accelerator, executable, handler, label);
    }

    public String id() {
        return id;
    }

    public String text() {
        return text;
    }

    public ObservableBooleanValue executable() {
        return executable;
    }

    /** Runs the action if it is executable now. */
    public void execute() {
        if (executable.get()) {
            handler.run();
        }
    }

    public MenuItem menuItem() {
        MenuItem item = new MenuItem(text);
        item.setId("menu-" + id);
        item.setAccelerator(accelerator);
        item.disableProperty().bind(Bindings.not(executable));
        item.setOnAction(e -> execute());
        return item;
    }

    public Button button() {
        Button b = new Button(buttonText);
        b.setId("tool-" + id);
        b.setAccessibleText(text);
        b.setTooltip(new Tooltip(description + (accelerator == null ? "" : " (" + accelerator.getDisplayText() + ")")));
        b.disableProperty().bind(Bindings.not(executable));
        b.setOnAction(e -> execute());
        b.setFocusTraversable(false);
        return b;
    }
}
