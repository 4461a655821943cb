package org.umlmanager.ui.editor;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import org.umlmanager.model.LineKind;

/** The Consoles &amp; serial lines page. */
final class ConsolesPage {

    private ConsolesPage() {
    }

    static Node create(ConsolesViewModel vm, FieldMessages messages) {
        Button console = new Button("Add console");
        console.setId("addConsole");
        console.setOnAction(e -> vm.add(LineKind.CON));
        Button serial = new Button("Add serial line");
        serial.setId("addSerial");
        serial.setOnAction(e -> vm.add(LineKind.SSL));
        Button remove = new Button("Remove");
        remove.setId("removeLine");
        remove.setAccessibleText("Remove line");
        remove.disableProperty().bind(vm.selectedProperty().lessThan(0));
        remove.setOnAction(e -> vm.removeSelected());
        var md = new MasterDetail<>("lineList", vm.lines(), vm.selectedProperty(), ConsolesPage::title,
                ConsolesViewModel::field, messages, (index, form) -> detail(vm, index, form),
                console, serial, remove);
        return md.pane();
    }

    private static String title(LineViewModel line) {
        String what = switch (line.modeProperty().get()) {
            case DISABLED -> "none";
            case SPLIT -> "split";
            case SINGLE -> line.input().typeProperty().get().name().toLowerCase(Locale.ROOT);
        };
        return line.name() + "  " + what;
    }

    private static void detail(ConsolesViewModel vm, int index, Form form) {
        LineViewModel line = vm.lines().get(index);
        String f = ConsolesViewModel.field(index);
        Runnable rebuild = () -> {
            vm.selectedProperty().set(-1);
            vm.selectedProperty().set(index);
        };
        ComboBox<LineKind> kind = new ComboBox<>();
        kind.setId("lineKind");
        kind.getItems().setAll(LineKind.values());
        kind.setValue(line.kindProperty().get());
        kind.valueProperty().addListener((o, a, b) -> line.kindProperty().set(b));
        form.row("Kind", kind, null);
        CheckBox all = new CheckBox("Default for every line of this kind (con=, ssl=)");
        all.setId("lineAll");
        all.selectedProperty().bindBidirectional(line.allLinesProperty());
        form.row("All lines", all, null);
        Spinner<Integer> number = new Spinner<>(0, LineKind.SSL.count() - 1, line.indexProperty().get());
        number.setId("lineIndex");
        number.setEditable(true);
        number.disableProperty().bind(line.allLinesProperty());
        number.valueProperty().addListener((o, a, b) -> line.indexProperty().set(b));
        form.row("Line number", number, () -> f + ".index");
        ComboBox<LineMode> mode = new ComboBox<>();
        mode.setId("lineMode");
        mode.getItems().setAll(LineMode.values());
        mode.setValue(line.modeProperty().get());
        mode.valueProperty().addListener((o, a, b) -> {
            line.modeProperty().set(b);
            rebuild.run();
        });
        form.row("Set-up", mode, null);
        switch (line.modeProperty().get()) {
            case SINGLE -> channel(form, "Channel", "lineInput", line.input(), f, rebuild);
            case SPLIT -> {
                channel(form, "Input", "lineInput", line.input(), f + ".input", rebuild);
                channel(form, "Output", "lineOutput", line.output(), f + ".output", rebuild);
            }
            case DISABLED -> { }
            default -> throw new IllegalStateException();
        }
        form.row("", DisksPage.anchor("lineProblems"), () -> f);
    }

    private static void channel(Form form, String label, String id, ChannelViewModel channel, String field,
                                Runnable rebuild) {
        ComboBox<ChannelType> type = new ComboBox<>();
        type.setId(id + "Type");
        type.getItems().setAll(ChannelType.values());
        type.setValue(channel.typeProperty().get());
        type.valueProperty().addListener((o, a, b) -> {
            channel.typeProperty().set(b);
            rebuild.run();
        });
        form.row(label, type, null);
        ChannelType t = channel.typeProperty().get();
        if (t.hasValue()) {
            String prompt = switch (t) {
                case FD -> "host descriptor number, e.g. 0";
                case PORT -> "TCP port, e.g. 9000";
                default -> "device, e.g. /dev/tty8";
            };
            TextField value = GeneralPage.text(id + "Value", channel.valueProperty(), prompt);
            if (t != ChannelType.TTY) {
                Form.digitsOnly(value);
            }
            form.row(t == ChannelType.FD ? "Descriptor" : t == ChannelType.PORT ? "Port" : "Device", value,
                    () -> field);
        }
    }
}
