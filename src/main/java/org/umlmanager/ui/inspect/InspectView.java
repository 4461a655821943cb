package org.umlmanager.ui.inspect;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Inspect panel: version, /proc viewer with refresh, stack by pid, log line. */
public final class InspectView {

    private final VBox root = new VBox(8);

    public InspectView(InspectViewModel vm) {
        root.setId("inspectPanel");
        root.setPadding(new Insets(10));
        Label version = new Label();
        version.setId("inspectVersion");
        version.setWrapText(true);
        version.textProperty().bind(vm.versionProperty());
        Button versionRefresh = button("inspectVersionRefresh", "Refresh", "Read the kernel version again");
        versionRefresh.setOnAction(e -> vm.refreshVersion());
        HBox versionRow = new HBox(8, new Label("Kernel:"), version, versionRefresh);
        versionRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(version, Priority.ALWAYS);

        ComboBox<String> file = new ComboBox<>();
        file.setId("inspectProcFile");
        file.setEditable(true);
        file.getItems().setAll(InspectViewModel.PROC_FILES);
        file.valueProperty().bindBidirectional(vm.procFileProperty());
        file.setAccessibleText("File under /proc");
        file.valueProperty().addListener((o, a, b) -> vm.refreshProc());
        Button procRefresh = button("inspectProcRefresh", "Refresh", "Read the file again");
        procRefresh.setOnAction(e -> vm.refreshProc());
        TextArea proc = area("inspectProcText", "Contents of the /proc file");
        proc.textProperty().bind(vm.procTextProperty());
        HBox procRow = new HBox(8, new Label("/proc/"), file, procRefresh);
        procRow.setAlignment(Pos.CENTER_LEFT);
        VBox procBox = new VBox(6, procRow, proc);
        VBox.setVgrow(proc, Priority.ALWAYS);

        TextField pid = new TextField();
        pid.setId("inspectPid");
        pid.setPrefColumnCount(6);
        pid.setAccessibleText("Process id in the guest");
        pid.textProperty().bindBidirectional(vm.pidProperty());
        Button stackShow = button("inspectStackShow", "Show stack", "Print the process's kernel stack");
        stackShow.setOnAction(e -> vm.showStack());
        pid.setOnAction(e -> vm.showStack());
        TextArea stack = area("inspectStackText", "Kernel stack of the process");
        stack.setPrefRowCount(6);
        stack.textProperty().bind(vm.stackTextProperty());
        HBox stackRow = new HBox(8, new Label("PID"), pid, stackShow);
        stackRow.setAlignment(Pos.CENTER_LEFT);
        TitledPane stackPane = new TitledPane("Process stack", new VBox(6, stackRow, stack));
        stackPane.setExpanded(false);

        TextField log = new TextField();
        log.setId("inspectLogLine");
        log.setPromptText("A line for the guest's kernel log");
        log.setAccessibleText("Line for the kernel log");
        log.textProperty().bindBidirectional(vm.logLineProperty());
        Button send = button("inspectLogSend", "Send", "Write the line to the kernel log (mconsole log)");
        send.setOnAction(e -> vm.sendLog());
        log.setOnAction(e -> vm.sendLog());
        HBox logRow = new HBox(8, new Label("Kernel log"), log, send);
        logRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(log, Priority.ALWAYS);

        Label message = new Label();
        message.setId("inspectMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("field-message");

        root.getChildren().setAll(versionRow, procBox, stackPane, logRow, message);
        VBox.setVgrow(procBox, Priority.ALWAYS);
    }

    public VBox root() {
        return root;
    }

    private static Button button(String id, String text, String description) {
        Button b = new Button(text);
        b.setId(id);
        b.setAccessibleText(description);
        return b;
    }

    private static TextArea area(String id, String description) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setAccessibleText(description);
        a.getStyleClass().add("command-preview");
        a.setPrefRowCount(14);
        return a;
    }
}
