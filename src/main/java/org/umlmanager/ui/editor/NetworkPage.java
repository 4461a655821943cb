package org.umlmanager.ui.editor;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.umlmanager.model.MacAddresses;
import org.umlmanager.ui.editor.OptionSpec.Type;

/** The Network page: interfaces, each with only its transport's options. */
final class NetworkPage {

    private static final String DEFAULT = "default";

    private NetworkPage() {
    }

    static Node create(NetworkViewModel vm, FieldMessages messages) {
        Button add = new Button("Add");
        add.setId("addNic");
        add.setAccessibleText("Add network interface");
        add.setOnAction(e -> vm.add());
        Button remove = new Button("Remove");
        remove.setId("removeNic");
        remove.setAccessibleText("Remove network interface");
        remove.disableProperty().bind(vm.selectedProperty().lessThan(0));
        remove.setOnAction(e -> vm.removeSelected());
        var md = new MasterDetail<>("nicList", vm.interfaces(), vm.selectedProperty(),
                n -> n.deviceName() + "  " + n.transportProperty().get().transportName(),
                NetworkViewModel::field, messages, (index, form) -> detail(vm, index, form), add, remove);
        return md.pane();
    }

    private static void detail(NetworkViewModel vm, int index, Form form) {
        InterfaceViewModel nic = vm.interfaces().get(index);
        String f = NetworkViewModel.field(index);
        ComboBox<NetTransport> transport = new ComboBox<>();
        transport.setId("nicTransport");
        transport.getItems().setAll(NetTransport.values());
        transport.setValue(nic.transportProperty().get());
        transport.valueProperty().addListener((o, a, b) -> {
            nic.transportProperty().set(b);
            // Another transport has other fields: rebuild this form.
            vm.selectedProperty().set(-1);
            vm.selectedProperty().set(index);
        });
        form.row("Transport", transport, () -> f + ".transport");
        Spinner<Integer> unit = new Spinner<>(0, 63, nic.unitProperty().get());
        unit.setId("nicUnit");
        unit.setEditable(true);
        unit.valueProperty().addListener((o, a, b) -> nic.unitProperty().set(b));
        form.row("Device number", unit, () -> f + ".unit");
        for (OptionSpec option : nic.visibleOptions()) {
            Control control = control(nic, option);
            String path = f + "." + camel(option.key());
            if (option.type() == Type.MAC) {
                Button generate = new Button("Generate");
                generate.setId("nicMacGenerate");
                generate.setAccessibleText("Generate a random MAC address");
                generate.setOnAction(e -> nic.value("mac").set(MacAddresses.random()));
                form.row(option.label(), control, () -> path, generate);
            } else if (option.type() == Type.FILE) {
                form.row(option.label(), control, () -> path,
                        Browse.file("nicBrowse-" + option.key(), option.label(), nic.value(option.key())));
            } else {
                form.row(option.label(), control, () -> path);
            }
        }
        form.row("", DisksPage.anchor("nicProblems"), () -> f);
    }

    /** The validator names option fields in camel case: {@code rx_key} is {@code networks[0].rxKey}. */
    static String camel(String key) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : key.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Control control(InterfaceViewModel nic, OptionSpec option) {
        var value = nic.value(option.key());
        if (option.type() == Type.SWITCH) {
            ComboBox<String> box = new ComboBox<>();
            box.setId("nic-" + option.key());
            box.getItems().setAll(DEFAULT, "on", "off");
            box.setValue(value.get().isEmpty() ? DEFAULT : Boolean.parseBoolean(value.get()) ? "on" : "off");
            box.valueProperty().addListener((o, a, b) -> value.set(DEFAULT.equals(b) ? "" : Boolean.toString(
                    "on".equals(b))));
            if (!option.help().isEmpty()) {
                box.setTooltip(new Tooltip(option.help()));
            }
            return box;
        }
        TextField field = GeneralPage.text("nic-" + option.key(), value, option.help());
        if (option.type() == Type.NUMBER) {
            Form.numberOnly(field);
            field.setPromptText((option.help().isEmpty() ? "" : option.help() + "; ")
                    + option.min() + "–" + (option.max() == Long.MAX_VALUE ? "2⁶³" : option.max()));
        }
        if (!option.help().isEmpty()) {
            field.setTooltip(new Tooltip(option.help()));
        }
        return field;
    }
}
