package org.umlmanager.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.umlmanager.agent.AgentScript;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.model.AgentLine;

/**
 * Sets up a guest root filesystem in a host directory as the UML HowTo asks: the root ubd in
 * fstab, the host name, root's password hash, the network interfaces, login prompts on the
 * consoles a person can reach, and the kernel's modules. Works without root: it only writes
 * files; ownership is fixed when the image is made.
 */
public final class GuestSetup {

    static final String MARKER = "# Written by UML Manager.";

    private GuestSetup() {
    }

    /**
     * Applies {@code config} to the tree at {@code root}.
     *
     * @throws IOException when a file cannot be written; the message names the guest file
     */
    public static void apply(Path root, GuestConfig config, ProgressListener listener) throws IOException {
        apply(new GuestTree(root), config, listener);
    }

    static void apply(GuestTree tree, GuestConfig config, ProgressListener listener) throws IOException {
        GuestInit init = GuestInit.detect(tree);
        listener.log("Guest setup (" + init.name().toLowerCase() + " init): fstab, hostname "
                + config.hostname() + ", root password " + (config.rootPassword().isPresent() ? "set" : "none"));
        writeFstab(tree, config.rootDevice());
        writeHostname(tree, config.hostname());
        if (config.rootPassword().isPresent()) {
            writeShadow(tree, config.rootPassword().get());
        }
        tree.write("/etc/network/interfaces", NetworkFiles.interfaces(config.networks(), init), "rw-r--r--");
        switch (init) {
            case SYSTEMD -> SystemdConsoles.apply(tree, config, listener);
            case BUSYBOX -> BusyboxInit.apply(tree, config, listener);
            case UNKNOWN -> listener.log("No systemd or busybox init in the guest: login prompts not configured");
        }
        if (config.agent().isPresent()) {
            writeAgent(tree, init, config.agent().get(), listener);
        }
        if (config.kernelModules().isPresent()) {
            copyModules(tree, config.kernelModules().get(), listener);
        }
    }

    /** The agent of {@code uml-manager exec} and what starts it at boot: a systemd unit or an inittab line. */
    static void writeAgent(GuestTree tree, GuestInit init, AgentLine line, ProgressListener listener)
            throws IOException {
        tree.write(AgentScript.PATH, AgentScript.script(), "rwxr-xr-x");
        if (init == GuestInit.SYSTEMD) {
            String unit = "/etc/systemd/system/" + AgentScript.UNIT;
            tree.write(unit, AgentScript.systemdUnit(line), "rw-r--r--");
            tree.symlink("/etc/systemd/system/multi-user.target.wants/" + AgentScript.UNIT, unit);
        } else if (init == GuestInit.BUSYBOX && tree.read("/etc/init.d/rcS").orElse("").contains(MARKER)) {
            // Our rcS starts it early, so that the kernel's announcement of the line stays among the boot messages.
            tree.write(AgentScript.BUSYBOX_STARTER, AgentScript.busyboxStarter(line), "rwxr-xr-x");
        } else if (init == GuestInit.BUSYBOX) {
            // A guest's own rcS: its inittab gets a line that keeps the agent running, once.
            String inittab = tree.read("/etc/inittab").orElse("");
            String entry = BusyboxInit.agentEntry(line);
            if (!inittab.contains(entry)) {
                tree.write("/etc/inittab", inittab + (inittab.isEmpty() || inittab.endsWith("\n") ? "" : "\n") + entry
                        + "\n", "rw-r--r--");
            }
        } else {
            listener.log("No systemd or busybox init: the exec agent " + AgentScript.PATH + " is installed but not"
                    + " started; run it with '" + AgentScript.PATH + " " + line.guestDevice() + " &'");
            return;
        }
        listener.log("Command agent for uml-manager exec on " + line.name() + " (" + line.guestDevice() + ")");
    }

    static void writeFstab(GuestTree tree, String rootDevice) throws IOException {
        List<String> kept = new ArrayList<>();
        for (String line : tree.read("/etc/fstab").orElse("").split("\n")) {
            String[] f = line.strip().split("\\s+");
            boolean rootEntry = !line.strip().startsWith("#") && f.length > 1 && f[1].equals("/");
            if (!line.isBlank() && !rootEntry && !line.equals(MARKER)) {
                kept.add(line);
            }
        }
        StringBuilder b = new StringBuilder();
        kept.forEach(l -> b.append(l).append('\n'));
        b.append(MARKER).append('\n');
        b.append(rootDevice).append(" / ext4 discard,errors=remount-ro 0 1\n");
        tree.write("/etc/fstab", b.toString(), "rw-r--r--");
    }

    static void writeHostname(GuestTree tree, String hostname) throws IOException {
        tree.write("/etc/hostname", hostname + "\n", "rw-r--r--");
        String shortName = hostname.contains(".") ? hostname.substring(0, hostname.indexOf('.')) : hostname;
        StringBuilder hosts = new StringBuilder();
        hosts.append("127.0.0.1\tlocalhost\n");
        hosts.append("127.0.1.1\t").append(hostname.equals(shortName) ? hostname : hostname + "\t" + shortName)
                .append('\n');
        hosts.append("::1\t\tlocalhost ip6-localhost ip6-loopback\n");
        hosts.append("ff02::1\t\tip6-allnodes\nff02::2\t\tip6-allrouters\n");
        tree.write("/etc/hosts", hosts.toString(), "rw-r--r--");
    }

    /** Puts the hash in root's line of /etc/shadow (made if absent), with today as the last change. */
    static void writeShadow(GuestTree tree, PasswordHash hash) throws IOException {
        long today = LocalDate.now(ZoneOffset.UTC).toEpochDay();
        List<String> lines = new ArrayList<>();
        boolean found = false;
        for (String line : tree.read("/etc/shadow").orElse("").split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("root:")) {
                String[] f = line.split(":", -1);
                f[1] = hash.crypt();
                if (f.length > 2) {
                    f[2] = Long.toString(today);
                }
                line = String.join(":", f);
                found = true;
            }
            lines.add(line);
        }
        if (!found) {
            lines.add(0, "root:" + hash.crypt() + ":" + today + ":0:99999:7:::");
        }
        tree.rewrite("/etc/shadow", String.join("\n", lines) + "\n", "rw-------");
    }

    static void copyModules(GuestTree tree, Path source, ProgressListener listener) throws IOException {
        if (!Files.isDirectory(source)) {
            listener.log("Kernel modules: " + source + " not found, none copied");
            return;
        }
        Path target = tree.mkdirs("/lib/modules/" + source.getFileName());
        listener.log("Copying kernel modules " + source + " to /lib/modules/" + source.getFileName());
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(dest);
                    continue;
                }
                if (!Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
                    tree.remove(dest);
                }
                if (Files.isSymbolicLink(p)) {
                    Files.createSymbolicLink(dest, Files.readSymbolicLink(p));
                } else {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
