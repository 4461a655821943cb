package org.umlmanager.lab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.model.AgentLine;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Disk;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Lab;
import org.umlmanager.model.LabDevice;
import org.umlmanager.model.LabDomain;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.Names;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.network.Attachments;
import org.umlmanager.network.NetworkPaths;

/**
 * Turns a lab directory into what importing it makes ({@link LabPlan}), or says every reason it
 * cannot. A device {@code r1} of lab {@code ospf} becomes the instance {@code ospf-r1}: the lab's
 * name prefixes every instance and network it makes, so that two labs with a device {@code r1} can
 * coexist; a name that is still taken (ignoring case) by an existing instance or network is refused,
 * naming it, and nothing is made. Pure; thread-safe.
 */
public final class LabPlanner {

    /**
     * The most interfaces a device may have: Debian's 6.1 UML kernel booted with 64 vde interfaces at
     * 32 MiB and failed at boot ("System is deadlocked on memory", or allocation failures in
     * eth_setup) from about 72 at 32 MiB and 115 at 256 MiB.
     */
    public static final int MAX_INTERFACES = 64;
    /** The kernel's COMMAND_LINE_SIZE; a longer command line makes it exit at once. */
    static final int MAX_COMMAND_LINE = 4096;

    /**
     * What an import is asked to do, and where things go.
     *
     * @param name        the lab's name
     * @param defaultBase the base for devices without a known {@code image}
     * @param debianBase  the base Debian images in the table stand for
     * @param labsData    where labs keep their files ({@code DATA/labs}); a lab's COW files go to {@code NAME/}
     * @param bases       where the base images are
     * @param share       the host directory the devices' hostfs is confined to (the lab directory, or a
     *                    link to it without spaces or commas, which the kernel's option cannot hold)
     * @param kernel      the UML kernel devices boot unless lab.conf names another
     * @param networks    where running networks keep their sockets (for the devices' command lines)
     */
    public record Options(String name, LabBase defaultBase, LabBase debianBase, Path labsData, Path bases, Path share,
                          String kernel, NetworkPaths networks) {
    }

    /** The names in use, which the lab's instances and networks must not take. */
    public record Taken(Set<String> instances, Set<String> networks) {
        public Taken {
            instances = instances.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            networks = networks.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        }
    }

    private LabPlanner() {
    }

    /** {@code ospf-r1}: the instance of device {@code r1} in lab {@code ospf}. */
    public static String instanceName(String lab, String device) {
        return lab + "-" + device;
    }

    /** {@code ospf-A}: the network of collision domain {@code A} in lab {@code ospf}. */
    public static String networkName(String lab, String domain) {
        return lab + "-" + domain;
    }

