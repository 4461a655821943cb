package org.umlmanager.cmdline;

import java.util.List;
import java.util.Optional;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.MemorySize;

/**
 * Classifies one argv element the way the 6.1 kernel dispatches it: first UML's early switches,
 * then the {@code __setup} handlers, which match by <em>prefix</em> (so {@code conmode=1} belongs
 * to the console driver), and everything else goes to the guest's init.
 */
final class ArgReader {

    /** Early UML switches that stay on the kernel command line and need no model field. */
    private static final List<String> PLAIN_SWITCHES = List.of("iomem=", "console=", "initrd=", "xterm=",
            "quiet", "noreboot", "nosysemu", "ssl-non-raw");

    private ArgReader() {
    }

    static ArgReading read(String arg) {
        if (arg.startsWith("mem=")) {
            Optional<MemorySize> size = MemorySize.parse(arg.substring(4));
            return size.<ArgReading>map(ArgReading.Memory::new).orElseGet(() -> ArgReading.Verbatim.error(
                    "'" + arg.substring(4) + "' is not a memory size; write a number with K, M or G, e.g. mem=256M"));
        }
        if (arg.startsWith("umid=")) {
            return new ArgReading.Umid(arg.substring(5));
        }
        if (arg.startsWith("uml_dir=")) {
            return arg.length() == 8 ? ArgReading.Verbatim.error("uml_dir can't be an empty string; give a"
                    + " directory or leave uml_dir= out") : new ArgReading.UmlDir(arg.substring(8));
        }
        if (arg.startsWith("root=")) {
            return new ArgReading.Root(arg.substring(5));
        }
        if (arg.startsWith("init=")) {
            return new ArgReading.Init(arg.substring(5));
        }
        if (arg.startsWith("hostfs=")) {
            return hostfs(arg.substring(7));
        }
        if (arg.equals("--help") || arg.equals("--version") || arg.equals("--showconfig")) {
            return ArgReading.Verbatim.error("makes the kernel print and exit instead of booting; remove it");
        }
        if (arg.startsWith("debug") && !arg.equals("debug")) {
            return ArgReading.Verbatim.warning("the kernel reads every option starting with 'debug' as UML's"
                    + " obsolete debug switch, so it never reaches init; rename it");
        }
        for (String s : PLAIN_SWITCHES) {
            if (arg.startsWith(s)) {
                return ArgReading.Verbatim.FINE;
            }
        }
        if (arg.startsWith("con") && !arg.startsWith("console=")) {
            return ConsoleArgs.read(LineKind.CON, arg);
        }
        if (arg.startsWith("ssl")) {
            return ConsoleArgs.read(LineKind.SSL, arg);
        }
        if (arg.startsWith("ubd")) {
            return DiskArgs.read(arg);
        }
        if (arg.startsWith("udb")) {
            return ArgReading.Verbatim.error("the kernel treats every option starting with 'udb' as a typo of"
                    + " 'ubd' and ignores it; write " + "ubd" + arg.substring(3));
        }
        if (arg.startsWith("fake_ide")) {
            return ArgReading.Verbatim.warning("fake_ide was removed from the kernel and does nothing; remove it");
        }
        if (arg.startsWith("eth")) {
            return LegacyArgs.read(arg);
        }
        if (arg.startsWith("vec")) {
            return VectorArgs.read(arg);
        }
        if (arg.startsWith("mconsole=")) {
            return arg.startsWith("mconsole=notify:")
                    ? ArgReading.Verbatim.warning("UML Manager passes its own mconsole=notify: socket to learn when"
                    + " the guest is ready, and drops this one when it starts the instance; remove it")
                    : ArgReading.Verbatim.error("the kernel ignores mconsole=" + arg.substring(9)
                    + " (only mconsole=notify:SOCKET exists); remove it");
        }
        return ArgReading.Verbatim.FINE;
    }

    private static ArgReading hostfs(String value) {
        int comma = value.indexOf(',');
        String dir = comma < 0 ? value : value.substring(0, comma);
        String flags = comma < 0 ? "" : value.substring(comma + 1);
        if (dir.isEmpty()) {
            return ArgReading.Verbatim.warning("hostfs= without a directory does not confine hostfs; write"
                    + " hostfs=/DIR so that guest mounts stay under DIR");
        }
        if (!flags.isEmpty() && !flags.equals("append")) {
            return ArgReading.Verbatim.warning("the kernel ignores hostfs option '" + flags
                    + "'; the only option is append (hostfs=" + dir + ",append)");
        }
        return new ArgReading.Hostfs(new HostfsShare(dir, !flags.isEmpty()));
    }
}
