package org.umlmanager.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.umlmanager.job.Cancellation;
import org.umlmanager.model.Network;
import org.umlmanager.model.PortForward;
import org.umlmanager.model.Subnet;
import org.umlmanager.network.GuestRegistration;
import org.umlmanager.network.NetworkCapture;
import org.umlmanager.network.NetworkState;
import org.umlmanager.network.NetworkStatus;
import org.umlmanager.service.NetworkView;
import org.umlmanager.storage.LoadProblem;
import org.umlmanager.storage.NetworkJson;
import org.umlmanager.storage.NetworkLoadReport;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code uml-manager network …}: the saved networks and their processes. */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = {"Networks guests connect to by name: NAT to the outside and the host, or switched LANs"
                + " between guests. Their processes run without root and stop with their last guest.",
            "Examples:",
            "  uml-manager network create lab --switch",
            "  uml-manager network create web --nat --subnet 10.0.5.0/24 --forward 8080:80",
            "  uml-manager create vm1 --rootfs busybox --net network=lab,ip=192.168.50.2/24"})
final class NetworkCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** The command with its subcommands, each given the context. */
    static CommandLine commandLine(CliContext context) {
        return new CommandLine(new NetworkCommand())
                .addSubcommand(new ListCmd(context))
                .addSubcommand(new ShowCmd(context))
                .addSubcommand(new CreateCmd(context))
                .addSubcommand(new DeleteCmd(context))
                .addSubcommand(new StartCmd(context))
                .addSubcommand(new StopCmd(context))
                .addSubcommand(new CaptureCmd(context));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static NetworkJson.Runtime runtime(NetworkView v) {
        NetworkStatus s = v.status();
        boolean device = v.network() instanceof Network.HostDevice;
        return new NetworkJson.Runtime(device ? "host device" : s.stateWord(),
                s.state().map(NetworkState::reason).orElse(""), s.pinned(),
                s.guests().stream().map(GuestRegistration::instance).toList(), v.users(),
                device ? null : s.switchDir().toString(), s.state().map(NetworkState::events).orElse(List.of()));
    }

    static String describe(Network n) {
        if (n instanceof Network.Nat nat) {
            return "NAT " + nat.subnet();
        }
        if (n instanceof Network.Switch s) {
            return s.hub() ? "switch (hub)" : "switch";
        }
        return "host device " + ((Network.HostDevice) n).transport().name();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the networks and their state.")
    static final class ListCmd implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--json", description = "Print JSON for scripts instead of a table.")
        boolean json;

        ListCmd(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            NetworkLoadReport report = Await.result(context.networks().definitions());
            List<NetworkView> views = Await.result(context.networks().list());
            for (LoadProblem problem : report.problems()) {
                context.err().println("warning: " + problem);
            }
            if (json) {
                context.out().print(NetworkJson.of(views.stream().map(NetworkView::network).toList(),
                        views.stream().map(NetworkCommand::runtime).toList(), report.problems()));
                return 0;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NAME", "KIND", "STATE", "GUESTS", "USED BY"});
            for (NetworkView v : views) {
                NetworkJson.Runtime r = runtime(v);
                rows.add(new String[] {v.name(), describe(v.network()), r.state(),
                        r.guests().isEmpty() ? "-" : String.join(",", r.guests()),
                        v.users().isEmpty() ? "-" : String.join(",", v.users())});
            }
            context.out().print(table(rows));
            return 0;
        }
    }

    static String table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a network: settings, state,"
            + " guests, sockets and recent events.")
    static final class ShowCmd implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The network.")
        String name;

        @Option(names = "--json", description = "Print JSON for scripts instead of text.")
        boolean json;

        ShowCmd(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            NetworkView v = Await.result(context.networks().get(name));
            NetworkJson.Runtime r = runtime(v);
            if (json) {
                context.out().print(NetworkJson.of(v.network(), r));
                return 0;
            }
            StringBuilder t = new StringBuilder();
            line(t, "Name", v.name());
            if (v.network() instanceof Network.Nat nat) {
                line(t, "Kind", "NAT (libslirp): the guests reach the outside, and the host's own services at "
                        + nat.gateway());
                line(t, "Subnet", nat.subnet().toString());
                line(t, "Gateway", nat.gateway() + " (the host)");
                line(t, "DNS", nat.dns().toString());
                line(t, "DHCP range", nat.dhcpStart() + " – " + nat.dhcpEnd());
                line(t, "Forwards", nat.forwards().isEmpty() ? "none" : "");
                nat.forwards().forEach(f -> t.append("  ").append(f.describe()).append('\n'));
            } else if (v.network() instanceof Network.Switch s) {
                line(t, "Kind", s.hub() ? "switch in hub mode: every guest sees every frame" : "switch: a LAN between"
                        + " its guests only");
            } else {
                line(t, "Kind", "host device: vector transport " + ((Network.HostDevice) v.network()).transport()
                        .name());
            }
            line(t, "State", r.state() + (r.reason().isEmpty() ? "" : " (" + r.reason() + ")")
                    + (r.pinned() ? ", started on its own" : ""));
            line(t, "Guests", r.guests().isEmpty() ? "none running" : String.join(", ", r.guests()));
            line(t, "Used by", v.users().isEmpty() ? "no instance" : String.join(", ", v.users()));
            if (r.switchDir() != null) {
                line(t, "Sockets", r.switchDir());
            }
            if (!r.events().isEmpty()) {
                t.append("Events:\n");
                r.events().forEach(e -> t.append("  ").append(e).append('\n'));
            }
            context.out().print(t);
            return 0;
        }

        private static void line(StringBuilder t, String label, String value) {
            t.append(String.format("%-12s %s", label + ":", value).stripTrailing()).append('\n');
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Save a new network.",
                "  --nat: guests get addresses by DHCP, reach the outside and the host (at the gateway address);",
                "  --switch: a LAN between the guests on it and nothing else."})
    static final class CreateCmd implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The new network's name.")
        String name;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Kind kind;

        static final class Kind {
            @Option(names = "--nat", required = true, description = "A NAT network (libslirp).")
            boolean nat;

            @Option(names = "--switch", required = true, description = "A switched LAN between guests.")
            boolean lan;
        }

        @Option(names = "--subnet", paramLabel = "CIDR", description = "NAT only: the subnet (default: the first"
                + " free /24 in 10.0.0.0/8 from 10.0.2.0/24 on). The host is .2, DNS .3, DHCP from .15.")
        String subnet;

        @Option(names = "--forward", paramLabel = "[udp:]HOSTPORT:GUESTPORT", description = "NAT only: a host port"
                + " (on 127.0.0.1 unless HOSTADDR: is given) forwarded to a guest's port, by default at the first DHCP"
                + " address; repeatable. Full form: [udp:][HOSTADDR:]HOSTPORT:[GUESTADDR:]GUESTPORT.")
        List<String> forwards = new ArrayList<>();

        @Option(names = "--hub", description = "Switch only: every guest sees every frame.")
        boolean hub;

        CreateCmd(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            Network network;
            if (kind.nat) {
                if (hub) {
                    return userError(context, "--hub is for --switch networks");
                }
                Subnet s;
                if (subnet != null) {
                    Subnet.Result parsed = Subnet.parse(subnet);
                    if (parsed.subnet().isEmpty()) {
                        return userError(context, "--subnet " + subnet + ": " + parsed.problem().orElseThrow());
                    }
                    s = parsed.subnet().get();
                } else {
                    List<Network> all = Await.result(context.networks().definitions()).networks();
                    s = all.stream().noneMatch(n -> n.ownSubnet().filter(Network.DEFAULT_SUBNET::overlaps).isPresent())
                            ? Network.DEFAULT_SUBNET
                            : org.umlmanager.network.NetworkChecks.freeSubnet(all, 24).orElseThrow(() ->
                                    new IllegalStateException("no free /24 is left in 10.0.0.0/8; give --subnet"));
                }
                Network.Nat nat = Network.Nat.withDefaults(name, s);
                List<PortForward> parsed = new ArrayList<>();
                for (String f : forwards) {
                    try {
                        parsed.add(PortForward.parse(f, nat.dhcpStart()));
                    } catch (IllegalArgumentException e) {
                        return userError(context, "--forward " + f + ": " + e.getMessage());
                    }
                }
                network = nat.withForwards(parsed);
            } else {
                if (subnet != null || !forwards.isEmpty()) {
                    return userError(context, "--subnet and --forward are for --nat networks; a switch has no"
                            + " addresses of its own (give guests --net network=" + name + ",ip=ADDRESS/PREFIX)");
                }
                network = new Network.Switch(name, hub);
            }
            Await.result(context.networks().create(network));
            context.out().println("Created network '" + name + "' (" + describe(network) + ").");
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a saved network (refused while"
            + " an instance has an interface on it).")
    static final class DeleteCmd implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The network.")
        String name;

        DeleteCmd(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            Await.result(context.networks().delete(name));
            context.out().println("Deleted network '" + name + "'.");
            return 0;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start a network's processes on their"
            + " own; they then run until 'network stop', with or without guests.")
    static final class StartCmd implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The network.")
        String name;

        StartCmd(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            NetworkStatus s = Await.result(context.networks().start(name));
            context.out().println("Network '" + name + "' is running (switch pid "
                    + s.state().flatMap(st -> st.switchPid().isPresent() ? java.util.Optional.of(
                    st.switchPid().getAsLong()) : java.util.Optional.empty()).map(Object::toString).orElse("?")
                    + ", sockets in " + s.switchDir() + ").");
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a network's processes (refused"
            + " while guests use it).")
    static final class StopCmd implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "NAME", description = "The network.")
        String name;

        StopCmd(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            Await.result(context.networks().stop(name));
            context.out().println("Network '" + name + "' is stopped.");
            return 0;
        }
    }

    @Command(name = "capture", mixinStandardHelpOptions = true, description = {"Write the traffic on a running"
            + " network's switch to a pcap file (tcpdump -r FILE, Wireshark). Without a limit it runs until"
            + " Ctrl-C."})
    static final class CaptureCmd implements Callable<Integer> {
        private final CliContext context;

        @Parameters(index = "0", paramLabel = "NAME", description = "The network.")
        String name;

        @Parameters(index = "1", paramLabel = "FILE", description = "The pcap file to write.")
        Path file;

        @ArgGroup(exclusive = true)
        Limit limit;

        static final class Limit {
            @Option(names = "--seconds", paramLabel = "S", description = "Stop after S seconds.")
            Integer seconds;

            @Option(names = "--count", paramLabel = "N", description = "Stop after N frames.")
            Long count;
        }

        CaptureCmd(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            NetworkCapture.Limit l = new NetworkCapture.Limit.Open();
            if (limit != null && limit.seconds != null) {
                if (limit.seconds < 1) {
                    return userError(context, "--seconds must be at least 1");
                }
                l = new NetworkCapture.Limit.Seconds(Duration.ofSeconds(limit.seconds));
            } else if (limit != null && limit.count != null) {
                if (limit.count < 1) {
                    return userError(context, "--count must be at least 1");
                }
                l = new NetworkCapture.Limit.Count(limit.count);
            }
            Path target = context.environment().workingDirectory().resolve(file);
            Cancellation cancel = new Cancellation();
            CountDownLatch finished = new CountDownLatch(1);
            Thread onExit = new Thread(() -> {
                cancel.cancel();
                try {
                    finished.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "capture-cancel");
            Runtime.getRuntime().addShutdownHook(onExit);
            NetworkCapture.Result result;
            try {
                result = Await.result(context.networks().capture(name, target, l, n -> { }, cancel));
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(onExit);
                } catch (IllegalStateException e) {
                    // Shutting down: the hook waits for the file to be complete.
                }
            }
            context.err().println("Captured " + result.packets() + " frame" + (result.packets() == 1 ? "" : "s")
                    + " in " + String.format(Locale.ROOT, "%.1f", result.duration().toMillis() / 1000.0) + " s to "
                    + result.file() + ".");
            return 0;
        }
    }

    static int userError(CliContext context, String message) {
        context.err().println("error: " + message);
        context.err().flush();
        return ErrorHandler.USER_ERROR;
    }
}
