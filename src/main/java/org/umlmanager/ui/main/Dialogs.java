package org.umlmanager.ui.main;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.umlmanager.ui.Windows;

/**
 * The app's standard dialogs: errors with expandable details, confirmations. In a prompt that
 * can destroy something, Cancel is the default button: Enter never confirms by accident.
 */
public final class Dialogs {

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    public static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);

    private Dialogs() {
    }

    /** "Could not ‹action› ‹name›: ‹reason›", the stack trace under "Show details". */
    public static void error(Window owner, String action, String name, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("UML Manager");
        alert.setHeaderText(Errors.headline(action, name, error));
        alert.setContentText(null);
        TextArea details = new TextArea(Errors.details(error));
        details.setEditable(false);
        details.setId("errorDetails");
        alert.getDialogPane().setExpandableContent(details);
        alert.getDialogPane().setId("errorDialog");
        // A refused start names every reason in its headline: wrap it instead of a window wider than the screen.
        // Its minimum height is the height at its minimum width: both are the preferred ones, or the
        // height of the headline wrapped at a few words a line would leave the dialog mostly empty.
        alert.getDialogPane().setPrefWidth(640);
        alert.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        Windows.dialog(alert, owner);
        alert.show();
    }

    /** What went wrong in an action on several guests: {@code header}, then one line per guest. */
    public static void failures(Window owner, String header, java.util.List<String> lines) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle("UML Manager");
        alert.setHeaderText(header);
        alert.setContentText(String.join("\n", lines));
        alert.getDialogPane().setId("bulkErrorDialog");
        Windows.dialog(alert, owner);
        alert.show();
    }

    /** Asks before something destructive; true when the user confirms with {@code confirmText}. */
    public static boolean confirm(Window owner, String header, String text, String confirmText) {
        ButtonType yes = new ButtonType(confirmText, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, yes, ButtonType.CANCEL);
        alert.setTitle("UML Manager");
        alert.setHeaderText(header);
        alert.getDialogPane().setId("confirmDialog");
        cancelIsDefault(alert, yes);
        Windows.dialog(alert, owner);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    /** Save, Discard or Cancel for unsaved edits; empty means cancel. Cancel is the default. */
    public static Optional<ButtonType> unsaved(Window owner, String name) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Your changes to " + name + " are not saved.",
                SAVE, DISCARD, ButtonType.CANCEL);
        alert.setTitle("UML Manager");
        alert.setHeaderText("Save the changes to " + name + "?");
        alert.getDialogPane().setId("unsavedDialog");
        cancelIsDefault(alert, SAVE, DISCARD);
        Windows.dialog(alert, owner);
        return alert.showAndWait().filter(b -> b != ButtonType.CANCEL);
    }

    /** Makes Cancel the button Enter presses, and none of {@code others}. */
    public static void cancelIsDefault(Dialog<?> dialog, ButtonType... others) {
        for (ButtonType other : others) {
            if (dialog.getDialogPane().lookupButton(other) instanceof Button b) {
                b.setDefaultButton(false);
            }
        }
        if (dialog.getDialogPane().lookupButton(ButtonType.CANCEL) instanceof Button cancel) {
            cancel.setDefaultButton(true);
        }
    }
}
