package org.umlmanager.ui.wizard;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Small builders for the wizard's forms: labelled rows, text fields, Browse buttons. */
final class Fields {

    private Fields() {
    }

    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(4, 0, 4, 0));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(130);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    static void row(GridPane grid, String text, Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(false);
        if (field instanceof javafx.scene.control.Control c) {
            label.setLabelFor(c);
            c.setAccessibleText(text);
        }
        int row = grid.getRowCount();
        grid.add(label, 0, row);
        grid.add(field, 1, row);
    }

    static TextField text(String id, StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    static PasswordField password(String id, StringProperty property) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    static Label note(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("wizard-note");
        return label;
    }

    /** A text field with a Browse button that fills it with a chosen directory or file. */
    static HBox browse(TextField field, boolean directory, String title) {
        Button button = new Button("Browse…");
        button.setId(field.getId() + "Browse");
        button.setOnAction(e -> {
            Window owner = button.getScene().getWindow();
            java.io.File chosen;
            if (directory) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle(title);
                chosen = chooser.showDialog(owner);
            } else {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chosen = chooser.showOpenDialog(owner);
            }
            if (chosen != null) {
                field.setText(chosen.getAbsolutePath());
            }
        });
        HBox box = new HBox(6, field, button);
        HBox.setHgrow(field, Priority.ALWAYS);
        return box;
    }

    /** Shows {@code node} only while {@code property} holds {@code value}. */
    static <T> void visibleWhen(Node node, ObjectProperty<T> property, T value) {
        node.visibleProperty().bind(property.isEqualTo(value));
        node.managedProperty().bind(node.visibleProperty());
    }
}
