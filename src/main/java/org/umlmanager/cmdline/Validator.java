package org.umlmanager.cmdline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.umlmanager.model.Disk;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.Names;

/**
 * Finds what would panic, silently break or endanger a 6.1 guest, with a message per field.
 * Errors are what the kernel rejects, what panics or silently breaks the guest, and contradictions
 * within the configuration; what the host lacks (a file, directory or device it names, a place to
 * create a file) is a warning when saving and an error when starting ({@link
 * ValidationContext.HostChecks}). Pure apart from those host checks; safe from any thread.
 */
public final class Validator {

    /** sun_path holds 108 bytes including the terminating NUL. */
    static final int MAX_SOCKET_PATH = 107;
    /** The kernel's COMMAND_LINE_SIZE; a longer command line makes it exit at once. */
    static final int MAX_COMMAND_LINE = 4096;
    /**
     * Below this the kernel refuses to start or panics while setting up its memory map (measured on
     * 6.1.176: 16–32M fail or panic at random, depending on the exec-shield gap the host picks).
     */
    static final MemorySize MIN_MEMORY = MemorySize.ofMebibytes(32);
    /** Below this a boot fails now and then (a 40M guest panicked once in six boots); 48M never did. */
    static final MemorySize SAFE_MEMORY = MemorySize.ofMebibytes(48);

    private static final Pattern DEV_UBD_NUMBER = Pattern.compile("/dev/ubd/?([0-9]+)(p?[0-9]*)");
    private static final Pattern DEV_UBD_LETTER = Pattern.compile("/dev/ubd([a-z])([0-9]*)");
    private static final Pattern MAJOR_MINOR = Pattern.compile("98:([0-9]+)");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern CPU_LIST = Pattern.compile("[0-9]+(-[0-9]+(:[0-9]+)?)?(,[0-9]+(-[0-9]+(:[0-9]+)?)?)*");

    private Validator() {
    }

