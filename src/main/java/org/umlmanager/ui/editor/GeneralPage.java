package org.umlmanager.ui.editor;

import javafx.beans.property.StringProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The General page of the editor. */
final class GeneralPage {

    private GeneralPage() {
    }

    static ScrollPane create(GeneralViewModel vm, FieldMessages messages) {
        Form form = new Form(messages, GeneralPage.class);
        form.row("Name", text("nameField", vm.nameProperty(), "debian1"), () -> "name");
        form.row("Machine id (umid)", text("umidField", vm.umidProperty(), "names ~/.uml/UMID"), () -> "umid");
        form.row("Kernel", text("kernelField", vm.kernelProperty(), "linux, or a path to a UML kernel"),
                () -> "kernel", Browse.file("kernelBrowse", "Choose the UML kernel", vm.kernelProperty()));

        TextField amount = text("memoryField", vm.memoryAmountProperty(), "kernel default: 64 MiB");
        Form.digitsOnly(amount);
        ComboBox<MemoryUnit> unit = new ComboBox<>();
        unit.setId("memoryUnit");
        unit.getItems().setAll(MemoryUnit.values());
        unit.valueProperty().bindBidirectional(vm.memoryUnitProperty());
        unit.setAccessibleText("Memory unit");
        HBox.setHgrow(amount, Priority.ALWAYS);
        form.row("Memory", amount, () -> "memory", unit);

        form.row("Root device", text("rootField", vm.rootProperty(), "default /dev/ubda"), () -> "root");
        form.row("Init", text("initField", vm.initProperty(), "default /sbin/init"), () -> "init");
        form.row("uml_dir", text("umlDirField", vm.umlDirProperty(), "default: the app's setting"), () -> "umlDir",
                Browse.directory("umlDirBrowse", "Choose the uml_dir", vm.umlDirProperty()));
        form.row("CPU pinning", text("cpuPinningField", vm.cpuPinningProperty(), "taskset list, e.g. 0-1"),
                () -> "cpuPinning");
        form.row("Extra arguments", area("extraArgsArea", vm.extraArgsProperty(),
                "one kernel argument per line, e.g. quiet"), () -> "extraArgs");
        form.row("Environment", area("environmentArea", vm.environmentProperty(), "KEY=VALUE, one per line"),
                () -> "environment");
        form.row("Notes", area("notesArea", vm.notesProperty(), ""), () -> "notes");
        ScrollPane scroll = new UncachedScrollPane(form.pane());
        scroll.setFitToWidth(true);
        return scroll;
    }

    static TextField text(String id, StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    static TextArea area(String id, StringProperty property, String prompt) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setPromptText(prompt);
        area.setPrefRowCount(3);
        area.textProperty().bindBidirectional(property);
        return area;
    }
}
