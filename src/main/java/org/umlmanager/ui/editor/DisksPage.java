package org.umlmanager.ui.editor;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.umlmanager.model.Disk;
import org.umlmanager.model.DiskFlag;

/** The Disks page: ubd units with image, optional COW file and flags. */
final class DisksPage {

    private DisksPage() {
    }

    static Node create(DisksViewModel vm, FieldMessages messages) {
        Button add = new Button("Add");
        add.setId("addDisk");
        add.setAccessibleText("Add disk");
        add.disableProperty().bind(vm.canAdd().not());
        add.setOnAction(e -> vm.add());
        Button remove = new Button("Remove");
        remove.setId("removeDisk");
        remove.setAccessibleText("Remove disk");
        remove.disableProperty().bind(vm.selectedProperty().lessThan(0));
        remove.setOnAction(e -> vm.removeSelected());
        Button up = new Button("↑");
        up.setId("diskUp");
        up.setAccessibleText("Move disk up (swap unit with the previous one)");
        up.disableProperty().bind(vm.selectedProperty().lessThan(1));
        up.setOnAction(e -> vm.moveSelected(-1));
        Button down = new Button("↓");
        down.setId("diskDown");
        down.setAccessibleText("Move disk down (swap unit with the next one)");
        down.disableProperty().bind(vm.selectedProperty().lessThan(0)
                .or(vm.selectedProperty().greaterThanOrEqualTo(Bindings.size(vm.disks()).subtract(1))));
        down.setOnAction(e -> vm.moveSelected(1));
        var md = new MasterDetail<>("diskList", vm.disks(), vm.selectedProperty(),
                d -> d.deviceName() + "  " + (d.imageProperty().get().isBlank() ? "(no image)"
                        : d.imageProperty().get()),
                DisksViewModel::field, messages, (index, form) -> detail(vm.disks().get(index), index, form),
                add, remove, up, down);
        return md.pane();
    }

    /** The form of disk {@code index} alone, as the hot-plug dialog shows it. */
    static Node single(DisksViewModel vm, int index, FieldMessages messages) {
        Form form = new Form(messages, DisksPage.class);
        detail(vm.disks().get(index), index, form);
        return Form.scrolling(form.pane());
    }

    private static void detail(DiskViewModel d, int index, Form form) {
        String f = DisksViewModel.field(index);
        ComboBox<Integer> unit = new ComboBox<>();
        unit.setId("diskUnit");
        for (int u = 0; u < Disk.MAX_UNITS; u++) {
            unit.getItems().add(u);
        }
        unit.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer u) {
                return u == null ? "" : u + " — /dev/" + Disk.deviceName(u);
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.split(" ")[0]);
            }
        });
        unit.setValue(d.unitProperty().get());
        unit.valueProperty().addListener((o, a, b) -> d.unitProperty().set(b));
        form.row("Unit", unit, () -> f + ".unit");
        form.row("Image", GeneralPage.text("diskImage",
                d.imageProperty(), "image file; the read-only backing file with COW"), () -> f + ".image",
                Browse.file("diskImageBrowse", "Choose the disk image", d.imageProperty()));
        CheckBox cow = new CheckBox("Write changes to a private copy-on-write file");
        cow.setId("diskCow");
        cow.selectedProperty().bindBidirectional(d.useCowProperty());
        form.row("Copy-on-write", cow, null);
        TextField cowFile = GeneralPage.text("diskCowFile", d.cowFileProperty(), "created on first boot");
        cowFile.disableProperty().bind(d.useCowProperty().not());
        Button cowBrowse = Browse.file("diskCowBrowse", "Choose the COW file", d.cowFileProperty());
        cowBrowse.disableProperty().bind(d.useCowProperty().not());
        form.row("COW file", cowFile, () -> f + ".cowFile", cowBrowse);
        VBox flags = new VBox(4);
        for (DiskFlag flag : DiskFlag.values()) {
            CheckBox box = new CheckBox(flag.description() + " (" + flag.letter() + ")");
            box.setId("diskFlag-" + flag.letter());
            box.selectedProperty().bindBidirectional(d.flagProperty(flag));
            flags.getChildren().add(box);
        }
        form.wide(new Label("Flags"));
        form.wide(flags);
        form.row("Serial", GeneralPage.text("diskSerial", d.serialProperty(), "optional, shown in sysfs"),
                () -> f + ".serial");
        form.row("", anchor("diskProblems"), () -> f);
    }

    /** An empty anchor for the messages about a row as a whole (and fields without a control of their own). */
    static Label anchor(String id) {
        Label anchor = new Label();
        anchor.setId(id);
        anchor.setFocusTraversable(false);
        return anchor;
    }
}