    /** Every problem of {@code instance}, errors and warnings, in field order. */
    public static List<Problem> validate(Instance instance, ValidationContext context) {
        List<Problem> p = new ArrayList<>();
        Names.instanceNameProblem(instance.name()).ifPresent(m -> p.add(Problem.error("name", instance.name(), m)));
        Names.umidProblem(instance.umid()).ifPresent(m -> p.add(Problem.error("umid", "umid=" + instance.umid(), m)));
        socketPath(instance, context, p);
        kernel(instance, context, p);
        memory(instance, p);
        root(instance, p);
        instance.init().filter(i -> !i.startsWith("/")).ifPresent(i -> p.add(Problem.warning("init", "init=" + i,
                "init must be an absolute path in the guest; write for example init=/sbin/init")));
        instance.init().filter(i -> i.isEmpty() || i.chars().anyMatch(Character::isWhitespace))
                .ifPresent(i -> p.add(Problem.error("init", "init=" + i, "the kernel splits its command line at"
                        + " spaces, so init= must be a path without spaces")));
        DiskChecks.check(instance, context, p);
        NetworkChecks.check(instance, p);
        ConsoleChecks.check(instance, context, p);
        instance.agent().filter(a -> instance.consoles().stream().noneMatch(c -> c.name().equals(a.name())
                && c.spec().embedded())).ifPresent(a -> p.add(Problem.warning("agent", a.name(), "uml-manager exec"
                + " talks to the guest's agent on " + a.name() + ", which is not an embedded line of this instance,"
                + " so exec cannot reach the guest; give it back its embedded " + a.name())));
        hostfs(instance, context, p);
        extraArgs(instance, p);
        environment(instance, p);
        instance.cpuPinning().filter(c -> !CPU_LIST.matcher(c).matches()).ifPresent(c -> p.add(Problem.error(
                "cpuPinning", "taskset -c " + c, "not a CPU list; write for example 0-3 or 0,2")));
        int length = String.join(" ", CommandLineGenerator.kernelArgs(instance, GenerateOptions.none()))
                .getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_COMMAND_LINE) {
            p.add(Problem.error("extraArgs", "command line", "the arguments take " + length + " bytes; the kernel"
                    + " exits at once above " + MAX_COMMAND_LINE + " (Too many command line arguments). Remove some"));
        }
        return p;
    }

    private static void socketPath(Instance instance, ValidationContext context, List<Problem> p) {
        socketPathProblem(instance, context.defaultUmlDir()).ifPresent(p::add);
        instance.umlDir().filter(d -> d.startsWith("~")).ifPresent(d -> p.add(Problem.warning("umlDir",
                "uml_dir=" + d, "the kernel does not expand ~ here; give the full path")));
    }

    /**
     * The error when the guest's mconsole socket ({@code uml_dir/umid/mconsole}) would not fit an
     * AF_UNIX address: the kernel would run without one, and nothing could stop it gracefully.
     * Checked wherever an instance is saved, so that a long name is refused then, not at start.
     *
     * @param defaultUmlDir the uml_dir of instances that set none; empty for the kernel's {@code ~/.uml}
     */
    public static Optional<Problem> socketPathProblem(Instance instance, Optional<Path> defaultUmlDir) {
        String dir = instance.umlDir().or(() -> defaultUmlDir.map(Path::toString))
                .orElseGet(() -> home() + "/.uml/");
        String path = dir + (dir.endsWith("/") ? "" : "/") + instance.umid() + "/mconsole";
        int bytes = path.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= MAX_SOCKET_PATH) {
            return Optional.empty();
        }
        boolean own = instance.umlDir().isPresent();
        return Optional.of(Problem.error(own ? "umlDir" : "umid", own ? "uml_dir=" + dir : "umid=" + instance.umid(),
                "the management socket " + path + " would be " + bytes + " bytes long, over the limit of "
                        + MAX_SOCKET_PATH + " of a Unix socket, so the guest would have no mconsole; use a shorter "
                        + (own ? "uml_dir" : "name or umid (or a shorter uml_dir)")));
    }

    private static String home() {
        String h = System.getenv("HOME");
        return h != null ? h : System.getProperty("user.home");
    }

    private static void kernel(Instance instance, ValidationContext context, List<Problem> p) {
        String k = instance.kernel();
        if (k.isBlank()) {
            p.add(Problem.error("kernel", "kernel", "no UML kernel given; install user-mode-linux and use 'linux'"));
            return;
        }
        if (!context.checkFiles()) {
            return;
        }
        if (k.contains("/")) {
            Path path = context.baseDir().resolve(k);
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                p.add(context.hostProblem("kernel", k, "not an executable file; give the path of a UML kernel such"
                        + " as /usr/bin/linux"));
            }
        } else if (!onPath(k)) {
            p.add(context.hostProblem("kernel", k, "not found on PATH; install it (apt-get install user-mode-linux)"
                    + " or give its full path"));
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }

    private static void memory(Instance instance, List<Problem> p) {
        if (instance.memory().isEmpty()) {
            return;
        }
        MemorySize m = instance.memory().get();
        String subject = "mem=" + m.toKernelString();
        if (m.compareTo(MIN_MEMORY) < 0) {
            p.add(Problem.error("memory", subject, "too little memory: below " + MIN_MEMORY + " the kernel refuses"
                    + " to start (Too few physical memory) or panics; give at least " + SAFE_MEMORY
                    + ", 256M for a Debian guest"));
        } else if (m.compareTo(SAFE_MEMORY) < 0) {
            p.add(Problem.warning("memory", subject, "below " + SAFE_MEMORY + " the kernel sometimes panics at"
                    + " boot, depending on the memory layout the host picks; give at least " + SAFE_MEMORY));
        }
    }

    private static void root(Instance instance, List<Problem> p) {
        if (instance.root().isEmpty()) {
            if (instance.disk(0).isEmpty()) {
                p.add(Problem.warning("root", "root=", "no root= and no disk on unit 0: the kernel mounts"
                        + " /dev/ubda, which falls back to ./root_fs in its working directory; add disk 0 or root="));
            }
            return;
        }
        String root = instance.root().get();
        String subject = "root=" + root;
        Matcher num = DEV_UBD_NUMBER.matcher(root);
        if (num.matches()) {
            String fix = fixedRoot(num.group(1), num.group(2));
            p.add(Problem.error("root", subject, "there is no " + root + " in 6.1 and the root mount panics;"
                    + " disks are named by letter: " + fix));
            return;
        }
        Optional<Integer> unit = Optional.empty();
        Matcher letter = DEV_UBD_LETTER.matcher(root);
        Matcher majorMinor = MAJOR_MINOR.matcher(root);
        if (letter.matches()) {
            unit = Optional.of(letter.group(1).charAt(0) - 'a');
        } else if (majorMinor.matches() && majorMinor.group(1).length() < 9) {
            unit = Optional.of(Integer.parseInt(majorMinor.group(1)) / 16);
        } else if (root.isEmpty()) {
            p.add(Problem.error("root", subject, "empty root device; write root=/dev/ubda or leave root= out"));
        }
        unit.filter(u -> instance.disk(u).isEmpty()).ifPresent(u -> p.add(Problem.error("root", subject,
                "no disk on unit " + u + " (" + Disk.deviceName(u) + "), so the root mount panics; add disk " + u
                        + " or point root= at a configured disk")));
    }

    private static String fixedRoot(String digits, String partition) {
        int n = digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (n >= Disk.MAX_UNITS) {
            return "units go from /dev/ubda (0) to /dev/ubdp (15)";
        }
        String part = partition.replace("p", "");
        return "write root=/dev/" + Disk.deviceName(n) + part
                + (n == 0 ? "" : " (unit " + n + "; /dev/ubda" + part + " is unit 0)");
    }

    private static void hostfs(Instance instance, ValidationContext context, List<Problem> p) {
        if (instance.hostfs().isEmpty()) {
            p.add(Problem.warning("hostfs", "hostfs=", "host access is not restricted: the guest can mount any host"
                    + " directory you can read or write (mount -t hostfs none /mnt -o /); turn it off with"
                    + " hostfs=" + HostfsShare.OFF_DIRECTORY + " ('No host access' in the editor), or share one"
                    + " folder with hostfs=DIR (which a guest's root can still leave with '..')"));
            return;
        }
        if (instance.hostfs().get().isOff()) {
            return;
        }
        String dir = instance.hostfs().get().directory();
        String subject = "hostfs=" + dir;
        if (dir.isEmpty()) {
            p.add(Problem.error("hostfs.directory", subject, "empty directory does not confine hostfs; give one"));
        } else if (dir.contains(",") || dir.chars().anyMatch(Character::isWhitespace)) {
            p.add(Problem.error("hostfs.directory", subject, "the kernel cuts the directory at ',' and its command"
                    + " line at spaces; use a directory without them (a symlink works)"));
        } else if (!dir.startsWith("/")) {
            p.add(Problem.warning("hostfs.directory", subject, "a relative directory depends on the kernel's working"
                    + " directory; give an absolute path"));
        } else if (context.checkFiles() && !Files.isDirectory(Path.of(dir))) {
            p.add(context.hostProblem("hostfs.directory", subject, dir + " is not a directory; create it or choose"
                    + " another"));
        }
    }

    private static void extraArgs(Instance instance, List<Problem> p) {
        List<String> extra = instance.extraArgs();
        int initArgs = extra.indexOf("--");
        for (int i = 0; i < extra.size(); i++) {
            String arg = extra.get(i);
            String field = "extraArgs[" + i + "]";
            ArgReading r;
            if (initArgs >= 0 && i > initArgs) {
                r = new ArgReading.Verbatim(AfterDashes.check(arg, option -> instance.root().isPresent()));
            } else if (i == initArgs) {
                r = new ArgReading.Verbatim(AfterDashes.checkDashes(instance.root().isPresent()));
            } else {
                r = ArgReader.read(arg);
            }
            if (r instanceof ArgReading.Verbatim v) {
                v.diagnosis().ifPresent(d -> p.add(new Problem(d.severity(), field, arg, d.message())));
            } else {
                p.add(Problem.warning(field, arg, "this option has its own setting (" + fieldOf(r) + "); set it"
                        + " there: as an extra argument it comes after the configured one and overrides or loses"
                        + " to it"));
            }
            if (arg.isEmpty() || arg.chars().anyMatch(Character::isWhitespace)) {
                p.add(Problem.warning(field, arg, "the kernel joins its arguments with spaces and splits them"
                        + " again, so the guest sees " + (arg.isEmpty() ? "nothing" : "separate words")
                        + "; give one word per argument"));
            }
        }
    }

    private static String fieldOf(ArgReading r) {
        if (r instanceof ArgReading.DiskArg) {
            return "disks";
        }
        if (r instanceof ArgReading.NetArg) {
            return "network interfaces";
        }
        if (r instanceof ArgReading.LineArg) {
            return "consoles";
        }
        if (r instanceof ArgReading.Memory) {
            return "memory";
        }
        if (r instanceof ArgReading.Umid) {
            return "umid";
        }
        if (r instanceof ArgReading.UmlDir) {
            return "uml_dir";
        }
        if (r instanceof ArgReading.Hostfs) {
            return "hostfs";
        }
        return r instanceof ArgReading.Root ? "root device" : "init";
    }

    private static void environment(Instance instance, List<Problem> p) {
        instance.environment().forEach((k, v) -> {
            if (!ENV_NAME.matcher(k).matches()) {
                p.add(Problem.error("environment", k + "=" + v, "'" + k + "' is not a variable name; use letters,"
                        + " digits and '_', not starting with a digit"));
            }
        });
    }
}