    /**
     * The plan for importing {@code source} under {@code options}.
     *
     * @throws LabImportException naming every reason it cannot be imported as asked
     */
    public static LabPlan plan(LabSource source, Options options, Taken taken) throws LabImportException {
        List<LabProblem> problems = new ArrayList<>(source.warnings());
        String lab = options.name();
        Optional<String> badName = Names.labNameProblem(lab);
        if (badName.isPresent()) {
            throw new LabImportException("Cannot import the lab", List.of(LabProblem.error("--name", badName.get()
                    + (source.directory().getFileName() != null && lab.equals(source.directory().getFileName().toString())
                    ? " (the name comes from the directory's; give one with --name)" : ""))));
        }
        LabConf conf = source.conf();

        List<Network> networks = new ArrayList<>();
        List<LabDomain> domains = new ArrayList<>();
        for (String domain : conf.domains()) {
            String network = networkName(lab, domain);
            String where = LabConfParser.FILE + " (collision domain " + domain + ")";
            Optional<String> bad = Names.networkNameProblem(network);
            if (bad.isPresent()) {
                problems.add(LabProblem.error(where, "its network would be named " + bad.get()));
            } else if (taken.networks().contains(network.toLowerCase(Locale.ROOT))) {
                problems.add(LabProblem.error(where, "a network named '" + network + "' already exists; import the"
                        + " lab under another name (--name), or delete that network"));
            }
            options.networks().socketPathProblem(network).ifPresent(p -> problems.add(LabProblem.error(where, p)));
            networks.add(new Network.Switch(network, false));
            domains.add(new LabDomain(domain, network));
        }
        Map<String, Network> byName = networks.stream().collect(Collectors.toMap(Network::name, Function.identity()));
        Function<String, Optional<Network>> lookup = n -> n.equals(Network.DEFAULT_NAME)
                ? Optional.of(Network.builtInDefault()) : Optional.ofNullable(byName.get(n));

        List<Instance> instances = new ArrayList<>();
        List<LabDevice> devices = new ArrayList<>();
        List<LabPlan.DeviceDisk> disks = new ArrayList<>();
        Path labData = options.labsData().resolve(lab);
        for (LabConf.Device device : conf.devices()) {
            String where = LabConfParser.FILE + " line " + device.firstLine();
            String name = instanceName(lab, device.name());
            Optional<String> bad = Names.instanceNameProblem(name).or(() -> Names.umidProblem(name));
            if (bad.isPresent()) {
                problems.add(LabProblem.error(where, "device " + device.name() + "'s instance would be named " + bad.get()));
            } else if (taken.instances().contains(name.toLowerCase(Locale.ROOT))) {
                problems.add(LabProblem.error(where, "an instance named '" + name + "' already exists; device "
                        + device.name() + " would take its name. Import the lab under another name (--name), or"
                        + " delete or rename that instance"));
            }
            DeviceSettings settings = DeviceSettings.read(device, problems);
            LabBase base = settings.image().map(image -> LabBase.forImage(image, options.debianBase()).orElseGet(() -> {
                problems.add(LabProblem.warning(device.setting("image").map(s -> LabConfParser.FILE + " line "
                        + s.line()).orElse(where), "image '" + image + "' is not in UML Manager's table; device "
                        + device.name() + " boots the " + options.defaultBase().describe() + " base instead"));
                return options.defaultBase();
            })).orElse(options.defaultBase());
            Path baseImage = base.image(options.bases());
            Path cow = labData.resolve(device.name() + ".cow");

            List<NetworkAttachment> nics = new ArrayList<>();
            for (LabConf.Interface i : device.interfaces()) {
                nics.add(new NetworkAttachment(NetworkAttachment.Family.ETH, i.index(), networkName(lab, i.domain()),
                        i.mac(), Optional.empty()));
            }
            if (settings.bridged()) {
                int next = device.interfaces().stream().mapToInt(LabConf.Interface::index).max().orElse(-1) + 1;
                nics.add(new NetworkAttachment(NetworkAttachment.Family.ETH, next, Network.DEFAULT_NAME, Optional.empty(),
                        Optional.empty()));
            }
            nics.sort(java.util.Comparator.comparingInt(NetworkAttachment::unit));
            if (nics.size() > MAX_INTERFACES) {
                problems.add(LabProblem.error(where, device.name() + " has " + nics.size() + " interfaces; the UML"
                        + " kernel boots with at most " + MAX_INTERFACES + ". Split the device's links over fewer"
                        + " collision domains"));
            }
            List<String> extra = new ArrayList<>(BootHook.kernelArgs(device.name(), settings.sysctls(), settings.env(),
                    settings.exec()));
            extra.addAll(settings.append());
            Instance instance = Instance.builder(name)
                    .kernel(settings.kernel().orElse(options.kernel()))
                    .memory(settings.memory().orElse(base.memory()))
                    .disk(Disk.cow(0, cow.toString(), baseImage.toString()))
                    .networks(nics)
                    .consoles(List.of(ConsoleLine.allOf(LineKind.CON, LineSpec.of(ConsoleChannel.NULL)),
                            ConsoleLine.con(0, LineSpec.of(ConsoleChannel.EMBEDDED)),
                            ConsoleLine.ssl(AgentLine.DEFAULT.index(), LineSpec.of(ConsoleChannel.EMBEDDED))))
                    // The base images run UML Manager's agent on that line, so exec reaches every device.
                    .agent(AgentLine.DEFAULT)
                    .hostfs(new HostfsShare(options.share().toString(), false))
                    .extraArgs(extra)
                    .notes("Device " + device.name() + " of lab " + lab + " (" + source.directory() + ")")
                    .build();
            int length = commandLineBytes(instance, lookup, options.networks());
            if (length > MAX_COMMAND_LINE) {
                problems.add(LabProblem.error(where, device.name() + "'s kernel command line would take " + length
                        + " bytes; the kernel exits at once above " + MAX_COMMAND_LINE + ". Give it fewer"
                        + " interfaces, sysctl, env or exec settings, or shorter lab and domain names"));
            }
            instances.add(instance);
            devices.add(new LabDevice(device.name(), name, source.dep().after(device.name()),
                    device.settings().stream().map(LabConf.Setting::toLabSetting).toList()));
            disks.add(new LabPlan.DeviceDisk(device.name(), cow, base, baseImage));
        }
        if (problems.stream().anyMatch(LabProblem::error)) {
            throw new LabImportException("Cannot import the lab from " + source.directory(), problems);
        }
        Lab result = new Lab(lab, Optional.of(source.directory().toString()), conf.metadata(), devices, domains,
                List.of());
        return new LabPlan(result, instances, networks, disks, problems);
    }

    private static int commandLineBytes(Instance instance, Function<String, Optional<Network>> lookup,
                                        NetworkPaths paths) {
        Instance resolved = Attachments.resolveAll(instance, lookup, paths);
        return String.join(" ", CommandLineGenerator.kernelArgs(resolved, GenerateOptions.none()))
                .getBytes(StandardCharsets.UTF_8).length;
    }
}
