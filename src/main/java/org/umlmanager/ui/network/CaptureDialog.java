package org.umlmanager.ui.network;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.umlmanager.ui.Windows;

/**
 * Capture traffic…: a small window over the Networks window with the pcap file, when to stop, and
 * the packet count while it runs. Closing it stops a running capture (what was written stays).
 */
final class CaptureDialog {

    private CaptureDialog() {
    }

    static Stage show(Window owner, CaptureViewModel vm) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Capture traffic of " + vm.network());
        TextField file = new TextField();
        file.setId("captureFile");
        file.textProperty().bindBidirectional(vm.fileProperty());
        Button browse = new Button("Browse…");
        browse.setId("captureBrowse");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Write the packets to");
            Path current = Path.of(file.getText().isBlank() ? vm.network() + ".pcap" : file.getText());
            if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(current.getParent().toFile());
            }
            chooser.setInitialFileName(String.valueOf(current.getFileName()));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("pcap files", "*.pcap"));
            File chosen = chooser.showSaveDialog(stage);
            if (chosen != null) {
                file.setText(chosen.getPath());
            }
        });
        HBox fileRow = new HBox(6, file, browse);
        HBox.setHgrow(file, Priority.ALWAYS);
        ComboBox<CaptureViewModel.Until> until = new ComboBox<>();
        until.setId("captureUntil");
        until.getItems().setAll(CaptureViewModel.Until.values());
        until.valueProperty().bindBidirectional(vm.untilProperty());
        TextField amount = new TextField();
        amount.setId("captureAmount");
        amount.setPrefColumnCount(6);
        amount.textProperty().bindBidirectional(vm.amountProperty());
        amount.visibleProperty().bind(vm.untilProperty().isNotEqualTo(CaptureViewModel.Until.STOPPED));
        HBox untilRow = new HBox(6, until, amount);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("File"), fileRow);
        grid.addRow(1, new Label("Stop"), untilRow);
        GridPane.setHgrow(fileRow, Priority.ALWAYS);
        Label count = new Label();
        count.setId("capturePackets");
        count.getStyleClass().add("section-title");
        count.textProperty().bind(Bindings.createStringBinding(() -> vm.packetsProperty().get()
                + (vm.packetsProperty().get() == 1 ? " packet" : " packets"), vm.packetsProperty()));
        Label message = new Label();
        message.setId("captureMessage");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(() -> vm.runningProperty().get()
                || !vm.messageProperty().get().isEmpty() ? vm.messageProperty().get()
                : vm.problem().orElse("Every frame on the network goes to the file while the capture runs;"
                + " the switch acts as a hub meanwhile."), vm.messageProperty(), vm.runningProperty(),
                vm.fileProperty(), vm.untilProperty(), vm.amountProperty()));
        Button start = new Button("Start");
        start.setId("captureStart");
        start.setDefaultButton(true);
        start.disableProperty().bind(vm.canStartProperty().not());
        start.setOnAction(e -> vm.start());
        Button stop = new Button("Stop");
        stop.setId("captureStop");
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        Button close = new Button("Close");
        close.setId("captureClose");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(6, start, stop, close);
        VBox root = new VBox(10, grid, count, message, buttons);
        root.setPadding(new Insets(12));
        root.setId("captureDialog");
        root.setPrefWidth(560);
        Scene scene = new Scene(root);
        if (owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.stop());
        Windows.secondary(stage, owner);
        Windows.closeOnEscape(stage);
        stage.show();
        return stage;
    }
}
