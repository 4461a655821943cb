package org.umlmanager.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import org.umlmanager.cmdline.AttachmentResolver;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.job.Cancellation;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.Subnet;
import org.umlmanager.network.Attachments;
import org.umlmanager.network.KernelTransports;
import org.umlmanager.network.NetworkCapture;
import org.umlmanager.network.NetworkChecks;
import org.umlmanager.network.NetworkException;
import org.umlmanager.network.NetworkOwner;
import org.umlmanager.network.NetworkPaths;
import org.umlmanager.network.NetworkStatus;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.storage.NetworkLoadReport;
import org.umlmanager.storage.NetworkStore;
import org.umlmanager.storage.StoreException;

/**
 * The saved networks and their processes, for the UI and the CLI: list with state and users,
 * create (checked: names, subnets that do not overlap, forwards), delete (refused while an instance
 * uses the network), start, stop, capture.
 *
 * <p>Threading as {@link InstanceService}: every method returns at once and works on the executor
 * given to the constructor. Futures fail with {@link StoreException} (no such network, name taken,
 * unreadable file), {@link NetworkRefusedException} (invalid settings), or
 * {@link NetworkException} (processes: a missing package, a taken port, guests still using it).
 */
public final class NetworkService {

    private final NetworkStore store;
    private final InstanceStore instances;
    private final NetworkOwner owner;
    private final NetworkPaths paths;
    private final Executor executor;

    public NetworkService(NetworkStore store, InstanceStore instances, NetworkOwner owner, NetworkPaths paths,
                          Executor executor) {
        this.store = Objects.requireNonNull(store);
        this.instances = Objects.requireNonNull(instances);
        this.owner = Objects.requireNonNull(owner);
        this.paths = Objects.requireNonNull(paths);
        this.executor = Objects.requireNonNull(executor);
    }

    public NetworkOwner owner() {
        return owner;
    }

    public NetworkPaths paths() {
        return paths;
    }

    /** The saved networks (the built-in {@code default} included) and the files that did not load. */
    public CompletableFuture<NetworkLoadReport> definitions() {
        return submit(store::loadAll);
    }

    /** Every network with its processes' state and its users, sorted by name. */
    public CompletableFuture<List<NetworkView>> list() {
        return submit(() -> {
            List<Instance> all = instances.loadAll().instances();
            List<NetworkView> views = new ArrayList<>();
            for (Network n : store.loadAll().networks()) {
                views.add(view(n, all));
            }
            return views;
        });
    }

    public CompletableFuture<NetworkView> get(String name) {
        return submit(() -> view(store.load(name), instances.loadAll().instances()));
    }

    /**
     * What is wrong with {@code network} as it would be saved, field by field: its own settings and
     * its subnet against the other saved networks (what {@link #create} and {@link #update} refuse).
     */
    public CompletableFuture<List<Problem>> check(Network network) {
        return submit(() -> NetworkChecks.check(network, store.loadAll().networks()));
    }

    /**
     * A new NAT network's settings as {@code network create --nat} gives them: {@code 10.0.2.0/24}
     * unless a saved network overlaps it, else the first free /24 in 10.0.0.0/8; the host at .2,
     * DNS at .3, DHCP from .15.
     */
    public CompletableFuture<Network.Nat> proposeNat(String name) {
        return submit(() -> {
            List<Network> all = store.loadAll().networks();
            Subnet subnet = all.stream().noneMatch(n -> n.ownSubnet().filter(Network.DEFAULT_SUBNET::overlaps)
                    .isPresent()) ? Network.DEFAULT_SUBNET
                    : NetworkChecks.freeSubnet(all, 24).orElse(Network.DEFAULT_SUBNET);
            return Network.Nat.withDefaults(name, subnet);
        });
    }

    /**
     * The device family that interfaces on a NAT network or a switch take with {@code kernel}:
     * {@code ethN} where it has the legacy transports (Debian's 6.1), {@code vecN} where it has
     * only the vector ones (6.16 and newer). Learned from the kernel's {@code --version}, once per
     * kernel file.
     */
    public CompletableFuture<NetworkAttachment.Family> family(String kernel) {
        return submit(() -> KernelTransports.of(kernel).legacy() ? NetworkAttachment.Family.ETH
                : NetworkAttachment.Family.VEC);
    }

