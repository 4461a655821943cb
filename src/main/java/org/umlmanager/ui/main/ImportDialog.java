package org.umlmanager.ui.main;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.geometry.Orientation;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.umlmanager.cmdline.ParseResult;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.model.Instance;
import org.umlmanager.ui.Windows;

/**
 * Import command line…: paste a UML command line and see, as you type, the instance it describes
 * and every problem with the field it concerns, then save it. Parsing runs off the FX thread a
 * moment after the last keystroke; Save stays disabled while there are errors, and the line under
 * the lists names the first one.
 */
final class ImportDialog {

    /** How long typing must pause before the line is checked. */
    private static final Duration SETTLE = Duration.millis(250);
    private static final Pattern INDEXED = Pattern.compile("([a-zA-Z]+)\\[(\\d+)]");

    private ImportDialog() {
    }

    /**
     * @param parse      name and pasted text to a parse result (the parser and validator); may block
     * @param describe   one line per setting of an instance, for the preview
     */
    static Dialog<Instance> create(Window owner, BiFunction<String, String, ParseResult> parse,
                                   Function<Instance, String> describe,
                                   Executor background, Executor ui) {
        Dialog<Instance> dialog = new Dialog<>();
        dialog.setTitle("Import command line");
        dialog.setHeaderText("Paste a UML command line, e.g. from a start script. It is checked as you type.");
        TextField name = new TextField();
        name.setId("importName");
        name.setPromptText("name of the new machine");
        name.setAccessibleText("Name of the new machine");
        TextArea text = new TextArea();
        text.setId("importText");
        text.setPromptText("linux mem=256M ubd0=root.img umid=web con0=fd:0,fd:1 …");
        text.setAccessibleText("Command line to import");
        text.setPrefRowCount(4);
        text.setWrapText(true);
        TextArea result = new TextArea();
        result.setId("importResult");
        result.setEditable(false);
        result.setPrefRowCount(8);
        result.getStyleClass().add("command-preview");
        result.setAccessibleText("What the command line configures");
        ObservableList<Problem> problems = FXCollections.observableArrayList();
        ListView<Problem> problemList = new ListView<>(problems);
        problemList.setId("importProblems");
        problemList.setAccessibleText("Problems of the command line");
        problemList.setPlaceholder(new Label("No problems."));
        problemList.setCellFactory(v -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(v.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : line(p));
            }
        });
        ObjectProperty<ParseResult> parsed = new SimpleObjectProperty<>();
        AtomicLong generation = new AtomicLong();
        Runnable check = () -> {
            long gen = generation.incrementAndGet();
            String n = name.getText().strip();
            String t = text.getText();
            CompletableFuture.supplyAsync(() -> parse.apply(n, t), background).whenCompleteAsync((r, e) -> {
                if (gen != generation.get()) {
                    return;
                }
                if (e != null) {
                    parsed.set(null);
                    result.setText("");
                    problems.setAll(Problem.error("commandLine", "command line", Errors.reason(e)));
                } else {
                    parsed.set(r);
                    result.setText(describe.apply(r.instance()));
                    problems.setAll(r.problems());
                }
            }, ui);
        };
        PauseTransition settle = new PauseTransition(SETTLE);
        settle.setOnFinished(e -> check.run());
        Runnable edited = () -> {
            generation.incrementAndGet();
            parsed.set(null);
            settle.playFromStart();
        };
        name.textProperty().addListener(o -> edited.run());
        text.textProperty().addListener(o -> edited.run());
        Label summary = new Label();
        summary.setId("importSummary");
        summary.setWrapText(true);
        // Its whole text, wrapped, however tall: it names the first error.
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.textProperty().bind(Bindings.createStringBinding(() -> {
            ParseResult r = parsed.get();
            if (r == null) {
                return text.getText().isBlank() ? "Paste a command line to see what it configures." : "Checking…";
            }
            if (r.hasErrors()) {
                int n = r.errors().size();
                return n + (n == 1 ? " error" : " errors") + " to fix before saving; the first: "
                        + line(r.errors().get(0));
            }
            int w = r.warnings().size();
            return "Ready to save" + (w == 0 ? "." : " (" + w + (w == 1 ? " warning" : " warnings") + ").");
        }, parsed, text.textProperty()));
        SplitPane lists = new SplitPane(titled("Configures", result), titled("Problems", problemList));
        lists.setOrientation(Orientation.VERTICAL);
        lists.setDividerPositions(0.55);
        VBox content = new VBox(6, new Label("Name"), name, new Label("Command line"), text, lists, summary);
        VBox.setVgrow(lists, Priority.ALWAYS);
        content.setPadding(new Insets(8));
        content.setPrefSize(720, 560);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("importDialog");
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("importSave");
        saveButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> parsed.get() == null || parsed.get().hasErrors(), parsed));
        dialog.setResultConverter(b -> b == save && parsed.get() != null ? parsed.get().instance() : null);
        Windows.dialog(dialog, owner);
        return dialog;
    }

    private static Node titled(String title, Node content) {
        Label label = new Label(title);
        label.getStyleClass().add("section-label");
        VBox box = new VBox(4, label, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setMinHeight(80);
        return box;
    }

    /** "✖ Disk 1 › image — ubd0=/tmp: /tmp is a directory; give an image file". */
    static String line(Problem p) {
        return (p.isError() ? "✖ " : "⚠ ") + fieldLabel(p.field()) + " — " + p.subject() + ": " + p.message();
    }

    /** A field path as people read it: {@code disks[0].image} is "Disk 1 › image". */
    static String fieldLabel(String field) {
        if (field.isEmpty()) {
            return "Command line";
        }
        StringBuilder out = new StringBuilder();
        for (String part : field.split("\\.")) {
            if (out.length() > 0) {
                out.append(" › ");
            }
            Matcher m = INDEXED.matcher(part);
            if (m.matches()) {
                String kind = switch (m.group(1)) {
                    case "disks" -> "Disk";
                    case "networks" -> "Network interface";
                    case "consoles" -> "Console line";
                    default -> m.group(1);
                };
                out.append(kind).append(' ').append(Integer.parseInt(m.group(2)) + 1);
            } else {
                out.append(out.length() == 0 ? Character.toUpperCase(part.charAt(0)) + part.substring(1) : part);
            }
        }
        return out.toString();
    }
}
