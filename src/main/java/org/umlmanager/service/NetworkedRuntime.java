package org.umlmanager.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.umlmanager.cmdline.AttachmentResolver;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.launch.LaunchPlanner;
import org.umlmanager.launch.RuntimeLayout;
import org.umlmanager.launch.StopMode;
import org.umlmanager.launch.StopStep;
import org.umlmanager.launch.SupervisorFiles;
import org.umlmanager.mconsole.MconsoleClient;
import org.umlmanager.mconsole.MconsoleReply;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.NetworkInterface;
import org.umlmanager.network.Attachments;
import org.umlmanager.network.GuestRegistration;
import org.umlmanager.network.KernelTransports;
import org.umlmanager.network.NetworkException;
import org.umlmanager.storage.NetworkStore;

/**
 * A {@link GuestRuntime} that connects guests to their saved networks: before an instance whose
 * interfaces name networks starts, it checks them, starts each network's processes unless they run
 * and registers the guest with them (so that they stop with their last guest), then starts the
 * guest with the interfaces written in kernel syntax. Everything else goes to the runtime it wraps
 * unchanged. The network's owner watches the guest from then on.
 */
public final class NetworkedRuntime implements GuestRuntime {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NetworkedRuntime.class);

    private final GuestRuntime guests;
    private final NetworkService networks;
    private final NetworkStore store;
    private final RuntimeLayout layout;
    private final Executor work;

    /**
     * @param work runs the blocking part of a start (reading the networks, starting their processes);
     *             the CLI passes a direct executor, the UI a pool
     */
    public NetworkedRuntime(GuestRuntime guests, NetworkService networks, NetworkStore store, RuntimeLayout layout,
                            Executor work) {
        this.guests = guests;
        this.networks = networks;
        this.store = store;
        this.layout = layout;
        this.work = work;
    }

    @Override
    public CompletableFuture<GuestStatus> start(Instance instance) {
        if (instance.attachments().isEmpty()) {
            return guests.start(instance);
        }
        CompletableFuture<Prepared> ready = new CompletableFuture<>();
        try {
            work.execute(() -> {
                try {
                    ready.complete(prepare(instance));
                } catch (Exception e) {
                    ready.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            ready.completeExceptionally(e);
        }
        return ready.thenCompose(prepared -> started(instance, prepared));
    }

    private CompletableFuture<GuestStatus> started(Instance instance, Prepared prepared) {
        return guests.start(prepared.resolved()).whenComplete((status, failure) -> {
            if (failure != null) {
                prepared.registrations().forEach(r -> networks.owner().detach(r.network(), instance.name()));
            } else if (status.pid().isPresent()) {
                // The network's owner can now tell a guest that ended from one still starting.
                for (Registered r : prepared.registrations()) {
                    try {
                        networks.owner().attach(r.definition(), r.guest().withPid(status.pid().getAsLong()));
                    } catch (NetworkException | InterruptedException e) {
                        LOG.warn("could not tell network {} the pid of {}: {}", r.network(), instance.name(),
                                e.getMessage());
                    }
                }
            }
        });
    }

    private record Registered(Network definition, GuestRegistration guest) {
        String network() {
            return definition.name();
        }
    }

    private record Prepared(Instance resolved, List<Registered> registrations) {
    }

    /** Checks the attachments, starts their networks and registers the guest with each; the instance as it starts. */
    private Prepared prepare(Instance instance) throws Exception {
        List<Network> saved = store.loadAll().networks();
        List<Problem> errors = Attachments.check(instance, saved, KernelTransports.of(instance.kernel())).stream()
                .filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new LaunchRefusedException(instance.name(), errors);
        }
        AttachmentResolver resolver = Attachments.resolver(name -> find(saved, name), networks.paths(),
                instance.name());
        Map<String, List<String>> devices = new LinkedHashMap<>();
        for (NetworkAttachment a : instance.attachments()) {
            Network network = find(saved, a.network()).orElseThrow();
            if (!(network instanceof Network.HostDevice)) {
                String arg = CommandLineGenerator.kernelArgs(Instance.builder(instance.name()).network(a).build(),
                        org.umlmanager.cmdline.GenerateOptions.none().withAttachments(resolver)).stream()
                        .filter(s -> s.startsWith(a.deviceName())).findFirst().orElseThrow();
                devices.computeIfAbsent(network.name(), k -> new ArrayList<>()).add(arg);
            }
        }
        Optional<GuestRegistration.AgentAccess> agent = instance.agent().map(line -> new GuestRegistration.AgentAccess(
                new SupervisorFiles(layout.supervisorDir()).socket(), line.name()));
        List<Registered> registered = new ArrayList<>();
        try {
            for (Map.Entry<String, List<String>> e : devices.entrySet()) {
                GuestRegistration guest = new GuestRegistration(instance.name(),
                        LaunchPlanner.umlDir(instance, layout).resolve(instance.umid()), e.getValue(), agent,
                        Instant.now(), Optional.empty());
                Network definition = find(saved, e.getKey()).orElseThrow();
                networks.owner().attach(definition, guest);
                registered.add(new Registered(definition, guest));
            }
        } catch (NetworkException | RuntimeException | InterruptedException e) {
            registered.forEach(r -> networks.owner().detach(r.network(), instance.name()));
            throw e;
        }
        return new Prepared(Attachments.resolveAll(instance, name -> find(saved, name), networks.paths()), registered);
    }

    /**
     * An interface on a saved network is connected as at a start: the network is checked, started
     * unless it runs, and the guest registered with it (with the interfaces it has there already),
     * so that the network's owner plugs it in again after a restart and keeps the network running
     * for it; then the kernel gets the interface as the network resolves it. If the kernel refuses,
     * the registration is put back as it was. Other interfaces go to the runtime this one wraps.
     */
    @Override
    public CompletableFuture<String> addInterface(Instance config, NetworkInterface nic) {
        if (!(nic instanceof NetworkAttachment a)) {
            return guests.addInterface(config, nic);
        }
        return guests.status(config.name()).thenComposeAsync(status -> {
            Plug plug;
            try {
                plug = register(config, a, status);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
            return Hotplugs.config(guests, config.name(), plug.arg()).whenComplete((arg, failure) -> {
                if (failure != null) {
                    plug.undo().run();
                }
            });
        }, work);
    }

    private record Plug(String arg, Runnable undo) {
    }

    private Plug register(Instance config, NetworkAttachment a, GuestStatus status) throws Exception {
        if (!status.state().active()) {
            throw new GuestException(config.name() + " is not running");
        }
        List<Network> saved = store.loadAll().networks();
        Instance alone = Instance.builder(config.name()).kernel(config.kernel()).network(a).build();
        List<Problem> errors = Attachments.check(alone, saved, KernelTransports.of(config.kernel())).stream()
                .filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new GuestException(a.deviceName() + ": " + errors.get(0).message());
        }
        Network network = find(saved, a.network()).orElseThrow();
        String arg = Hotplugs.interfaceArg(Attachments.resolve(a, network, networks.paths(), config.name()),
                org.umlmanager.cmdline.GenerateOptions.none());
        if (network instanceof Network.HostDevice) {
            return new Plug(arg, () -> { });
        }
        Optional<GuestRegistration> before = networks.owner().status(network.name()).guests().stream()
                .filter(g -> g.instance().equals(config.name())).findFirst();
        List<String> devices = new ArrayList<>(before.map(GuestRegistration::devices).orElse(List.of()));
        devices.add(arg);
        Optional<GuestRegistration.AgentAccess> agent = before.flatMap(GuestRegistration::agent).or(() -> config.agent()
                .map(line -> new GuestRegistration.AgentAccess(new SupervisorFiles(layout.supervisorDir()).socket(),
                        line.name())));
        GuestRegistration now = new GuestRegistration(config.name(), before.map(GuestRegistration::umidDir)
                .orElseGet(() -> LaunchPlanner.umlDir(config, layout).resolve(config.umid())), devices, agent,
                Instant.now(), status.pid().isPresent() ? Optional.of(status.pid().getAsLong()) : Optional.empty());
        networks.owner().attach(network, now);
        return new Plug(arg, () -> {
            try {
                if (before.isPresent()) {
                    networks.owner().attach(network, before.get());
                } else {
                    networks.owner().detach(network.name(), config.name());
                }
            } catch (NetworkException | InterruptedException e) {
                LOG.warn("could not put back {}'s registration with network {}: {}", config.name(), network.name(),
                        e.getMessage());
            }
        });
    }

    /**
     * After the kernel let go of an interface, the network it was on forgets it too (and stops if
     * it was the last). The network is found by the guest's registrations, not by the saved
     * configuration: an interface plugged in while running need not be saved.
     */
    @Override
    public CompletableFuture<Void> removeDevice(Instance config, String device) {
        return guests.removeDevice(config, device).thenRunAsync(() -> forget(config.name(), device), work);
    }

    private void forget(String instance, String device) {
        List<Network> saved;
        try {
            saved = store.loadAll().networks();
        } catch (Exception e) {
            LOG.warn("could not read the saved networks to forget {} of {}: {}", device, instance, e.getMessage());
            return;
        }
        for (Network network : saved) {
            if (network instanceof Network.HostDevice) {
                continue;
            }
            try {
                Optional<GuestRegistration> registered = networks.owner().status(network.name()).guests().stream()
                        .filter(g -> g.instance().equals(instance)).findFirst();
                if (registered.isEmpty()) {
                    continue;
                }
                GuestRegistration r = registered.get();
                List<String> left = r.devices().stream()
                        .filter(d -> !d.startsWith(device + "=") && !d.startsWith(device + ":")).toList();
                if (left.size() == r.devices().size()) {
                    continue;
                }
                if (left.isEmpty()) {
                    networks.owner().detach(network.name(), instance);
                } else {
                    networks.owner().attach(network, new GuestRegistration(r.instance(), r.umidDir(), left,
                            r.agent(), r.registered(), r.pid()));
                }
            } catch (Exception e) {
                LOG.warn("network {} still counts {} of {}: {}", network.name(), device, instance, e.getMessage());
            }
        }
    }

    private static Optional<Network> find(List<Network> networks, String name) {
        return networks.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    @Override
    public CompletableFuture<GuestStatus> whenRunning(String name) {
        return guests.whenRunning(name);
    }

    @Override
    public CompletableFuture<GuestStatus> stop(String name, StopMode mode, Consumer<StopStep> progress) {
        return guests.stop(name, mode, progress);
    }

    @Override
    public CompletableFuture<GuestStatus> pause(String name) {
        return guests.pause(name);
    }

    @Override
    public CompletableFuture<GuestStatus> resume(String name) {
        return guests.resume(name);
    }

    @Override
    public CompletableFuture<GuestStatus> status(String name) {
        return guests.status(name);
    }

    @Override
    public CompletableFuture<List<GuestStatus>> list() {
        return guests.list();
    }

    @Override
    public AutoCloseable addListener(Consumer<org.umlmanager.launch.GuestEvent> listener) {
        return guests.addListener(listener);
    }

    @Override
    public CompletableFuture<ConsoleStream> openConsole(String name, String line) {
        return guests.openConsole(name, line);
    }

    @Override
    public CompletableFuture<MconsoleReply> command(String name, String command) {
        return guests.command(name, command);
    }

    @Override
    public CompletableFuture<MconsoleClient> mconsole(String name) {
        return guests.mconsole(name);
    }

    @Override
    public CompletableFuture<Void> prewarm() {
        return guests.prewarm();
    }

    @Override
    public void close() {
        guests.close();
    }
}
