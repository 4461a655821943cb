package org.umlmanager.ui.main;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.umlmanager.cmdline.ParseResult;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.model.Instance;

/**
 * Import command line…: paste a UML command line, see the instance it describes and every
 * problem, then save it. Parsing runs off the FX thread; Save stays disabled while there are errors.
 */
final class ImportDialog {

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
        dialog.initOwner(owner);
        dialog.setTitle("Import command line");
        dialog.setHeaderText("Paste a UML command line, e.g. from a start script.");
        TextField name = new TextField();
        name.setId("importName");
        name.setPromptText("name of the new instance");
        name.setAccessibleText("Name of the new instance");
        TextArea text = new TextArea();
        text.setId("importText");
        text.setPromptText("linux mem=256M ubd0=root.img umid=web con0=fd:0,fd:1 …");
        text.setAccessibleText("Command line to import");
        text.setPrefRowCount(5);
        text.setWrapText(true);
        Button check = new Button("Check");
        check.setId("importCheck");
        TextArea result = new TextArea();
        result.setId("importResult");
        result.setEditable(false);
        result.setPrefRowCount(8);
        result.getStyleClass().add("command-preview");
        ObservableList<Problem> problems = FXCollections.observableArrayList();
        ListView<Problem> problemList = new ListView<>(problems);
        problemList.setId("importProblems");
        problemList.setPrefHeight(110);
        problemList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.toString());
            }
        });
        ObjectProperty<ParseResult> parsed = new SimpleObjectProperty<>();
        Runnable run = () -> {
            String n = name.getText().strip();
            String t = text.getText();
            CompletableFuture.supplyAsync(() -> parse.apply(n, t), background).whenCompleteAsync((r, e) -> {
                if (e != null) {
                    parsed.set(null);
                    result.setText("");
                    problems.setAll(Problem.error("commandLine", "command line", Errors.reason(e)));
                } else if (n.equals(name.getText().strip()) && t.equals(text.getText())) {
                    parsed.set(r);
                    result.setText(describe.apply(r.instance()));
                    problems.setAll(r.problems());
                }
            }, ui);
        };
        check.setOnAction(e -> run.run());
        name.textProperty().addListener(o -> parsed.set(null));
        text.textProperty().addListener(o -> parsed.set(null));
        Label summary = new Label();
        summary.setId("importSummary");
        summary.textProperty().bind(Bindings.createStringBinding(() -> parsed.get() == null
                ? "Check the command line to see what it configures."
                : parsed.get().hasErrors() ? parsed.get().errors().size() + " error(s): fix the command line."
                : "Ready to save" + (parsed.get().warnings().isEmpty() ? "." : " (" + parsed.get().warnings().size()
                + " warning(s))."), parsed));
        VBox content = new VBox(6, new Label("Name"), name, new Label("Command line"), text, check,
                new Label("Result"), result, problemList, summary);
        content.setPadding(new Insets(8));
        content.setPrefWidth(720);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("importDialog");
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("importSave");
        saveButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> parsed.get() == null || parsed.get().hasErrors(), parsed));
        dialog.setResultConverter(b -> b == save && parsed.get() != null ? parsed.get().instance() : null);
        return dialog;
    }
}
