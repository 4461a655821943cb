package org.umlmanager.ui.main;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.umlmanager.model.InstanceState;
import org.umlmanager.ui.usage.Sparkline;
import org.umlmanager.ui.usage.UsageHistory;

/**
 * The instance list, narrow: each machine's state icon and name with its state and memory under
 * it, and a sparkline of its CPU while it runs. Memory and umid columns can be shown from the
 * list's column menu (+). Several rows can be selected.
 */
final class InstanceTable {

    private InstanceTable() {
    }

    static TableView<InstanceRow> create(MainViewModel vm, UsageHistory history) {
        TableView<InstanceRow> table = new TableView<>(vm.visibleRows());
        table.setId("instanceTable");
        table.setAccessibleText("Machines");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_SUBSEQUENT_COLUMNS);
        table.setTableMenuButtonVisible(true);

        TableColumn<InstanceRow, String> name = new TableColumn<>("Machine");
        name.setId("nameColumn");
        name.setCellValueFactory(c -> c.getValue().listLineProperty());
        name.setCellFactory(c -> new MachineCell());
        name.setComparator((a, b) -> a.compareToIgnoreCase(b));
        name.setPrefWidth(150);
        name.setMinWidth(110);

        TableColumn<InstanceRow, String> cpu = new TableColumn<>("CPU");
        cpu.setId("cpuColumn");
        cpu.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        cpu.setCellFactory(c -> new Sparkline.Cell<>(history));
        cpu.setPrefWidth(64);
        cpu.setMinWidth(50);
        cpu.setSortable(false);

        TableColumn<InstanceRow, String> memory = new TableColumn<>("Memory");
        memory.setId("memoryColumn");
        memory.setCellValueFactory(c -> c.getValue().memoryProperty());
        memory.setPrefWidth(80);
        memory.setVisible(false);

        TableColumn<InstanceRow, String> umid = new TableColumn<>("umid");
        umid.setId("umidColumn");
        umid.setCellValueFactory(c -> c.getValue().umidProperty());
        umid.setPrefWidth(80);
        umid.setVisible(false);

        table.getColumns().setAll(List.of(name, cpu, memory, umid));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<InstanceRow>) c ->
                vm.selection().setAll(table.getSelectionModel().getSelectedItems()));
        return table;
    }

    /** Icon, name, and "Running · 256 MiB" under it; the tooltip has why it crashed or what it is doing. */
    private static final class MachineCell extends TableCell<InstanceRow, String> {
        private final Label title = new Label();
        private final Label subtitle = new Label();
        private final HBox box = new HBox(8);

        MachineCell() {
            title.getStyleClass().add("machine-name");
            subtitle.getStyleClass().add("machine-subtitle");
            box.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().setAll(new Label(), new VBox(0, title, subtitle));
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            InstanceRow row = empty ? null : getTableRow().getItem();
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            InstanceState s = row.state();
            title.setText(row.name());
            String memory = row.memoryProperty().get();
            subtitle.setText(StateIcons.label(s) + (row.external() ? " (not saved)" : "")
                    + (memory.isEmpty() ? "" : " · " + memory));
            box.getChildren().set(0, StateIcons.of(s));
            setGraphic(box);
            setText(null);
            setAccessibleText(row.name() + ", " + StateIcons.label(s));
            String detail = row.detailProperty().get();
            setTooltip(detail.isEmpty() ? null : new Tooltip(detail));
        }
    }

    /** The placeholder for a list that has rows, none of which the filter lets through. */
    static Label noMatch(String filter) {
        Label label = new Label("No machine matches “" + filter.strip() + "”.");
        label.setWrapText(true);
        label.setId("noMatch");
        return label;
    }
}
