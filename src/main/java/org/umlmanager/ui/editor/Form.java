package org.umlmanager.ui.editor;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A two-column form: labels on the left, fields with their problem messages on the right. The
 * editor's pages, the hot-plug dialogs and the Networks window are built from it.
 */
public final class Form {

    private static final Pattern DIGITS = Pattern.compile("\\d{0,18}");
    private static final Pattern NUMBER = Pattern.compile("(0[xX][0-9a-fA-F]{0,15}|\\d{0,18})");

    private final GridPane grid = new GridPane();
    private final FieldMessages messages;
    private final Object group;
    private int row;

    public Form(FieldMessages messages, Object group) {
        this.messages = messages;
        this.group = group;
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setPadding(new Insets(12));
        var labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        var fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
    }

    public GridPane pane() {
        return grid;
    }

    /** A row for {@code control}, with {@code extra} nodes (a Browse button) beside it. */
    public void row(String text, Control control, Supplier<String> field, Node... extra) {
        Label label = new Label(text);
        label.setLabelFor(control);
        label.setMnemonicParsing(false);
        control.setAccessibleText(text);
        Node content = control;
        if (extra.length > 0) {
            HBox box = new HBox(6);
            box.getChildren().add(control);
            box.getChildren().addAll(extra);
            HBox.setHgrow(control, Priority.ALWAYS);
            content = box;
        }
        VBox cell = new VBox(2, content);
        if (field != null) {
            cell.getChildren().add(messages.register(group, control, field));
        }
        control.setMaxWidth(Double.MAX_VALUE);
        grid.add(label, 0, row);
        grid.add(cell, 1, row);
        GridPane.setFillWidth(cell, true);
        row++;
    }

    /** A row spanning both columns (a warning, a heading). */
    public void wide(Node node) {
        grid.add(node, 0, row, 2, 1);
        row++;
    }

    /** {@code content} in a scroll pane that fits its width: a long form scrolls, a wide one wraps. */
    public static javafx.scene.control.ScrollPane scrolling(Node content) {
        javafx.scene.control.ScrollPane scroll = new UncachedScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    static void digitsOnly(TextField field) {
        field.setTextFormatter(new TextFormatter<>(filter(DIGITS)));
    }

    /** Decimal, or hexadecimal with 0x. */
    static void numberOnly(TextField field) {
        field.setTextFormatter(new TextFormatter<>(filter(NUMBER)));
    }

    private static UnaryOperator<TextFormatter.Change> filter(Pattern pattern) {
        return change -> pattern.matcher(change.getControlNewText()).matches() ? change : null;
    }
}
