package org.umlmanager.ui.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.model.Ipv4Address;
import org.umlmanager.model.Network;
import org.umlmanager.model.PortForward;
import org.umlmanager.model.Subnet;
import org.umlmanager.service.NetworkService;

/**
 * The form of one network in the Networks window: its settings as the text of their fields, the
 * problems of each field (what the text cannot be, then what the service's checks refuse: overlapping
 * subnets, addresses outside the subnet, forwards), and Save/Revert. Every edit is checked off the
 * FX thread, the newest edit winning, as in the machine editor. A network's kind and name are
 * chosen when it is made; the built-in {@code default} can be edited but not renamed or deleted.
 * Touches no controls; FX thread.
 */
public final class NetworkFormViewModel {

    /** The kinds a network can be, as the form offers them. */
    public enum Kind {
        NAT("NAT"), SWITCH("switch"), HOST_DEVICE("host device");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public static Kind of(Network n) {
            return n instanceof Network.Nat ? NAT : n instanceof Network.Switch ? SWITCH : HOST_DEVICE;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final NetworkService service;
    private final Executor ui;
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.SWITCH);
    private final StringProperty subnet = new SimpleStringProperty("");
    private final StringProperty gateway = new SimpleStringProperty("");
    private final StringProperty dns = new SimpleStringProperty("");
    private final StringProperty dhcpStart = new SimpleStringProperty("");
    private final StringProperty forwards = new SimpleStringProperty("");
    private final BooleanProperty hub = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper fresh = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Optional<Network>> original = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyObjectWrapper<Optional<Network>> edited = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final BooleanBinding dirty;
    private final BooleanBinding canSave;
    private final AtomicLong generation = new AtomicLong();
    private boolean loading;

    public NetworkFormViewModel(NetworkService service, Executor ui) {
        this.service = Objects.requireNonNull(service);
        this.ui = Objects.requireNonNull(ui);
        for (Observable o : List.of(name, kind, subnet, gateway, dns, dhcpStart, forwards, hub)) {
            o.addListener(x -> changed());
        }
        dirty = Bindings.createBooleanBinding(() -> fresh.get() || !original.get().equals(edited.get()), fresh,
                original, edited);
        canSave = Bindings.createBooleanBinding(() -> dirty.get() && !checking.get() && edited.get().isPresent()
                && problems.stream().noneMatch(Problem::isError), dirty, checking, edited, problems);
    }

    /** Shows a saved network; it becomes what Revert goes back to. */
    public void load(Network network) {
        fill(network);
        fresh.set(false);
        original.set(Optional.of(network));
        changed();
    }

    /** Starts a new network of {@code network}'s kind and settings (not saved yet). */
    public void startNew(Network network) {
        fill(network);
        original.set(Optional.empty());
        fresh.set(true);
        changed();
    }

    /** Shows nothing (no network selected). */
    public void clear() {
        loading = true;
        try {
            name.set("");
            subnet.set("");
            gateway.set("");
            dns.set("");
            dhcpStart.set("");
            forwards.set("");
            hub.set(false);
        } finally {
            loading = false;
        }
        fresh.set(false);
        original.set(Optional.empty());
        edited.set(Optional.empty());
        problems.clear();
    }

    private void fill(Network network) {
        loading = true;
        try {
            name.set(network.name());
            kind.set(Kind.of(network));
            if (network instanceof Network.Nat nat) {
                subnet.set(nat.subnet().toString());
                gateway.set(nat.gateway().toString());
                dns.set(nat.dns().toString());
                dhcpStart.set(nat.dhcpStart().toString());
                forwards.set(String.join("\n", nat.forwards().stream().map(NetworkFormViewModel::forwardText)
                        .toList()));
            } else {
                subnet.set("");
                gateway.set("");
                dns.set("");
                dhcpStart.set("");
                forwards.set("");
            }
            hub.set(network instanceof Network.Switch s && s.hub());
        } finally {
            loading = false;
        }
    }

    /** {@code [udp:]HOSTADDR:HOSTPORT:GUESTADDR:GUESTPORT}, the full form {@link PortForward#parse} reads back. */
    static String forwardText(PortForward f) {
        return (f.protocol() == PortForward.Protocol.UDP ? "udp:" : "") + f.hostAddress() + ":" + f.hostPort() + ":"
                + f.guestAddress() + ":" + f.guestPort();
    }

    /** Throws the edits away. */
    public void revert() {
        original.get().ifPresent(this::load);
    }

