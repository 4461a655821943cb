package org.umlmanager.ui.actions;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import org.umlmanager.ui.AppIcon;
import org.umlmanager.ui.Tooltips;
import org.umlmanager.ui.Icons;

/**
 * A command shown as a menu item and a toolbar button, enabled only while {@link #executable()}
 * is true (bound to the selected instance's state, not set by hand). A disabled toolbar button
 * says why in its tooltip.
 */
public final class AppAction {

    private final String id;
    private final String text;
    private final String description;
    private final KeyCombination accelerator;
    private final ObservableBooleanValue executable;
    private final Runnable handler;
    private final String buttonText;
    private final AppIcon icon;
    private final ObservableStringValue whyNot;

    public AppAction(String id, String text, String description, KeyCombination accelerator,
                     ObservableBooleanValue executable, Runnable handler) {
        this(id, text, description, accelerator, executable, handler, text.replace("…", ""), null, null);
    }

    private AppAction(String id, String text, String description, KeyCombination accelerator,
                      ObservableBooleanValue executable, Runnable handler, String buttonText, AppIcon icon,
                      ObservableStringValue whyNot) {
        this.id = Objects.requireNonNull(id);
        this.text = Objects.requireNonNull(text);
        this.description = Objects.requireNonNull(description);
        this.accelerator = accelerator;
        this.executable = Objects.requireNonNull(executable);
        this.handler = Objects.requireNonNull(handler);
        this.buttonText = buttonText;
        this.icon = icon;
        this.whyNot = whyNot;
    }

    /** The same action with a shorter label on its toolbar button, or none (null: the icon alone). */
    public AppAction withButtonText(String label) {
        return new AppAction(id, text, description, accelerator, executable, handler, label, icon, whyNot);
    }

    /** The same action with an icon on its button and menu item. */
    public AppAction withIcon(AppIcon icon) {
        return new AppAction(id, text, description, accelerator, executable, handler, buttonText, icon, whyNot);
    }

    /** The same action with the reason it cannot run now, for a disabled button's tooltip. */
    public AppAction withReason(ObservableStringValue reason) {
        return new AppAction(id, text, description, accelerator, executable, handler, buttonText, icon, reason);
    }

    public String id() {
        return id;
    }

    public String text() {
        return text;
    }

    public String description() {
        return description;
    }

    public KeyCombination accelerator() {
        return accelerator;
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
        if (icon != null) {
            item.setGraphic(Icons.of(icon));
        }
        item.disableProperty().bind(Bindings.not(executable));
        item.setOnAction(e -> execute());
        return item;
    }

    /** The tooltip text: what it does and its key, or why it cannot run now. */
    public String tooltipText() {
        String why = whyNot == null ? "" : Objects.requireNonNullElse(whyNot.get(), "");
        String key = accelerator == null ? "" : " (" + accelerator.getDisplayText() + ")";
        return executable.get() || why.isEmpty() ? description + key : description + key + "\n" + why;
    }

    public Button button() {
        Button b = new Button(buttonText);
        b.setId("tool-" + id);
        b.setAccessibleText(text);
        if (icon != null) {
            b.setGraphic(Icons.of(icon));
            if (buttonText == null || buttonText.isEmpty()) {
                b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            }
        }
        b.disableProperty().bind(Bindings.not(executable));
        b.setOnAction(e -> execute());
        return b;
    }

    /**
     * The toolbar's button, in a holder that carries its tooltip: a disabled control gets no mouse
     * events, so its own tooltip would never say why it is disabled.
     */
    public Node toolItem() {
        Button b = button();
        StackPane holder = new StackPane(b);
        holder.getStyleClass().add("tool-holder");
        Tooltips.onFirstHover(holder, () -> {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(whyNot == null
                    ? Bindings.createStringBinding(this::tooltipText, executable)
                    : Bindings.createStringBinding(this::tooltipText, executable, whyNot));
            return tip;
        });
        holder.visibleProperty().bind(b.visibleProperty());
        holder.managedProperty().bind(b.managedProperty());
        return holder;
    }
}