    /**
     * What stops the instance's interfaces on saved networks from working: a network that does not
     * exist, an interface of the wrong family, a static address outside a NAT network's subnet.
     * <b>Blocks</b>: reads the saved networks, and runs an unknown kernel's {@code --version} once;
     * for checks that already run off the FX thread (the editor's). A store that cannot be read is
     * reported as one error.
     */
    public List<Problem> attachmentProblems(Instance instance) {
        if (instance.attachments().isEmpty()) {
            return List.of();
        }
        try {
            return Attachments.check(instance, store.loadAll().networks(), KernelTransports.of(instance.kernel()));
        } catch (StoreException e) {
            return List.of(Problem.error("networks", instance.name(), "could not read the saved networks: "
                    + e.getMessage()));
        }
    }

    /**
     * What interfaces naming a saved network become on {@code instance}'s command line, over
     * {@code networks} as last read (for previews; a start reads them again). Reads no file: the
     * desktop's previews call it on the FX thread over the networks it read in the background.
     */
    public AttachmentResolver resolver(String instance, List<Network> networks) {
        List<Network> known = List.copyOf(networks);
        return Attachments.resolver(name -> known.stream().filter(n -> n.name().equals(name)).findFirst(), paths,
                instance);
    }

    /** Saves a new network after {@link NetworkChecks}; its errors fail the future with {@link NetworkRefusedException}. */
    public CompletableFuture<Network> create(Network network) {
        return submit(() -> {
            List<Network> others = store.loadAll().networks();
            List<Problem> errors = NetworkChecks.check(network, others).stream().filter(Problem::isError).toList();
            if (!errors.isEmpty()) {
                throw new NetworkRefusedException(network.name(), errors);
            }
            store.create(network);
            return network;
        });
    }

    /** Replaces a network's settings; a running network keeps its old ones until it is started again. */
    public CompletableFuture<Network> update(Network network) {
        return submit(() -> {
            List<Problem> errors = NetworkChecks.check(network, store.loadAll().networks()).stream()
                    .filter(Problem::isError).toList();
            if (!errors.isEmpty()) {
                throw new NetworkRefusedException(network.name(), errors);
            }
            store.update(network);
            return network;
        });
    }

    /** Deletes a saved network; refused while a configured instance has an interface on it (naming them). */
    public CompletableFuture<Void> delete(String name) {
        return submit(() -> {
            Network network = store.load(name);
            List<String> users = users(network.name(), instances.loadAll().instances());
            if (!users.isEmpty()) {
                throw new NetworkException("network '" + network.name() + "' is used by " + String.join(", ", users)
                        + "; connect their interfaces to another network (or delete them) first", true);
            }
            NetworkStatus status = owner.status(network.name());
            if (status.running()) {
                owner.stop(network.name());
            }
            store.delete(network.name());
            return null;
        });
    }

    /** Starts the network's processes on their own: they run until {@link #stop}, with or without guests. */
    public CompletableFuture<NetworkStatus> start(String name) {
        return submit(() -> owner.start(startable(store.load(name)), true));
    }

    /** Stops the network's processes; refused while guests use it. */
    public CompletableFuture<Void> stop(String name) {
        return submit(() -> {
            Network network = store.load(name);
            owner.stop(startable(network).name());
            return null;
        });
    }

    /**
     * Writes what passes the network's switch into {@code file} (pcap) until {@code limit}:
     * every frame of every port, with the guests' own addresses. {@code packets} hears the count
     * as it grows. The network must run.
     */
    public CompletableFuture<NetworkCapture.Result> capture(String name, Path file, NetworkCapture.Limit limit,
                                                           LongConsumer packets, Cancellation cancel) {
        return submit(() -> {
            Network network = startable(store.load(name));
            if (!owner.status(network.name()).running()) {
                throw new NetworkException("network '" + network.name() + "' is not running; start a guest on it or"
                        + " 'uml-manager network start " + network.name() + "' first", true);
            }
            return NetworkCapture.capture(paths, network.name(), file, limit, packets, cancel);
        });
    }

    private static Network startable(Network network) throws NetworkException {
        if (network instanceof Network.HostDevice) {
            throw new NetworkException("network '" + network.name() + "' is a host device: it has no processes of its"
                    + " own to start, stop or capture", true);
        }
        return network;
    }

    private NetworkView view(Network n, List<Instance> all) {
        NetworkStatus status = n instanceof Network.HostDevice
                ? new NetworkStatus(n.name(), false, false, Optional.empty(), List.of(), paths.switchDir(n.name()))
                : owner.status(n.name());
        return new NetworkView(n, status, users(n.name(), all));
    }

    /** The instances with an interface on {@code network}, sorted. */
    static List<String> users(String network, List<Instance> all) {
        return all.stream().filter(i -> i.attachments().stream().map(NetworkAttachment::network)
                .anyMatch(network::equals)).map(Instance::name).sorted().toList();
    }

    private <T> CompletableFuture<T> submit(Callable<T> work) {
        return Futures.submit(executor, work);
    }
}
