package org.umlmanager.ui.editor;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The Host access page: hostfs confinement, with a visible warning when it is off. */
final class HostAccessPage {

    private HostAccessPage() {
    }

    static Node create(HostAccessViewModel vm, FieldMessages messages) {
        Form form = new Form(messages, HostAccessPage.class);
        CheckBox confined = new CheckBox("Confine hostfs mounts to one host directory");
        confined.setId("hostfsConfined");
        confined.selectedProperty().bindBidirectional(vm.confinedProperty());
        form.row("hostfs", confined, () -> "hostfs");
        TextField dir = GeneralPage.text("hostfsDir", vm.directoryProperty(), "the directory the guest may mount");
        dir.disableProperty().bind(vm.confinedProperty().not());
        var browse = Browse.directory("hostfsBrowse", "Choose the shared directory", vm.directoryProperty());
        browse.disableProperty().bind(vm.confinedProperty().not());
        form.row("Directory", dir, () -> "hostfs.directory", browse);
        CheckBox append = new CheckBox("Open host files in append mode only");
        append.setId("hostfsAppend");
        append.disableProperty().bind(vm.confinedProperty().not());
        append.selectedProperty().bindBidirectional(vm.appendProperty());
        form.row("Append", append, null);
        Label warning = new Label("Not confined: the guest's root can mount any host directory you can read"
                + " (mount -t hostfs none /mnt -o /home). Confine it unless you trust the guest.");
        warning.setId("hostfsWarning");
        warning.getStyleClass().add("warning-banner");
        warning.setWrapText(true);
        warning.visibleProperty().bind(vm.unconfinedProperty());
        warning.managedProperty().bind(warning.visibleProperty());
        form.wide(warning);
        return form.pane();
    }
}
