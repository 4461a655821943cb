package org.umlmanager.ui.editor;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * The Host access page: none (the default of every machine UML Manager makes), a folder shared
 * explicitly, or unrestricted with a visible warning. Sharing says plainly what it gives the guest.
 */
final class HostAccessPage {

    private HostAccessPage() {
    }

    static Node create(HostAccessViewModel vm, FieldMessages messages) {
        Form form = new Form(messages, HostAccessPage.class);
        ComboBox<HostAccess> access = new ComboBox<>();
        access.setId("hostAccess");
        access.getItems().setAll(HostAccess.values());
        access.valueProperty().bindBidirectional(vm.accessProperty());
        form.row("Host files", access, () -> "hostfs");
        TextField dir = GeneralPage.text("hostfsDir", vm.directoryProperty(), "a folder of yours");
        dir.disableProperty().bind(vm.sharingProperty().not());
        var browse = Browse.directory("hostfsBrowse", "Choose the folder to share", vm.directoryProperty());
        browse.disableProperty().bind(vm.sharingProperty().not());
        form.row("Shared folder", dir, () -> "hostfs.directory", browse);
        CheckBox append = new CheckBox("Open host files in append mode only");
        append.setId("hostfsAppend");
        append.disableProperty().bind(vm.sharingProperty().not());
        append.selectedProperty().bindBidirectional(vm.appendProperty());
        form.row("Append", append, null);
        Label shared = new Label("The guest mounts the folder with: mount -t hostfs none /mnt -o /. It can change"
                + " and delete what is in it: UML's hostfs has no read-only mode. And it is a path prefix, not a"
                + " wall: the guest's root can reach your other files with '..' in a mount path. Share a folder only"
                + " with a machine you trust with your files.");
        shared.setId("hostfsShareNote");
        shared.getStyleClass().add("warning-banner");
        shared.setWrapText(true);
        shared.visibleProperty().bind(vm.sharingProperty());
        shared.managedProperty().bind(shared.visibleProperty());
        form.wide(shared);
        Label warning = new Label("Unrestricted: the guest's root can mount any host directory you can read"
                + " (mount -t hostfs none /mnt -o /home). Choose no host access unless you trust the guest.");
        warning.setId("hostfsWarning");
        warning.getStyleClass().add("warning-banner");
        warning.setWrapText(true);
        warning.visibleProperty().bind(vm.unrestrictedProperty());
        warning.managedProperty().bind(warning.visibleProperty());
        form.wide(warning);
        return form.pane();
    }
}
