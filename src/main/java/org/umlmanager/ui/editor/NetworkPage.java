package org.umlmanager.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.umlmanager.model.MacAddresses;
import org.umlmanager.model.Network;
import org.umlmanager.ui.editor.OptionSpec.Type;

/**
 * The Network page: interfaces, each connected to a saved network (NAT, switch) or, as "host
 * device…", written with a kernel transport and only that transport's options.
 */
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
                n -> n.deviceName() + "  " + n.network().map(net -> "→ " + net)
                        .orElse(n.transportProperty().get().transportName()),
                NetworkViewModel::field, messages, (index, form) -> detail(vm, index, form), add, remove);
        return md.pane();
    }

    /**
     * The form of interface {@code index} alone, as the hot-plug dialog shows it; rebuilt when its
     * transport changes (another transport has other fields).
     */
    static Node single(NetworkViewModel vm, int index, FieldMessages messages) {
        javafx.scene.layout.BorderPane holder = new javafx.scene.layout.BorderPane();
        Runnable build = () -> {
            messages.clear(NetworkPage.class);
            Form form = new Form(messages, NetworkPage.class);
            detail(vm, index, form);
            holder.setCenter(form.pane());
        };
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b.intValue() == index) {
                build.run();
            }
        });
        build.run();
        return Form.scrolling(holder);
    }

    /** A choice of the "Connect to" list: a saved network, or a host device in the kernel's syntax. */
    record Connection(Optional<String> network, String label) {
        static final Connection KERNEL_SYNTAX = new Connection(Optional.empty(), "host device… (kernel syntax)");

        @Override
        public String toString() {
            return label;
        }
    }

    private static void detail(NetworkViewModel vm, int index, Form form) {
        InterfaceViewModel nic = vm.interfaces().get(index);
        String f = NetworkViewModel.field(index);
        Optional<String> network = nic.network();
        ComboBox<Connection> connect = new ComboBox<>();
        connect.setId("nicConnect");
        connect.setAccessibleText("Connect the interface to");
        connect.setTooltip(new Tooltip("A saved network (Networks… makes more), or a host device written in the"
                + " kernel's syntax"));
        boolean[] filling = {false};
        Runnable fill = () -> {
            filling[0] = true;
            List<Connection> items = new ArrayList<>();
            Connection current = Connection.KERNEL_SYNTAX;
            for (Network n : vm.choices().networks()) {
                Connection c = new Connection(Optional.of(n.name()), NetworkChoices.label(n));
                items.add(c);
                if (network.equals(c.network())) {
                    current = c;
                }
            }
            if (network.isPresent() && current == Connection.KERNEL_SYNTAX) {
                current = new Connection(network, network.get() + " (no such network)");
                items.add(current);
            }
            items.add(Connection.KERNEL_SYNTAX);
            connect.getItems().setAll(items);
            connect.setValue(current);
            filling[0] = false;
        };
        fill.run();
        // The list follows the saved networks while the form shows; the form does not keep it alive.
        ListChangeListener<Network> follow = c -> fill.run();
        connect.getProperties().put(ListChangeListener.class, follow);
        vm.choices().networks().addListener(new WeakListChangeListener<>(follow));
        connect.valueProperty().addListener((o, a, b) -> {
            if (filling[0] || b == null || b.network().equals(nic.network())) {
                return;
            }
            vm.connect(index, b.network());
            // Another kind of connection has other fields: rebuild this form.
            vm.selectedProperty().set(-1);
            vm.selectedProperty().set(index);
        });
        form.row("Connect to", connect, () -> f + ".network");
        if (network.isEmpty()) {
            ComboBox<NetTransport> transport = new ComboBox<>();
            transport.setId("nicTransport");
            transport.getItems().setAll(java.util.Arrays.stream(NetTransport.values())
                    .filter(t -> t != NetTransport.NETWORK).toList());
            transport.setValue(nic.transportProperty().get());
            transport.valueProperty().addListener((o, a, b) -> {
                nic.transportProperty().set(b);
                // Another transport has other fields: rebuild this form.
                vm.selectedProperty().set(-1);
                vm.selectedProperty().set(index);
            });
            form.row("Transport", transport, () -> f + ".transport");
        }
        Spinner<Integer> unit = new Spinner<>(0, 63, nic.unitProperty().get());
        unit.setId("nicUnit");
        unit.setEditable(true);
        unit.valueProperty().addListener((o, a, b) -> nic.unitProperty().set(b));
        form.row("Device number", unit, () -> f + ".unit");
        for (OptionSpec option : nic.visibleOptions()) {
            if (network.isPresent() && option.key().equals("network")) {
                continue;
            }
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
                if (option.key().equals("address") && control instanceof TextField field) {
                    Optional<Network> on = network.flatMap(name -> vm.choices().networks().stream()
                            .filter(n -> n.name().equals(name)).findFirst());
                    field.setPromptText(addressPrompt(on));
                    field.setTooltip(new Tooltip("Set up inside the guest when UML Manager makes it (New VM, create);"
                            + " a machine made already keeps its own network settings"));
                }
                form.row(option.label(), control, () -> path);
            }
        }
        form.row("", DisksPage.anchor("nicProblems"), () -> f);
    }

    private static String addressPrompt(Optional<Network> network) {
        if (network.isPresent() && network.get() instanceof Network.Nat nat) {
            return "empty: DHCP from " + nat.dhcpStart() + "; or e.g. " + nat.subnet().network().plus(100) + "/"
                    + nat.subnet().prefix();
        }
        if (network.isPresent() && network.get() instanceof Network.Switch) {
            return "empty: link up, no address; or e.g. 192.168.50.2/24";
        }
        return "e.g. 192.168.50.2/24; empty: none";
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
