package org.umlmanager.provision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.umlmanager.model.AgentLine;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InterfaceAddress;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.NetworkInterface;

/**
 * Everything needed to make a new virtual machine. Build one with {@link #builder}.
 *
 * @param name         the instance name (also the default image file name)
 * @param source       where the root filesystem comes from
 * @param image        the image to make; empty means {@code <images dir>/NAME.img}. Ignored for
 *                     {@link RootfsSource.Image}, whose image is used where it is
 * @param size         the new image's size; empty picks one that fits the tree with room to spare
 * @param cow          put a copy-on-write file ({@code NAME.cow} beside the image) over the image
 * @param kernel       the UML kernel the instance boots
 * @param memory       guest memory; empty leaves the kernel's default. The builder's default is 64 MiB
 *                     for busybox and 256 MiB for the other sources
 * @param hostname     the guest's host name; empty derives it from the name
 * @param rootPassword root's password hash; empty lets the login prompts log root in without one
 * @param networks     the instance's network interfaces
 * @param addressing   how the guest configures them; an interface not listed is set up as its network
 *                     asks (see {@link #guestNetworks()})
 * @param networkDefinitions the saved networks the interfaces that name one refer to
 * @param consoles     the instance's console lines
 * @param copyModules  copy the kernel's modules into the guest
 * @param keepFailed   on failure keep the unfinished image as {@code NAME.img.failed} for inspection
 * @param agent        the serial line of the command agent for {@code uml-manager exec}; by default the last
 *                     serial line for every source that builds an image, none for an existing image
 * @param bootScripts  scripts the guest runs at every boot and shut-down
 */
