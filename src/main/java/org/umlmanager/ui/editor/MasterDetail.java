package org.umlmanager.ui.editor;

import java.util.function.Function;
import java.util.function.IntFunction;
import javafx.beans.property.IntegerProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A list of rows (disks, interfaces, lines) on the left, buttons under it, and the selected row's
 * form on the right, rebuilt when the selection changes. The list shows each row's problems too.
 */
final class MasterDetail<T> {

    private final ListView<T> list = new ListView<>();
    private final BorderPane detail = new BorderPane();
    private final SplitPane pane;
    /** The row whose form is shown: a form stays bound to the row object it was built for. */
    private T shown;

    /** Fills the form of row {@code index}. */
    @FunctionalInterface
    interface DetailBuilder {
        void build(int index, Form form);
    }

    MasterDetail(String listId, ObservableList<T> rows, IntegerProperty selected, Function<T, String> title,
                 IntFunction<String> field, FieldMessages messages, DetailBuilder form, Button... buttons) {
        list.setId(listId);
        list.setItems(rows);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                } else {
                    boolean bad = messages.hasErrorsUnder(field.apply(getIndex()));
                    setText((bad ? "⚠ " : "") + title.apply(item));
                }
            }
        });
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (selected.get() != b.intValue()) {
                selected.set(b.intValue());
            }
        });
        selected.addListener((o, a, b) -> {
            list.getSelectionModel().select(b.intValue());
            show(b.intValue(), rows, form, messages);
        });
        // Revert and Save reload the rows as new objects, often at the same index: a form still bound
        // to a replaced row would edit nothing (the Disks page went stale so). Rebuild it then.
        rows.addListener((javafx.collections.ListChangeListener<T>) c -> {
            int i = selected.get();
            T now = i >= 0 && i < rows.size() ? rows.get(i) : null;
            if (now != shown) {
                list.getSelectionModel().select(i);
                show(i, rows, form, messages);
            }
        });
        // Units and transports change the titles; a refresh keeps the list honest.
        messages.problemsChanged(list::refresh);
        HBox bar = new HBox(6, buttons);
        bar.setPadding(new Insets(6, 0, 0, 0));
        VBox left = new VBox(list, bar);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(12, 6, 12, 12));
        ScrollPane scroll = new UncachedScrollPane(detail);
        scroll.setFitToWidth(true);
        left.setMinWidth(150);
        pane = new SplitPane(left, scroll);
        pane.setDividerPositions(0.28);
        list.getSelectionModel().select(selected.get());
        show(selected.get(), rows, form, messages);
    }

    private void show(int index, ObservableList<T> rows, DetailBuilder form, FieldMessages messages) {
        messages.clear(this);
        shown = index >= 0 && index < rows.size() ? rows.get(index) : null;
        if (index < 0 || index >= rows.size()) {
            Label none = new Label("Nothing selected. Use Add to create one.");
            none.setPadding(new Insets(12));
            detail.setCenter(none);
        } else {
            Form f = new Form(messages, this);
            form.build(index, f);
            detail.setCenter(f.pane());
        }
    }

    SplitPane pane() {
        return pane;
    }

    ListView<T> list() {
        return list;
    }
}
