package org.umlmanager.cmdline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.model.LegacyInterface;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.NetworkInterface;
import org.umlmanager.model.VectorInterface;

/**
 * Writes the exact argv for an {@link Instance}, one argv element per option, in a fixed order:
 * memory, umid, uml_dir, root, init, disks, networks, consoles, hostfs, the notify socket, then the
 * extra arguments verbatim. Pure functions; safe from any thread. The instance is written as it is:
 * validate it first ({@link Validator}).
 */
public final class CommandLineGenerator {

    /** What the first embedded console becomes: the launcher's pty on the kernel's stdin and stdout. */
    static final String EMBEDDED_FIRST = "fd:0,fd:1";

    private CommandLineGenerator() {
    }

    /** The kernel's arguments (without the binary) as configured. */
    public static List<String> kernelArgs(Instance instance, GenerateOptions options) {
        List<String> args = new ArrayList<>();
        instance.memory().ifPresent(m -> args.add("mem=" + m.toKernelString()));
        args.add("umid=" + instance.umid());
        instance.umlDir().or(() -> options.umlDir().map(Object::toString)).ifPresent(d -> args.add("uml_dir=" + d));
        instance.root().ifPresent(r -> args.add("root=" + r));
        instance.init().ifPresent(i -> args.add("init=" + i));
        for (Disk d : instance.disks()) {
            args.add(DiskArgs.write(d));
        }
        for (NetworkInterface n : instance.networks()) {
            args.add(write(n, options.attachments()));
        }
        Optional<ConsoleLine> first = firstEmbedded(instance.consoles());
        for (ConsoleLine line : instance.consoles()) {
            String spec = first.isPresent() && first.get() == line ? EMBEDDED_FIRST : ConsoleArgs.spec(line.spec());
            args.add(line.name() + "=" + spec);
        }
        instance.hostfs().ifPresent(h -> args.add("hostfs=" + h.directory() + (h.append() ? ",append" : "")));
        options.notifySocket().ifPresent(s -> args.add("mconsole=notify:" + s));
        boolean initArgs = false;
        for (String extra : instance.extraArgs()) {
            initArgs |= extra.equals("--");
            // The launcher's own notify socket is how it learns that the guest is up; a second one would win.
            if (initArgs || options.notifySocket().isEmpty() || !extra.startsWith("mconsole=")) {
                args.add(extra);
            }
        }
        return args;
    }

    /** One interface's argument; an attachment as its resolver says, or as a placeholder that names the network. */
    static String write(NetworkInterface n, AttachmentResolver resolver) {
        return n.accept(new NetworkInterface.Visitor<String>() {
            public String vector(VectorInterface v) {
                return VectorArgs.write(v);
            }

            public String legacy(LegacyInterface l) {
                return LegacyArgs.write(l);
            }

            public String attachment(NetworkAttachment a) {
                Optional<NetworkInterface> resolved = resolver.resolve(a);
                if (resolved.isPresent() && !(resolved.get() instanceof NetworkAttachment)) {
                    return write(resolved.get(), resolver);
                }
                return a.deviceName() + (a.family() == NetworkAttachment.Family.VEC ? ":transport=" : "=")
                        + "network:" + a.network() + a.mac().map(m -> "," + m).orElse("");
            }
        });
    }

    /**
     * The line that gets the launcher's terminal: the embedded console or serial line with the
     * lowest number, consoles before serial lines. The others are written as {@code pts}.
     */
    public static Optional<ConsoleLine> firstEmbedded(List<ConsoleLine> consoles) {
        return consoles.stream()
                .filter(l -> l.index().isPresent() && l.spec() instanceof LineSpec.Single s
                        && s.channel() instanceof ConsoleChannel.Embedded)
                .min(Comparator.comparing((ConsoleLine l) -> l.kind().ordinal())
                        .thenComparingInt(l -> l.index().getAsInt()));
    }

    /** Environment and full argv (taskset prefix, binary, arguments) to start the instance. */
    public static LaunchCommand launchCommand(Instance instance, GenerateOptions options) {
        List<String> argv = new ArrayList<>();
        instance.cpuPinning().ifPresent(cpus -> {
            argv.add("taskset");
            argv.add("-c");
            argv.add(cpus);
        });
        argv.add(instance.kernel());
        argv.addAll(kernelArgs(instance, options));
        return new LaunchCommand(instance.environment(), argv);
    }
}
