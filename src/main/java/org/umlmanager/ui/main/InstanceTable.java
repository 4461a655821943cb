package org.umlmanager.ui.main;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.umlmanager.model.InstanceState;

/** The instance list: name, state with an icon, memory, umid; several rows can be selected. */
final class InstanceTable {

    private InstanceTable() {
    }

    static TableView<InstanceRow> create(MainViewModel vm) {
        TableView<InstanceRow> table = new TableView<>(vm.visibleRows());
        table.setId("instanceTable");
        table.setAccessibleText("Instances");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No instances yet. Use New or Import command line to add one."));

        TableColumn<InstanceRow, String> name = new TableColumn<>("Name");
        name.setId("nameColumn");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(110);

        TableColumn<InstanceRow, InstanceState> state = new TableColumn<>("State");
        state.setId("stateColumn");
        state.setCellValueFactory(c -> c.getValue().stateProperty());
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(InstanceState s, boolean empty) {
                super.updateItem(s, empty);
                InstanceRow row = empty ? null : getTableRow().getItem();
                if (empty || s == null || row == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                String detail = row.detailProperty().get();
                setGraphic(StateIcons.of(s));
                setText(StateIcons.label(s) + (row.external() ? " (not saved)" : ""));
                setAccessibleText(StateIcons.label(s));
                setTooltip(detail.isEmpty() ? null : new Tooltip(detail));
            }
        });
        state.setPrefWidth(110);

        TableColumn<InstanceRow, String> memory = new TableColumn<>("Memory");
        memory.setCellValueFactory(c -> c.getValue().memoryProperty());
        memory.setPrefWidth(85);

        TableColumn<InstanceRow, String> umid = new TableColumn<>("umid");
        umid.setCellValueFactory(c -> c.getValue().umidProperty());
        umid.setPrefWidth(80);

        table.getColumns().setAll(List.of(name, state, memory, umid));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<InstanceRow>) c ->
                vm.selection().setAll(table.getSelectionModel().getSelectedItems()));
        return table;
    }
}