public record ProvisionRequest(String name, RootfsSource source, Optional<Path> image, Optional<MemorySize> size,
                               boolean cow, String kernel, Optional<MemorySize> memory, Optional<String> hostname,
                               Optional<PasswordHash> rootPassword, List<NetworkInterface> networks,
                               List<GuestNetwork> addressing, List<ConsoleLine> consoles, boolean copyModules,
                               boolean keepFailed, List<Network> networkDefinitions, Optional<AgentLine> agent,
                               List<BootScript> bootScripts) {

    public ProvisionRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(rootPassword, "rootPassword");
        networks = List.copyOf(networks);
        addressing = List.copyOf(addressing);
        consoles = List.copyOf(consoles);
        networkDefinitions = List.copyOf(networkDefinitions);
        Objects.requireNonNull(agent, "agent");
        bootScripts = List.copyOf(bootScripts);
    }

    /** UML Manager's default consoles: every console off except con0, shown in an embedded terminal. */
    public static List<ConsoleLine> defaultConsoles() {
        return List.of(ConsoleLine.allOf(LineKind.CON, LineSpec.of(ConsoleChannel.NULL)),
                ConsoleLine.con(0, LineSpec.of(ConsoleChannel.EMBEDDED)));
    }

    /** Defaults: image in the images directory, no COW, default kernel and consoles, modules copied for Debian. */
    public static Builder builder(String name, RootfsSource source) {
        return new Builder(name, source);
    }

    /**
     * The guest's network configuration: the listed addressing; for an interface on a saved network
     * its static address (with the NAT network's gateway as default route when the address is in
     * its subnet), DHCP on a NAT network, the link up without an address on a switch; DHCP for
     * every other interface.
     */
    public List<GuestNetwork> guestNetworks() {
        List<GuestNetwork> out = new ArrayList<>();
        for (NetworkInterface n : networks) {
            out.add(addressing.stream().filter(a -> a.device().equals(n.deviceName())).findFirst()
                    .orElseGet(() -> n instanceof NetworkAttachment a ? attached(a) : GuestNetwork.dhcp(n.deviceName())));
        }
        return out;
    }

    private GuestNetwork attached(NetworkAttachment a) {
        Optional<Network> network = networkDefinitions.stream().filter(d -> d.name().equals(a.network())).findFirst();
        if (a.address().isPresent()) {
            InterfaceAddress ip = a.address().get();
            Optional<String> gateway = network.filter(Network.Nat.class::isInstance).map(Network.Nat.class::cast)
                    .filter(nat -> nat.subnet().contains(ip.address())).map(nat -> nat.gateway().toString());
            return new GuestNetwork(a.deviceName(), new GuestNetwork.Addressing.Static(ip.address().toString(),
                    ip.prefix(), gateway));
        }
        if (network.isPresent() && network.get() instanceof Network.Switch) {
            return new GuestNetwork(a.deviceName(), new GuestNetwork.Addressing.Manual());
        }
        return GuestNetwork.dhcp(a.deviceName());
    }

    /** Mutable helper for a {@link ProvisionRequest}. */
    public static final class Builder {
        private final String name;
        private final RootfsSource source;
        private Optional<Path> image = Optional.empty();
        private Optional<MemorySize> size = Optional.empty();
        private boolean cow;
        private String kernel = Instance.DEFAULT_KERNEL;
        private Optional<MemorySize> memory = Optional.empty();
        private Optional<String> hostname = Optional.empty();
        private Optional<PasswordHash> rootPassword = Optional.empty();
        private List<NetworkInterface> networks = List.of();
        private List<GuestNetwork> addressing = List.of();
        private List<ConsoleLine> consoles = defaultConsoles();
        private boolean copyModules;
        private boolean keepFailed;
        private List<Network> networkDefinitions = List.of();
        private Optional<AgentLine> agent;
        private List<BootScript> bootScripts = List.of();

        private Builder(String name, RootfsSource source) {
            this.name = name;
            this.source = source;
            this.copyModules = source instanceof RootfsSource.Debian;
            this.agent = source.buildsImage() ? Optional.of(AgentLine.DEFAULT) : Optional.empty();
            // systemd and a distribution's services want more than the kernel's 64 MiB default.
            this.memory = Optional.of(MemorySize.ofMebibytes(source instanceof RootfsSource.Busybox ? 64 : 256));
        }

        public Builder image(Path v) {
            image = Optional.ofNullable(v);
            return this;
        }

        public Builder size(MemorySize v) {
            size = Optional.ofNullable(v);
            return this;
        }

        public Builder cow(boolean v) {
            cow = v;
            return this;
        }

        public Builder kernel(String v) {
            kernel = v;
            return this;
        }

        public Builder memory(MemorySize v) {
            return memory(Optional.ofNullable(v));
        }

        public Builder memory(Optional<MemorySize> v) {
            memory = v;
            return this;
        }

        public Builder hostname(String v) {
            hostname = Optional.ofNullable(v);
            return this;
        }

        public Builder rootPassword(PasswordHash v) {
            rootPassword = Optional.ofNullable(v);
            return this;
        }

        public Builder networks(List<? extends NetworkInterface> v) {
            networks = List.copyOf(v);
            return this;
        }

        public Builder addressing(List<GuestNetwork> v) {
            addressing = List.copyOf(v);
            return this;
        }

        public Builder consoles(List<ConsoleLine> v) {
            consoles = List.copyOf(v);
            return this;
        }

        public Builder copyModules(boolean v) {
            copyModules = v;
            return this;
        }

        public Builder keepFailed(boolean v) {
            keepFailed = v;
            return this;
        }

        public Builder networkDefinitions(List<Network> v) {
            networkDefinitions = List.copyOf(v);
            return this;
        }

        public Builder agent(Optional<AgentLine> v) {
            agent = v;
            return this;
        }

        public Builder bootScripts(List<BootScript> v) {
            bootScripts = List.copyOf(v);
            return this;
        }

        public ProvisionRequest build() {
            return new ProvisionRequest(name, source, image, size, cow, kernel, memory, hostname, rootPassword,
                    networks, addressing, consoles, copyModules, keepFailed, networkDefinitions, agent, bootScripts);
        }
    }
}
