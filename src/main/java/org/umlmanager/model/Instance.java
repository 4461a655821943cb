package org.umlmanager.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The saved configuration of one UML virtual machine. Immutable; change it through
 * {@link #toBuilder()}. Nothing here is validated: {@code cmdline.Validator} says what is wrong
 * with an instance, so that the editor and the importer can hold (and show) invalid input.
 *
 * @param name        unique name of the instance in the store (also its file name)
 * @param umid        the machine id; names the {@code uml_dir/UMID} directory and mconsole socket
 * @param kernel      the UML kernel binary: a path, or a command looked up on PATH
 * @param memory      guest memory ({@code mem=}); empty means the kernel's default (64 MiB)
 * @param root        the root device ({@code root=}); empty means {@code /dev/ubda}
 * @param init        the guest's init program ({@code init=})
 * @param disks       ubd disks, at most one per unit
 * @param networks    network interfaces, at most one per device name
 * @param consoles    console and serial line options, in command-line order
 * @param hostfs      hostfs confinement; empty means the guest may mount any host directory
 * @param umlDir      the parent of the umid directory ({@code uml_dir=}); empty means the app's setting
 * @param extraArgs   further kernel arguments, verbatim and in order (unknown ones reach the guest's init)
 * @param environment variables set for the kernel process (for example {@code TMPDIR})
 * @param cpuPinning  a {@code taskset -c} CPU list the process is pinned to
 * @param notes       free text
 * @param agent       the serial line of the command agent in a guest UML Manager made ({@code uml-manager exec});
 *                    empty for guests without one
 */
public record Instance(String name, String umid, String kernel, Optional<MemorySize> memory, Optional<String> root,
                       Optional<String> init, List<Disk> disks, List<NetworkInterface> networks,
                       List<ConsoleLine> consoles, Optional<HostfsShare> hostfs, Optional<String> umlDir,
                       List<String> extraArgs, Map<String, String> environment, Optional<String> cpuPinning,
                       String notes, Optional<AgentLine> agent) {

    /** The kernel used when none is configured: Debian's {@code user-mode-linux} package. */
    public static final String DEFAULT_KERNEL = "linux";

    public Instance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(umid, "umid");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(hostfs, "hostfs");
        Objects.requireNonNull(umlDir, "umlDir");
        Objects.requireNonNull(cpuPinning, "cpuPinning");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(agent, "agent");
        disks = List.copyOf(disks);
        networks = List.copyOf(networks);
        consoles = List.copyOf(consoles);
        extraArgs = List.copyOf(extraArgs);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** An instance with nothing configured but its name (umid = name) and the default kernel. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public Optional<Disk> disk(int unit) {
        return disks.stream().filter(d -> d.unit() == unit).findFirst();
    }

    /** The interfaces that connect to saved networks, in order. */
    public List<NetworkAttachment> attachments() {
        return networks.stream().filter(NetworkAttachment.class::isInstance).map(NetworkAttachment.class::cast)
                .toList();
    }

    public Instance withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** Mutable helper to assemble an {@link Instance}. */
    public static final class Builder {
        private String name;
        private String umid;
        private String kernel = DEFAULT_KERNEL;
        private Optional<MemorySize> memory = Optional.empty();
        private Optional<String> root = Optional.empty();
        private Optional<String> init = Optional.empty();
        private final List<Disk> disks = new ArrayList<>();
        private final List<NetworkInterface> networks = new ArrayList<>();
        private final List<ConsoleLine> consoles = new ArrayList<>();
        private Optional<HostfsShare> hostfs = Optional.empty();
        private Optional<String> umlDir = Optional.empty();
        private final List<String> extraArgs = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Optional<String> cpuPinning = Optional.empty();
        private String notes = "";
        private Optional<AgentLine> agent = Optional.empty();

        private Builder(String name) {
            this.name = name;
            this.umid = name;
        }

        private Builder(Instance i) {
            name = i.name;
            umid = i.umid;
            kernel = i.kernel;
            memory = i.memory;
            root = i.root;
            init = i.init;
            disks.addAll(i.disks);
            networks.addAll(i.networks);
            consoles.addAll(i.consoles);
            hostfs = i.hostfs;
            umlDir = i.umlDir;
            extraArgs.addAll(i.extraArgs);
            environment.putAll(i.environment);
            cpuPinning = i.cpuPinning;
            notes = i.notes;
            agent = i.agent;
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder umid(String v) {
            umid = v;
            return this;
        }

        public Builder kernel(String v) {
            kernel = v;
            return this;
        }

        public Builder memory(MemorySize v) {
            memory = Optional.ofNullable(v);
            return this;
        }

        public Builder memory(Optional<MemorySize> v) {
            memory = v;
            return this;
        }

        public Builder root(String v) {
            root = Optional.ofNullable(v);
            return this;
        }

        public Builder init(String v) {
            init = Optional.ofNullable(v);
            return this;
        }

        public Builder disk(Disk d) {
            disks.add(d);
            return this;
        }

        public Builder disks(List<Disk> v) {
            disks.clear();
            disks.addAll(v);
            return this;
        }

        public Builder network(NetworkInterface n) {
            networks.add(n);
            return this;
        }

        public Builder networks(List<? extends NetworkInterface> v) {
            networks.clear();
            networks.addAll(v);
            return this;
        }

        public Builder console(ConsoleLine c) {
            consoles.add(c);
            return this;
        }

        public Builder consoles(List<ConsoleLine> v) {
            consoles.clear();
            consoles.addAll(v);
            return this;
        }

        public Builder hostfs(HostfsShare v) {
            hostfs = Optional.ofNullable(v);
            return this;
        }

        public Builder umlDir(String v) {
            umlDir = Optional.ofNullable(v);
            return this;
        }

        public Builder extraArg(String v) {
            extraArgs.add(v);
            return this;
        }

        public Builder extraArgs(List<String> v) {
            extraArgs.clear();
            extraArgs.addAll(v);
            return this;
        }

        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public Builder environment(Map<String, String> v) {
            environment.clear();
            environment.putAll(v);
            return this;
        }

        public Builder cpuPinning(String v) {
            cpuPinning = Optional.ofNullable(v).filter(s -> !s.isBlank());
            return this;
        }

        public Builder notes(String v) {
            notes = v == null ? "" : v;
            return this;
        }

        public Builder agent(AgentLine v) {
            agent = Optional.ofNullable(v);
            return this;
        }

        public Instance build() {
            return new Instance(name, umid, kernel, memory, root, init, disks, networks, consoles, hostfs, umlDir,
                    extraArgs, environment, cpuPinning, notes, agent);
        }
    }
}
