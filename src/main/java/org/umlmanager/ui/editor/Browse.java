package org.umlmanager.ui.editor;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/** "Browse…" buttons that fill a path field from a file or directory chooser. */
final class Browse {

    private Browse() {
    }

    static Button file(String id, String title, StringProperty target) {
        return button(id, title, target, false);
    }

    static Button directory(String id, String title, StringProperty target) {
        return button(id, title, target, true);
    }

    private static Button button(String id, String title, StringProperty target, boolean directory) {
        Button b = new Button("Browse…");
        b.setId(id);
        b.setAccessibleText(title);
        b.setOnAction(e -> {
            File start = startDirectory(target.get());
            File chosen;
            if (directory) {
                var chooser = new DirectoryChooser();
                chooser.setTitle(title);
                chooser.setInitialDirectory(start);
                chosen = chooser.showDialog(b.getScene().getWindow());
            } else {
                var chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.setInitialDirectory(start);
                chosen = chooser.showOpenDialog(b.getScene().getWindow());
            }
            if (chosen != null) {
                target.set(chosen.getAbsolutePath());
            }
        });
        return b;
    }

    private static File startDirectory(String current) {
        if (current == null || current.isBlank()) {
            return null;
        }
        Path p = Path.of(current.strip()).toAbsolutePath();
        // The chooser refuses a directory that does not exist; checking one path is a single stat.
        File dir = p.toFile().isDirectory() ? p.toFile() : p.getParent() == null ? null : p.getParent().toFile();
        return dir != null && dir.isDirectory() ? dir : null;
    }
}
