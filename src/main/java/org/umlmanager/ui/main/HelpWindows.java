package org.umlmanager.ui.main;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.umlmanager.ui.Windows;

/** Help ▸ Keyboard shortcuts and Help ▸ About UML Manager. */
final class HelpWindows {

    /** Keys that are no menu item's accelerator. */
    private static final List<String[]> OTHER_KEYS = List.of(
            new String[] {"F6 / Shift+F6", "Next / previous pane: toolbar, machine list, the view on the right"},
            new String[] {"Tab / Shift+Tab", "Next / previous control; Ctrl+Tab also leaves a text area"},
            new String[] {"Esc", "Close a dialog, the New VM wizard or a tool window (Cancel)"},
            new String[] {"Enter", "The dialog's default button (Cancel in prompts that delete or stop)"},
            new String[] {"Ctrl+Shift+C / Ctrl+Shift+V", "Copy / paste in a console"},
            new String[] {"Ctrl+Shift+F", "Find in a console's screen and scrollback"},
            new String[] {"Ctrl+Shift+H", "A console's whole history (from its log)"},
            new String[] {"Ctrl+Shift+S", "Save a console's log"},
            new String[] {"Other keys in a console", "Go to the machine (Ctrl+F, Ctrl+C and Esc too)"});

    private HelpWindows() {
    }

    /** Every menu command with its key, then the keys no menu shows. */
    static Stage shortcuts(Window owner, MenuBar menus) {
        TableView<String[]> table = new TableView<>();
        table.setId("shortcutsTable");
        TableColumn<String[], String> key = new TableColumn<>("Keys");
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue()[0]));
        key.setPrefWidth(200);
        TableColumn<String[], String> what = new TableColumn<>("Does");
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue()[1]));
        what.setPrefWidth(440);
        table.getColumns().setAll(List.of(key, what));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        List<String[]> rows = new ArrayList<>();
        for (Menu menu : menus.getMenus()) {
            collect(menu.getText().replace("_", ""), menu.getItems(), rows);
        }
        rows.addAll(OTHER_KEYS);
        table.getItems().setAll(rows);
        BorderPane root = new BorderPane(table);
        root.setPadding(new Insets(8));
        root.setPrefSize(680, 520);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Keyboard shortcuts");
        stage.setScene(new Scene(root));
        stage.getScene().getRoot().setId("shortcutsWindow");
        Windows.secondary(stage, owner);
        Windows.closeOnEscape(stage);
        stage.show();
        return stage;
    }

    private static void collect(String path, List<MenuItem> items, List<String[]> rows) {
        for (MenuItem item : items) {
            if (item instanceof Menu sub) {
                collect(path + " ▸ " + sub.getText(), sub.getItems(), rows);
            } else if (item.getAccelerator() != null && item.getText() != null) {
                rows.add(new String[] {item.getAccelerator().getDisplayText(), path + " ▸ " + item.getText()});
            }
        }
    }

    /** What the program is, its version and where its files are documented. */
    static void about(Window owner) {
        String version = HelpWindows.class.getPackage().getImplementationVersion();
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("About UML Manager");
        alert.setHeaderText("UML Manager" + (version == null ? "" : " " + version));
        alert.setContentText("Makes, runs and watches User Mode Linux virtual machines: what virt-manager is for"
                + " QEMU/KVM, for UML. The same operations are on the command line: uml-manager --help.\n\n"
                + "Machines run as your own processes; a guest reaches none of your files unless you share a folder"
                + " with it.");
        alert.getDialogPane().setId("aboutDialog");
        Windows.dialog(alert, owner);
        alert.show();
    }
}
