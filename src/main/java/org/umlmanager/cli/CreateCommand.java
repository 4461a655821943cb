package org.umlmanager.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.umlmanager.cmdline.CommandLineParser;
import org.umlmanager.cmdline.ParseResult;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.cmdline.ValidationContext;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Instance;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.InterfaceAddress;
import org.umlmanager.model.MacAddresses;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.NetworkInterface;
import org.umlmanager.network.KernelTransports;
import org.umlmanager.provision.GuestNetwork;
import org.umlmanager.provision.PasswordHash;
import org.umlmanager.provision.ProvisionException;
import org.umlmanager.provision.ProvisionRequest;
import org.umlmanager.provision.ProvisionResult;
import org.umlmanager.provision.RootfsSource;
import org.umlmanager.service.JobService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.umlmanager.job.CancelledException;
import org.umlmanager.job.Cancellation;

@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make a new virtual machine: its root filesystem image and its configuration.",
            "Examples:",
            "  uml-manager create demo --rootfs busybox",
            "  uml-manager create web --rootfs debian:bookworm --size 4G --password-file pw.txt"})
final class CreateCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the new instance.")
    String name;

    @Option(names = "--rootfs", required = true, paramLabel = "SOURCE",
            description = "busybox, debian:SUITE (e.g. debian:bookworm), dir:PATH (copied) or image:PATH (used as is).")
    String rootfs;

    @Option(names = "--size", paramLabel = "SIZE", description = "Size of the new image, e.g. 2G (default: 64M for"
            + " busybox, 2G for Debian, 1G for a directory, or what the files need).")
    String size;

    @Option(names = "--cow", description = "Put a copy-on-write file NAME.cow over the image; the image stays unchanged.")
    boolean cow;

    @Option(names = "--image", paramLabel = "PATH", description = "Where to make the image (default: NAME.img in"
            + " the images directory).")
    Path image;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Root's password, on the first line of"
            + " FILE; stored only as a SHA-512 hash. Without it root logs in on the consoles without a password.")
    Path passwordFile;

    @Option(names = "--memory", paramLabel = "SIZE", description = "Guest memory, e.g. 512M (default: 64M for"
            + " busybox, 256M otherwise).")
    String memory;

    @Option(names = "--hostname", paramLabel = "NAME", description = "The guest's host name (default: from NAME).")
    String hostname;

    @Option(names = "--packages", split = ",", paramLabel = "PKG", description = "Debian only: extra packages.")
    List<String> packages = new ArrayList<>();

    @Option(names = "--mirror", paramLabel = "URL", description = "Debian only: the archive (default: the host's"
            + " apt sources).")
    String mirror;

    @Option(names = "--variant", paramLabel = "VARIANT", description = "Debian only: mmdebstrap variant (default:"
            + " minbase).")
    String variant;

    @Option(names = "--kernel", paramLabel = "PATH", description = "The UML kernel binary (default: linux on PATH).")
    String kernel;

    @Option(names = "--net", paramLabel = "SPEC", description = "A network interface (repeatable: eth0, eth1, … in"
            + " order): network=NAME[,ip=ADDRESS/PREFIX][,mac=MAC] connects it to a saved network ('default' is the"
            + " built-in NAT; DHCP on NAT networks unless ip= is given), or kernel syntax such as"
            + " vec0:transport=tap,ifname=tap0.")
    List<String> nets = new ArrayList<>();

    @Option(names = "--guest-ip", paramLabel = "DEV=HOW", description = "How the guest sets up an interface:"
            + " vec0=dhcp (default), vec0=manual or vec0=10.0.2.15/24[,GATEWAY] (repeatable).")
    List<String> guestIps = new ArrayList<>();

    @Option(names = "--consoles", paramLabel = "N", defaultValue = "1",
            description = "How many consoles (con0 … conN-1) are shown in UML Manager, each with a login prompt"
                    + " (default: ${DEFAULT-VALUE}).")
    int consoles;

    @Option(names = "--modules", negatable = true, description = "Copy the kernel's modules into the guest"
            + " (default: yes for Debian, no otherwise).")
    Boolean modules;

    @Option(names = "--keep-failed", description = "If making the image fails, keep it as NAME.img.failed.")
    boolean keepFailed;

    @Option(names = {"-v", "--verbose"}, description = "Show every line the tools print.")
    boolean verbose;

    CreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ProvisionRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException | ProvisionException e) {
            return userError(e.getMessage());
        }
        if (nameTaken()) {
            return userError("an instance named '" + name + "' already exists; choose another name");
        }
        List<Problem> errors = context.jobs().check(request,
                RuntimeCli.validation(context.environment(), ValidationContext.HostChecks.NONE));
        if (!errors.isEmpty()) {
            return userError(errors.get(0).subject() + ": " + errors.get(0).message());
        }
        ProvisionResult result;
        try {
            result = runInterruptibly(request);
        } catch (CancelledException e) {
            return userError("cancelled; nothing was kept");
        } catch (ProvisionException e) {
            return userError("could not create '" + name + "': " + e.getMessage());
        } catch (JobService.NotSaved e) {
            return userError(e.getMessage());
        }
        report(result);
        return 0;
    }

    /** Runs the job on this thread; Ctrl-C cancels it and waits for the clean-up before the JVM exits. */
    private ProvisionResult runInterruptibly(ProvisionRequest request) throws Exception {
        Cancellation cancellation = new Cancellation();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onExit = new Thread(() -> {
            cancellation.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "create-cancel");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            return Await.result(context.jobs().create(request, new ProgressPrinter(context.err(), verbose),
                    cancellation));
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook is running and waits for us.
            }
        }
    }

    private ProvisionRequest request() throws Exception {
        RootfsSource source = RootfsSource.parse(rootfs, context.environment().workingDirectory());
        if (source instanceof RootfsSource.Debian debian) {
            source = debian.withPackages(packages).withMirror(Optional.ofNullable(mirror))
                    .withVariant(variant == null ? debian.variant() : variant);
        } else if (!packages.isEmpty() || mirror != null || variant != null) {
            throw new IllegalArgumentException("--packages, --mirror and --variant are for --rootfs debian:SUITE only");
        }
        if (consoles < 1 || consoles > LineKind.CON.count()) {
            throw new IllegalArgumentException("--consoles must be between 1 and " + LineKind.CON.count());
        }
        List<Network> definitions = Await.result(context.networks().definitions()).networks();
        ProvisionRequest.Builder b = ProvisionRequest.builder(name, source)
                .image(image == null ? null : context.environment().workingDirectory().resolve(image))
                .cow(cow)
                .hostname(hostname)
                .networks(networks(definitions))
                .networkDefinitions(definitions)
                .addressing(addressing())
                .consoles(consoleLines())
                .keepFailed(keepFailed);
        if (size != null) {
            b.size(size("--size", size));
        }
        if (memory != null) {
            b.memory(size("--memory", memory));
        }
        if (kernel != null) {
            b.kernel(kernel);
        }
        if (modules != null) {
            b.copyModules(modules);
        }
        if (passwordFile != null) {
            b.rootPassword(PasswordHash.fromFile(context.environment().workingDirectory().resolve(passwordFile)));
        }
        return b.build();
    }

    private static MemorySize size(String option, String text) {
        return MemorySize.parse(text).orElseThrow(() -> new IllegalArgumentException(option + ": '" + text
                + "' is not a size; write a number with K, M or G, such as 2G"));
    }

    private List<NetworkInterface> networks(List<Network> definitions) {
        List<NetworkInterface> out = new ArrayList<>();
        for (String spec : nets) {
            if (spec.startsWith("network=")) {
                out.add(attachment(spec, definitions, out));
                continue;
            }
            ParseResult parsed = CommandLineParser.parse(name, List.of(spec));
            if (parsed.hasErrors()) {
                throw new IllegalArgumentException("--net " + spec + ": " + parsed.errors().get(0).message());
            }
            if (parsed.instance().networks().size() != 1) {
                throw new IllegalArgumentException("--net " + spec + " is not a network interface; write e.g."
                        + " vec0:transport=tap,ifname=tap0 or eth0=tuntap,tap0");
            }
            out.add(parsed.instance().networks().get(0));
        }
        return out;
    }

    /**
     * {@code network=NAME[,ip=ADDRESS/PREFIX][,mac=MAC]}: the next free ethN (vecN for a host device,
     * or on a kernel without the legacy transports), with a new MAC unless one is given.
     */
    private NetworkAttachment attachment(String spec, List<Network> definitions, List<NetworkInterface> before) {
        String network = null;
        Optional<InterfaceAddress> address = Optional.empty();
        Optional<String> mac = Optional.empty();
        for (String field : spec.split(",")) {
            int eq = field.indexOf('=');
            String key = eq < 0 ? field : field.substring(0, eq);
            String value = eq < 0 ? "" : field.substring(eq + 1);
            switch (key) {
                case "network" -> network = value;
                case "ip" -> address = Optional.of(InterfaceAddress.parse(value).orElseThrow(() ->
                        new IllegalArgumentException("--net " + spec + ": ip=" + value + " is not ADDRESS/PREFIX;"
                                + " write for example ip=192.168.50.2/24")));
                case "mac" -> mac = Optional.of(value);
                default -> throw new IllegalArgumentException("--net " + spec + ": unknown field '" + key + "'; write"
                        + " network=NAME[,ip=ADDRESS/PREFIX][,mac=MAC]");
            }
        }
        if (network == null || network.isEmpty()) {
            throw new IllegalArgumentException("--net " + spec + ": give the network's name, e.g. network=default");
        }
        String wanted = network;
        boolean hostDevice = definitions.stream().anyMatch(d -> d.name().equals(wanted)
                && d instanceof Network.HostDevice);
        NetworkAttachment.Family family = hostDevice || !KernelTransports.of(kernel == null ? Instance.DEFAULT_KERNEL
                : kernel).legacy() ? NetworkAttachment.Family.VEC : NetworkAttachment.Family.ETH;
        int unit = 0;
        while (true) {
            String device = family.prefix() + unit;
            if (before.stream().noneMatch(n -> n.deviceName().equals(device))) {
                break;
            }
            unit++;
        }
        return new NetworkAttachment(family, unit, network, mac.or(() -> Optional.of(MacAddresses.random())), address);
    }

    private List<GuestNetwork> addressing() {
        List<GuestNetwork> out = new ArrayList<>();
        for (String spec : guestIps) {
            int eq = spec.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--guest-ip " + spec + ": write DEV=dhcp, DEV=manual or"
                        + " DEV=ADDRESS/PREFIX[,GATEWAY]");
            }
            String device = spec.substring(0, eq);
            String how = spec.substring(eq + 1).toLowerCase(Locale.ROOT);
            if (nets.stream().noneMatch(n -> n.startsWith(device + ":") || n.startsWith(device + "="))
                    && nets.stream().noneMatch(n -> n.startsWith("network="))) {
                throw new IllegalArgumentException("--guest-ip " + spec + ": there is no --net for " + device);
            }
            out.add(new GuestNetwork(device, switch (how) {
                case "dhcp" -> new GuestNetwork.Addressing.Dhcp();
                case "manual" -> new GuestNetwork.Addressing.Manual();
                default -> staticAddress(spec, how);
            }));
        }
        return out;
    }

    private static GuestNetwork.Addressing staticAddress(String spec, String how) {
        String[] parts = how.split(",", 2);
        int slash = parts[0].indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("--guest-ip " + spec + ": give the prefix length, e.g. 10.0.2.15/24");
        }
        int prefix;
        try {
            prefix = Integer.parseInt(parts[0].substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--guest-ip " + spec + ": the prefix length must be a number");
        }
        return new GuestNetwork.Addressing.Static(parts[0].substring(0, slash), prefix,
                parts.length > 1 ? Optional.of(parts[1]) : Optional.empty());
    }

    private List<ConsoleLine> consoleLines() {
        List<ConsoleLine> lines = new ArrayList<>();
        lines.add(ConsoleLine.allOf(LineKind.CON, LineSpec.of(ConsoleChannel.NULL)));
        for (int i = 0; i < consoles; i++) {
            lines.add(ConsoleLine.con(i, LineSpec.of(ConsoleChannel.EMBEDDED)));
        }
        return lines;
    }

    private boolean nameTaken() throws Exception {
        String lower = name.toLowerCase(Locale.ROOT);
        return Await.result(context.service().list()).instances().stream()
                .anyMatch(i -> i.name().toLowerCase(Locale.ROOT).equals(lower));
    }

    private void report(ProvisionResult result) throws Exception {
        Instance i = result.instance();
        context.out().println("Created instance '" + i.name() + "'.");
        context.out().println("  image:   " + result.image());
        result.cowFile().ifPresent(c -> context.out().println("  cow:     " + c));
        context.out().println("  memory:  " + i.memory().map(MemorySize::toKernelString).orElse("kernel default"));
        context.out().println("  command: " + Launch.shellLine(context, i));
        for (String note : result.notes()) {
            context.out().println("Note: " + note);
        }
    }

    private int userError(String message) {
        context.err().println("error: " + message);
        context.err().flush();
        return ErrorHandler.USER_ERROR;
    }
}
