package org.umlmanager.ui.lab;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.umlmanager.service.LabImportRequest;

/**
 * Asks what to import: the lab directory (with a lab.conf), the lab's name (the directory's by
 * default) and the base image for devices lab.conf gives no known image.
 */
final class LabImportDialog {

    static final String DEBIAN = "Debian: iproute2, net-tools, tcpdump, FRR (made once: a few minutes)";
    static final String BUSYBOX = "busybox: tiny, boots in seconds (ip, ifconfig, route, ping)";

    private LabImportDialog() {
    }

    static Optional<LabImportRequest> ask(Window owner, Optional<Path> directory, Supplier<String> kernel) {
        Dialog<LabImportRequest> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Import lab");
        dialog.setHeaderText("Import a Kathará or Netkit lab directory");
        dialog.getDialogPane().setId("labImportDialog");
        ButtonType importButton = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(importButton, ButtonType.CANCEL);
        TextField dir = new TextField(directory.map(Path::toString).orElse(""));
        dir.setId("labImportDirectory");
        dir.setPrefColumnCount(36);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Lab directory (with lab.conf)");
            File chosen = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                dir.setText(chosen.getPath());
            }
        });
        TextField name = new TextField();
        name.setId("labImportName");
        name.promptTextProperty().bind(Bindings.createStringBinding(() -> {
            Path p = Path.of(dir.getText().isBlank() ? "." : dir.getText().strip()).toAbsolutePath().normalize();
            return p.getFileName() == null ? "" : p.getFileName().toString();
        }, dir.textProperty()));
        ChoiceBox<String> base = new ChoiceBox<>();
        base.getItems().setAll(DEBIAN, BUSYBOX);
        base.getSelectionModel().select(DEBIAN);
        base.setId("labImportBase");
        Label hint = new Label();
        hint.setId("labImportHint");
        hint.setWrapText(true);
        hint.textProperty().bind(Bindings.createStringBinding(() -> labConfProblem(dir.getText()).orElse(
                "Devices become instances named LAB-DEVICE on switch networks LAB-DOMAIN; nothing is imported if"
                        + " anything in the directory is wrong."), dir.textProperty()));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Directory:"), dir, browse);
        grid.addRow(1, new Label("Name:"), name);
        grid.addRow(2, new Label("Base image:"), base);
        grid.add(hint, 0, 3, 3, 1);
        GridPane.setHgrow(dir, Priority.ALWAYS);
        hint.setMaxWidth(560);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().lookupButton(importButton).disableProperty().bind(Bindings.createBooleanBinding(
                () -> labConfProblem(dir.getText()).isPresent(), dir.textProperty()));
        dialog.setResultConverter(b -> b == importButton ? new LabImportRequest(Path.of(dir.getText().strip()),
                Optional.of(name.getText().strip()).filter(s -> !s.isEmpty()),
                Optional.of(base.getValue().equals(BUSYBOX) ? "busybox" : "debian"), kernel.get()) : null);
        return dialog.showAndWait();
    }

    /** Why the text names no lab directory, for the hint under the form. */
    static Optional<String> labConfProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("Choose the directory that holds the lab's lab.conf.");
        }
        Path p = Path.of(text.strip());
        if (!Files.isDirectory(p)) {
            return Optional.of(p + " is not a directory.");
        }
        if (!Files.isRegularFile(p.resolve("lab.conf"))) {
            return Optional.of("There is no lab.conf in " + p + ".");
        }
        return Optional.empty();
    }
}
