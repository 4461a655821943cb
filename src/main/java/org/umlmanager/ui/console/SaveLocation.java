package org.umlmanager.ui.console;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where Save log… writes: the desktop's file chooser asks the user; tests answer by themselves. */
@FunctionalInterface
public interface SaveLocation {

    /** A save dialog of the desktop. */
    SaveLocation CHOOSER = (owner, title, fileName) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    };

    /** The file to write, or empty when the user cancelled. Called on the FX thread. */
    Optional<Path> ask(Window owner, String title, String fileName);
}
