package org.umlmanager.ui.prefs;

import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.stage.Window;
import org.umlmanager.ui.Windows;

/** Preferences…: default kernel, uml_dir, console font, colours and scrollback, theme. */
public final class PreferencesDialog {

    private PreferencesDialog() {
    }

    public static Dialog<UiPreferences> create(Window owner, UiPreferences current) {
        Dialog<UiPreferences> dialog = new Dialog<>();
        dialog.setTitle("Preferences");
        dialog.getDialogPane().setId("preferencesDialog");
        TextField kernel = field("prefKernel", current.defaultKernel(), "linux, or a path");
        TextField umlDir = field("prefUmlDir", current.umlDir().orElse(""), "empty: the kernel's ~/.uml");
        ComboBox<String> font = new ComboBox<>();
        font.setId("prefFont");
        font.getItems().setAll(Font.getFamilies().stream().filter(PreferencesDialog::looksMonospaced).toList());
        font.setValue(current.console().fontFamily());
        font.setEditable(true);
        Spinner<Integer> size = new Spinner<>(6, 40, current.console().fontSize());
        size.setId("prefFontSize");
        size.setEditable(true);
        ColorPicker fg = new ColorPicker(Color.web(current.console().foreground()));
        fg.setId("prefForeground");
        ColorPicker bg = new ColorPicker(Color.web(current.console().background()));
        bg.setId("prefBackground");
        Spinner<Integer> scrollback = new Spinner<>(ConsolePreferences.MIN_SCROLLBACK,
                ConsolePreferences.MAX_SCROLLBACK, current.console().scrollbackLines(), 500);
        scrollback.setId("prefScrollback");
        scrollback.setEditable(true);
        ComboBox<Theme> theme = new ComboBox<>();
        theme.setId("prefTheme");
        theme.getItems().setAll(Theme.values());
        theme.setValue(current.theme());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        int row = 0;
        row = add(grid, row, "Default kernel", kernel);
        row = add(grid, row, "uml_dir", umlDir);
        row = add(grid, row, "Console font", font);
        row = add(grid, row, "Console font size", size);
        row = add(grid, row, "Console text colour", fg);
        row = add(grid, row, "Console background", bg);
        row = add(grid, row, "Lines kept in a tab", scrollback);
        Label hint = new Label("The full history of every console stays in its log: History… in the console menu.");
        hint.setWrapText(true);
        grid.add(hint, 1, row++);
        add(grid, row, "Theme", theme);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Windows.dialog(dialog, owner);
        dialog.setResultConverter(b -> b != ButtonType.OK ? null : new UiPreferences(
                kernel.getText().isBlank() ? UiPreferences.DEFAULTS.defaultKernel() : kernel.getText().strip(),
                Optional.of(umlDir.getText().strip()).filter(s -> !s.isEmpty()),
                new ConsolePreferences(font.getValue() == null ? ConsolePreferences.DEFAULTS.fontFamily()
                        : font.getValue(), size.getValue(), hex(fg.getValue()), hex(bg.getValue()),
                        scrollback.getValue()),
                theme.getValue(), current.window()));
        return dialog;
    }

    private static boolean looksMonospaced(String family) {
        String f = family.toLowerCase(Locale.ROOT);
        return f.contains("mono") || f.contains("courier") || f.contains("console") || f.contains("fixed");
    }

    private static TextField field(String id, String value, String prompt) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    private static int add(GridPane grid, int row, String text, Control control) {
        Label label = new Label(text);
        label.setLabelFor(control);
        control.setAccessibleText(text);
        grid.add(label, 0, row);
        grid.add(control, 1, row);
        return row + 1;
    }

    static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
