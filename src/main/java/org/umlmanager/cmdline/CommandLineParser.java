package org.umlmanager.cmdline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.model.NetworkInterface;

/**
 * Reads an existing UML command line into an {@link org.umlmanager.model.Instance}. Pure functions;
 * safe from any thread.
 */
public final class CommandLineParser {

    private CommandLineParser() {
    }

    /**
     * Parses the kernel's arguments (without the binary), one argv element per option as UML
     * itself takes them. Never throws for bad input: problems are reported in the result. The
     * problems are those of reading (ignored duplicates, a missing umid) followed by the
     * {@link Validator}'s findings without file checks.
     */
    public static ParseResult parse(String name, List<String> kernelArgs) {
        return parse(name, kernelArgs, ValidationContext.syntaxOnly());
    }

    /** As {@link #parse(String, List)}, validating with {@code context} (for example with file checks). */
    public static ParseResult parse(String name, List<String> kernelArgs, ValidationContext context) {
        Reading r = read(Instance.builder(name), kernelArgs);
        List<Problem> problems = new ArrayList<>();
        if (!kernelArgs.isEmpty() && looksLikeKernelBinary(kernelArgs.get(0))) {
            problems.add(Problem.error("kernel", kernelArgs.get(0), "this looks like the kernel binary, but only the"
                    + " kernel's arguments are expected here (a bare word would be handed to the guest's init);"
                    + " leave it out and set the kernel binary instead (uml-manager import --kernel PATH)"));
        }
        problems.addAll(r.problems);
        return new ParseResult(r.instance, merge(problems, Validator.validate(r.instance, context)));
    }

    /** {@code linux}, {@code ./linux-6.1}, {@code /usr/bin/linux.uml}, {@code vmlinux}: not an init argument. */
    static boolean looksLikeKernelBinary(String arg) {
        if (arg.isEmpty() || arg.contains("=") || arg.startsWith("-")) {
            return false;
        }
        String base = arg.substring(arg.lastIndexOf('/') + 1);
        return base.equals("linux") || base.startsWith("linux.") || base.startsWith("linux-")
                || base.equals("vmlinux") || (arg.contains("/") && java.nio.file.Files.isExecutable(Path.of(arg))
                && java.nio.file.Files.isRegularFile(Path.of(arg)));
    }

    /**
     * Parses a command line pasted from a shell script: leading {@code VAR=value} assignments become
     * the environment, {@code taskset -c LIST} (or a mask) the CPU pinning, the first other word
     * the kernel binary, the rest its arguments. Quotes, backslashes, line continuations, comments
     * and {@code ~/} are handled as a POSIX shell would; {@code $VARIABLES} are not expanded and
     * are reported. Without a binary (the text starts with a kernel option) every word is an argument.
     */
    public static ParseResult parseShellLine(String name, String text) {
        return parseShellLine(name, text, Path.of(System.getProperty("user.home")), ValidationContext.syntaxOnly());
    }

    /** As {@link #parseShellLine(String, String)}, expanding {@code ~} to {@code home}, validating with {@code context}. */
    public static ParseResult parseShellLine(String name, String text, Path home, ValidationContext context) {
        ShellCommand cmd = ShellCommand.of(text, home.toString());
        Instance.Builder b = Instance.builder(name);
        cmd.kernel().ifPresent(b::kernel);
        b.environment(cmd.environment());
        cmd.cpuList().ifPresent(b::cpuPinning);
        Reading r = read(b, cmd.arguments());
        List<Problem> problems = new ArrayList<>(cmd.problems());
        problems.addAll(r.problems);
        return new ParseResult(r.instance, merge(problems, Validator.validate(r.instance, context)));
    }