    /**
     * Saves a new network or the changed settings of a saved one; completes on the FX thread with
     * the saved network, which becomes the form's baseline. Fails with the service's reason.
     */
    public CompletableFuture<Network> save() {
        Network network = edited.get().orElseThrow(() -> new IllegalStateException("the form has errors"));
        CompletableFuture<Network> saving = fresh.get() ? service.create(network) : service.update(network);
        return saving.thenApplyAsync(saved -> {
            load(saved);
            return saved;
        }, ui);
    }

    private void changed() {
        if (loading) {
            return;
        }
        List<Problem> found = new ArrayList<>();
        Optional<Network> built = build(found);
        edited.set(built);
        long gen = generation.incrementAndGet();
        problems.setAll(found);
        if (built.isEmpty()) {
            checking.set(false);
            return;
        }
        checking.set(true);
        service.check(built.get()).whenCompleteAsync((checked, error) -> {
            if (gen != generation.get()) {
                return;
            }
            List<Problem> all = new ArrayList<>(found);
            if (error != null) {
                all.add(Problem.error("", name.get(), "could not check the network: " + error.getMessage()));
            } else {
                all.addAll(checked);
            }
            problems.setAll(all);
            checking.set(false);
        }, ui);
    }

    /** The network the fields describe, or empty with what the text cannot be in {@code found}. */
    private Optional<Network> build(List<Problem> found) {
        String n = name.get().strip();
        if (n.isEmpty()) {
            found.add(Problem.error("name", n, "give the network a name, such as lan"));
            return Optional.empty();
        }
        return switch (kind.get()) {
            case SWITCH -> Optional.of(new Network.Switch(n, hub.get()));
            case HOST_DEVICE -> original.get().filter(Network.HostDevice.class::isInstance).map(o -> o.withName(n));
            case NAT -> nat(n, found);
        };
    }

    private Optional<Network> nat(String n, List<Problem> found) {
        Subnet.Result s = Subnet.parse(subnet.get());
        s.problem().ifPresent(why -> found.add(Problem.error("subnet", subnet.get(), why)));
        Optional<Ipv4Address> gw = address("gateway", gateway.get(), found);
        Optional<Ipv4Address> ns = address("dns", dns.get(), found);
        Optional<Ipv4Address> dhcp = address("dhcpStart", dhcpStart.get(), found);
        if (s.subnet().isEmpty() || gw.isEmpty() || ns.isEmpty() || dhcp.isEmpty()) {
            return Optional.empty();
        }
        List<PortForward> parsed = new ArrayList<>();
        String[] lines = forwards.get().split("\n");
        int index = 0;
        boolean bad = false;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                parsed.add(PortForward.parse(line, dhcp.get()));
            } catch (IllegalArgumentException e) {
                found.add(Problem.error("forwards[" + index + "]", line.strip(), e.getMessage()));
                bad = true;
            }
            index++;
        }
        return bad ? Optional.empty() : Optional.of(new Network.Nat(n, s.subnet().get(), gw.get(), ns.get(),
                dhcp.get(), parsed));
    }

    private static Optional<Ipv4Address> address(String field, String text, List<Problem> found) {
        Optional<Ipv4Address> a = Ipv4Address.parse(text.strip());
        if (a.isEmpty()) {
            found.add(Problem.error(field, text, "'" + text.strip() + "' is not an IPv4 address; write four numbers"
                    + " from 0 to 255 with dots, such as 10.0.2.2"));
        }
        return a;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty subnetProperty() {
        return subnet;
    }

    public StringProperty gatewayProperty() {
        return gateway;
    }

    public StringProperty dnsProperty() {
        return dns;
    }

    public StringProperty dhcpStartProperty() {
        return dhcpStart;
    }

    /** One forward a line: {@code [udp:][HOSTADDR:]HOSTPORT:[GUESTADDR:]GUESTPORT}. */
    public StringProperty forwardsProperty() {
        return forwards;
    }

    public BooleanProperty hubProperty() {
        return hub;
    }

    /** A network not saved yet: its name and kind can still change. */
    public ReadOnlyBooleanProperty freshProperty() {
        return fresh.getReadOnlyProperty();
    }

    /** The saved network the form shows, if any. */
    public ReadOnlyObjectProperty<Optional<Network>> originalProperty() {
        return original.getReadOnlyProperty();
    }

    /** The network the fields describe, empty while a field cannot be read. */
    public ReadOnlyObjectProperty<Optional<Network>> editedProperty() {
        return edited.getReadOnlyProperty();
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    /** Something changed, nothing is wrong, and the check of the newest edit has come back. */
    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
