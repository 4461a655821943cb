package org.umlmanager.ui.network;

import java.nio.file.Path;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.umlmanager.model.Network;
import org.umlmanager.service.NetworkView;
import org.umlmanager.ui.AppIcon;
import org.umlmanager.ui.Icons;
import org.umlmanager.ui.Windows;
import org.umlmanager.ui.editor.FieldMessages;
import org.umlmanager.ui.editor.Form;
import org.umlmanager.ui.main.Dialogs;

/**
 * The Networks window: the saved networks with their kind, state and the machines on them; the
 * selected network's settings in a form checked as you type (as the machine editor is); New NAT
 * network / New switch, Save, Revert, Delete; Start and Stop; Capture traffic… into a pcap file
 * with a live packet count. States are read again every two seconds while the window shows (a
 * network starts and stops with its guests, also from the CLI).
 */
public final class NetworksWindow {

    private static final Duration POLL = Duration.seconds(2);

    private final Stage stage = new Stage();
    private final NetworksViewModel vm;
    private final Path captureDir;
    private final java.util.concurrent.Executor ui;
    private final TableView<NetworkView> table = new TableView<>();
    private final BorderPane formHolder = new BorderPane();
    private final Label status = new Label();
    private final Timeline poll;
    private boolean selecting;

    private NetworksWindow(Window owner, NetworksViewModel vm, Path captureDir, java.util.concurrent.Executor ui) {
        this.vm = vm;
        this.captureDir = captureDir;
        this.ui = ui;
        stage.initOwner(owner);
        stage.setTitle("Networks");
        BorderPane root = new BorderPane();
        root.setId("networksWindow");
        root.setTop(toolBar());
        SplitPane split = new SplitPane(table(), formHolder);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        root.setCenter(split);
        status.setId("networksStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        HBox bar = new HBox(status);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        root.setBottom(bar);
        Scene scene = new Scene(root, 980, 560);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        Windows.secondary(stage, owner, 980, 560);
        Windows.closeOnEscape(stage);
        stage.setOnCloseRequest(e -> {
            if (!leaveForm()) {
                e.consume();
            }
        });
        poll = new Timeline(new KeyFrame(POLL, e -> vm.refresh()));
        poll.setCycleCount(Timeline.INDEFINITE);
        stage.setOnShown(e -> poll.play());
        stage.setOnHidden(e -> poll.stop());
        showForm();
    }

    /**
     * Opens the window over {@code owner} and reads the networks. Capture files are offered in
     * {@code captureDir}. Call on the FX thread.
     */
    public static NetworksWindow show(Window owner, SavedNetworks networks, Path captureDir,
                                      java.util.concurrent.Executor ui) {
        NetworksWindow window = new NetworksWindow(owner, new NetworksViewModel(networks, ui), captureDir, ui);
        window.stage.show();
        window.vm.refresh().thenRun(() -> ui.execute(() -> {
            if (window.vm.selectedProperty().get() == null && !window.vm.form().freshProperty().get()
                    && !window.table.getItems().isEmpty()) {
                window.table.getSelectionModel().select(0);
            }
        }));
        return window;
    }

    public Stage stage() {
        return stage;
    }

    public NetworksViewModel viewModel() {
        return vm;
    }

    private ToolBar toolBar() {
        MenuButton create = new MenuButton("New", Icons.of(AppIcon.PLUS));
        create.setId("networkNew");
        create.setTooltip(new Tooltip("Make a NAT network (guests reach the outside and the host) or a switch"
                + " (guests reach each other only)"));
        MenuItem nat = new MenuItem("NAT network");
        nat.setId("networkNewNat");
        nat.setOnAction(e -> {
            if (leaveForm()) {
                failures(vm.newNat(), "propose a NAT network");
            }
        });
        MenuItem lan = new MenuItem("Switch");
        lan.setId("networkNewSwitch");
        lan.setOnAction(e -> {
            if (leaveForm()) {
                vm.newSwitch();
            }
        });
        create.getItems().setAll(nat, lan);
        Button delete = button("networkDelete", "Delete", AppIcon.DELETE_OUTLINE,
                "Delete the network (refused while a machine's interface is on it)", this::delete);
        delete.disableProperty().bind(vm.canDeleteProperty().not());
        Button start = button("networkStart", "Start", AppIcon.PLAY,
                "Start the network's processes now; they run until Stop, with or without guests",
                () -> run(vm::start, "start the network"));
        start.disableProperty().bind(vm.canStartProperty().not());
        Button stop = button("networkStop", "Stop", AppIcon.STOP,
                "Stop the network's processes (off while guests use it: they stop it with the last of them)", () -> run(vm::stop, "stop the network"));
        stop.disableProperty().bind(vm.canStopProperty().not());
        Button capture = button("networkCapture", "Capture traffic…", AppIcon.RECORD_CIRCLE_OUTLINE,
                "Write every frame on the network into a pcap file (tcpdump, Wireshark)", this::capture);
        capture.disableProperty().bind(vm.canCaptureProperty().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(create, delete, new Separator(), start, stop, capture, spacer);
    }

    private static Button button(String id, String text, AppIcon icon, String tip, Runnable action) {
        Button b = new Button(text, Icons.of(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void run(java.util.function.Supplier<java.util.concurrent.CompletableFuture<Void>> action, String what) {
        failures(action.get(), what);
    }

    private Node table() {
        table.setId("networkTable");
        table.setItems(vm.networks());
        table.setPlaceholder(new Label("Reading the networks…"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<NetworkView, String> name = column("Network", 110, v -> v.name());
        name.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setGraphic(empty ? null : Icons.of(AppIcon.LAN));
            }
        });
        table.getColumns().setAll(java.util.List.of(name,
                column("Kind", 130, v -> NetworksViewModel.kind(v.network())),
                column("State", 80, v -> v.network() instanceof Network.HostDevice ? "—" : v.status().stateWord()),
                column("Guests", 160, NetworksViewModel::guests)));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (selecting || b == null || b.name().equals(vm.selectedProperty().get())) {
                return;
            }
            if (!leaveForm()) {
                reselect();
                return;
            }
            vm.select(b.name());
        });
        // A refresh replaces the rows: keep the selected network selected.
        vm.networks().addListener((javafx.collections.ListChangeListener<NetworkView>) c -> reselect());
        vm.selectedProperty().addListener((o, a, b) -> reselect());
        VBox box = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        box.setMinWidth(320);
        return box;
    }

    private void reselect() {
        selecting = true;
        try {
            String name = vm.selectedProperty().get();
            Optional<NetworkView> row = table.getItems().stream().filter(v -> v.name().equals(name)).findFirst();
            if (row.isPresent()) {
                table.getSelectionModel().select(row.get());
            } else {
                table.getSelectionModel().clearSelection();
            }
        } finally {
            selecting = false;
        }
    }

    private static TableColumn<NetworkView, String> column(String title, double width,
                                                           java.util.function.Function<NetworkView, String> value) {
        TableColumn<NetworkView, String> c = new TableColumn<>(title);
        c.setId("network" + title + "Column");
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(value.apply(v.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** The form, rebuilt when the kind of network it shows changes (each kind has its own fields). */
    private void showForm() {
        NetworkFormViewModel form = vm.form();
        Runnable build = () -> formHolder.setCenter(form(form));
        form.kindProperty().addListener((o, a, b) -> build.run());
        form.freshProperty().addListener((o, a, b) -> build.run());
        form.originalProperty().addListener((o, a, b) -> build.run());
        build.run();
    }

    private FieldMessages messages;

    private Node form(NetworkFormViewModel form) {
        if (messages != null) {
            messages.clear(this);
        }
        messages = new FieldMessages(form.problems());
        if (!form.freshProperty().get() && form.originalProperty().get().isEmpty()) {
            Label none = new Label("Select a network, or make one with New.");
            none.setId("networkNoSelection");
            BorderPane p = new BorderPane(none);
            return p;
        }
        Form f = new Form(messages, this);
        Label title = new Label(form.freshProperty().get() ? "New " + form.kindProperty().get() + " network"
                : form.nameProperty().get());
        title.getStyleClass().add("section-title");
        f.wide(title);
        TextField name = text("networkName", form.nameProperty(), "a name for files: letters, digits, - and _");
        name.setEditable(form.freshProperty().get());
        if (!form.freshProperty().get()) {
            name.setTooltip(new Tooltip("A network keeps its name: machines name it. Make a new one instead."));
        }
        f.row("Name", name, () -> "name");
        Label kind = new Label(description(form.kindProperty().get()));
        kind.setWrapText(true);
        kind.setId("networkKind");
        f.wide(kind);
        switch (form.kindProperty().get()) {
            case NAT -> {
                f.row("Subnet", text("networkSubnet", form.subnetProperty(), "e.g. 10.0.3.0/24"), () -> "subnet");
                f.row("Gateway (the host)", text("networkGateway", form.gatewayProperty(), "e.g. 10.0.3.2"),
                        () -> "gateway");
                f.row("DNS", text("networkDns", form.dnsProperty(), "e.g. 10.0.3.3"), () -> "dns");
                f.row("DHCP from", text("networkDhcp", form.dhcpStartProperty(), "e.g. 10.0.3.15 (16 addresses)"),
                        () -> "dhcpStart");
                TextArea forwards = new TextArea();
                forwards.setId("networkForwards");
                forwards.setPrefRowCount(3);
                forwards.setPromptText("one a line, e.g. 8080:80 or udp:5353:53");
                forwards.setTooltip(new Tooltip("One forward a line: [udp:]HOSTPORT:GUESTPORT (the host's 127.0.0.1"
                        + " to the first DHCP address), or [udp:][HOSTADDR:]HOSTPORT:[GUESTADDR:]GUESTPORT"));
                forwards.textProperty().bindBidirectional(form.forwardsProperty());
                f.row("Port forwards", forwards, () -> "forwards");
            }
            case SWITCH -> {
                CheckBox hub = new CheckBox("Hub: every guest sees every frame");
                hub.setId("networkHub");
                hub.selectedProperty().bindBidirectional(form.hubProperty());
                f.row("", hub, () -> "hub");
            }
            case HOST_DEVICE -> {
                Label transport = new Label(form.originalProperty().get().map(n -> NetworksViewModel.kind(n))
                        .orElse(""));
                f.wide(transport);
            }
        }
        f.wide(statusText());
        Button revert = new Button("Revert");
        revert.setId("networkRevert");
        revert.disableProperty().bind(form.dirtyProperty().not().or(form.freshProperty()));
        revert.setOnAction(e -> form.revert());
        Button save = new Button(form.freshProperty().get() ? "Create" : "Save");
        save.setId("networkSave");
        save.setDefaultButton(true);
        save.disableProperty().bind(form.canSaveProperty().not());
        save.setOnAction(e -> failures(vm.save(), "save the network"));
        HBox buttons = new HBox(6, revert, save);
        buttons.setPadding(new Insets(6, 0, 0, 0));
        f.wide(buttons);
        return Form.scrolling(f.pane());
    }

    private Label statusText() {
        Label state = new Label();
        state.setId("networkState");
        state.setWrapText(true);
        state.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedViewProperty().get()
                .map(NetworksWindow::stateLine).orElse(""), vm.selectedViewProperty()));
        return state;
    }

    private static String stateLine(NetworkView v) {
        if (v.network() instanceof Network.HostDevice) {
            return "A host device has no processes of its own; it exists while whoever made it keeps it.";
        }
        String word = v.status().stateWord();
        String why = v.status().state().map(s -> s.reason()).filter(r -> !r.isBlank()).map(r -> " (" + r + ")")
                .orElse("");
        String guests = NetworksViewModel.guests(v);
        return "State: " + word + why + (v.status().pinned() ? ", started on its own (runs until Stop)" : "")
                + ". " + (guests.isEmpty() ? "No machine is configured on it." : "Machines: " + guests + ".");
    }

    private static String description(NetworkFormViewModel.Kind kind) {
        return switch (kind) {
            case NAT -> "NAT: guests get addresses by DHCP, reach the outside through the host, and the host's own"
                    + " services (127.0.0.1) at the gateway address. Forwarded host ports reach a guest.";
            case SWITCH -> "Switch: a LAN between the guests on it and nothing else. Give guests static addresses"
                    + " (the editor's Static address), or run a DHCP server in one of them.";
            case HOST_DEVICE -> "Host device: a transport that needs root to set up (a tap device, a raw socket),"
                    + " made outside UML Manager.";
        };
    }

    private static TextField text(String id, javafx.beans.property.StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    /** Unsaved edits in the form: Save, Discard or Cancel. True when the form may show something else. */
    private boolean leaveForm() {
        NetworkFormViewModel form = vm.form();
        if (!form.dirtyProperty().get()) {
            return true;
        }
        Optional<ButtonType> answer = Dialogs.unsaved(stage, "network " + form.nameProperty().get());
        if (answer.isEmpty()) {
            return false;
        }
        if (answer.get() == Dialogs.SAVE) {
            if (!form.canSaveProperty().get()) {
                vm.failed("save the network", new IllegalStateException("it has errors; fix them or discard the"
                        + " changes"));
                return false;
            }
            failures(vm.save(), "save the network");
        }
        return true;
    }

    private void delete() {
        String name = vm.selectedProperty().get();
        if (name == null || !Dialogs.confirm(stage, "Delete network " + name + "?", "Its settings are deleted;"
                + " its processes stop if they run. Machines must not name it any more.", "Delete")) {
            return;
        }
        failures(vm.delete(), "delete " + name);
    }

    /** A failed action says why in the status line. */
    private void failures(java.util.concurrent.CompletableFuture<?> action, String what) {
        action.whenCompleteAsync((x, error) -> {
            if (error != null) {
                vm.failed(what, error);
            }
        }, ui);
    }

    private void capture() {
        String name = vm.selectedProperty().get();
        if (name != null) {
            CaptureDialog.show(stage, vm.capture(name, captureDir.resolve(name + ".pcap")));
        }
    }
}