    private static List<Problem> merge(List<Problem> first, List<Problem> second) {
        List<Problem> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private record Reading(Instance instance, List<Problem> problems) {
    }

    /** Builds the instance; duplicates are resolved the way the kernel resolves them (docs/KERNEL.md §3.2). */
    private static Reading read(Instance.Builder b, List<String> args) {
        List<Problem> problems = new ArrayList<>();
        List<Disk> disks = new ArrayList<>();
        List<NetworkInterface> nets = new ArrayList<>();
        List<ConsoleLine> consoles = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        String umid = null;
        Last mem = new Last("memory", "mem");
        Last umlDir = new Last("umlDir", "uml_dir");
        Last root = new Last("root", "root");
        Last init = new Last("init", "init");
        Last hostfs = new Last("hostfs", "hostfs");
        boolean initArgs = false;
        for (String arg : args) {
            // After "--" the kernel hands everything to init: keep it in place, untouched.
            initArgs |= arg.equals("--");
            ArgReading reading = initArgs ? ArgReading.Verbatim.FINE : ArgReader.read(arg);
            if (reading instanceof ArgReading.Memory m) {
                mem.set(arg, problems);
                b.memory(m.size());
            } else if (reading instanceof ArgReading.Umid u) {
                if (umid == null) {
                    umid = u.umid();
                    b.umid(umid);
                } else {
                    problems.add(Problem.warning("umid", arg, "ignored: the kernel keeps the first umid= (umid="
                            + umid + "); remove this one"));
                }
            } else if (reading instanceof ArgReading.UmlDir d) {
                umlDir.set(arg, problems);
                b.umlDir(d.dir());
            } else if (reading instanceof ArgReading.Root rt) {
                root.set(arg, problems);
                b.root(rt.root());
            } else if (reading instanceof ArgReading.Init in) {
                init.set(arg, problems);
                b.init(in.init());
            } else if (reading instanceof ArgReading.Hostfs h) {
                hostfs.set(arg, problems);
                b.hostfs(h.share());
            } else if (reading instanceof ArgReading.DiskArg d) {
                // The kernel checks the range before "already configured": out-of-range disks never clash.
                int unit = d.disk().unit();
                int i = unit < Disk.MAX_UNITS ? indexOf(disks, x -> x.unit() == unit) : -1;
                if (i < 0) {
                    disks.add(d.disk());
                } else {
                    problems.add(Problem.warning("disks[" + i + "]", arg, "ignored: the kernel keeps the first "
                            + "ubd" + d.disk().unit() + " (" + DiskArgs.write(disks.get(i))
                            + ") and reports 'Device is already configured'; remove one of them"));
                }
            } else if (reading instanceof ArgReading.NetArg n) {
                int i = indexOf(nets, x -> x.deviceName().equals(n.nic().deviceName()));
                if (i < 0) {
                    nets.add(n.nic());
                } else {
                    problems.add(Problem.warning("networks[" + i + "]", arg, "ignored: the kernel keeps the first "
                            + n.nic().deviceName() + "; give each interface its own number"));
                }
            } else if (reading instanceof ArgReading.LineArg l) {
                ConsoleLine line = l.line();
                int i = indexOf(consoles, x -> x.kind() == line.kind() && x.index().equals(line.index()));
                if (i < 0) {
                    consoles.add(line);
                } else {
                    problems.add(Problem.warning("consoles[" + i + "]", line.name() + "="
                            + ConsoleArgs.spec(consoles.get(i).spec()), "overridden: the kernel uses the last "
                            + line.name() + "= (" + arg + "); remove the earlier one"));
                    consoles.set(i, line);
                }
            } else {
                extra.add(arg);
            }
        }
        if (umid == null) {
            Instance named = b.build();
            problems.add(Problem.warning("umid", "umid=", "no umid= given: the kernel would pick a random one;"
                    + " using the instance name '" + named.umid() + "'"));
        }
        Instance instance = b.disks(disks).networks(nets).consoles(consoles).extraArgs(extra).build();
        return new Reading(instance, problems);
    }

    private static <T> int indexOf(List<T> list, Predicate<T> p) {
        for (int i = 0; i < list.size(); i++) {
            if (p.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** A switch where the last occurrence wins: each earlier one is reported when overridden. */
    private static final class Last {
        private final String field;
        private final String option;
        private Optional<String> previous = Optional.empty();

        Last(String field, String option) {
            this.field = field;
            this.option = option;
        }

        void set(String arg, List<Problem> problems) {
            previous.filter(p -> !Objects.equals(p, arg)).ifPresent(p -> problems.add(Problem.warning(field, p,
                    "overridden: the kernel uses the last " + option + "= (" + arg + "); remove the earlier one")));
            previous = Optional.of(arg);
        }
    }
}
