package org.umlmanager.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which features the host cannot offer because a program is missing, and which Debian package
 * brings it: the window names them with the exact install command instead of failing later
 * (virt-manager's "libvirtd is not installed" notice). Pure: the program lookup is passed in.
 */
public final class HostCheck {

    /**
     * A feature that does not work on this host.
     *
     * @param feature       what the user cannot do, e.g. "Starting machines"
     * @param needs         what is missing, e.g. "the User Mode Linux kernel (/usr/bin/linux)"
     * @param debianPackage the package that brings it
     */
    public record Missing(String feature, String needs, String debianPackage) {
    }

    private record Tool(String program, String feature, String needs, String debianPackage) {
    }

    private static final List<Tool> TOOLS = List.of(
            new Tool("uml_switch", "Networks on a uml_switch (daemon transport)", "uml_switch", "uml-utilities"),
            new Tool("vde_switch", "VDE networks and user-mode NAT (vde transport)", "vde_switch and slirpvde",
                    "vde2"),
            new Tool("mmdebstrap", "New Debian machines", "mmdebstrap", "mmdebstrap"),
            new Tool("busybox", "New busybox machines", "busybox", "busybox-static"),
            new Tool("mkfs.ext4", "New machines and disk images", "mkfs.ext4", "e2fsprogs"));

    private final Function<String, Optional<Path>> find;

    /** @param find looks a program up by name, as {@link HostTools#find} does */
    public HostCheck(Function<String, Optional<Path>> find) {
        this.find = find;
    }

    /** Looks programs up on this host's PATH and sbin directories. */
    public static HostCheck system() {
        return new HostCheck(HostTools::find);
    }

    /**
     * The features this host lacks, the kernel first.
     *
     * @param kernel the kernel new machines get: a path, or a program name looked up like the others
     */
    public List<Missing> missing(String kernel) {
        List<Missing> missing = new ArrayList<>();
        Path path = Path.of(kernel);
        boolean kernelThere = path.isAbsolute() ? Files.isRegularFile(path) && Files.isExecutable(path)
                : find.apply(kernel).isPresent();
        if (!kernelThere) {
            missing.add(new Missing("Starting machines", "the User Mode Linux kernel (" + kernel + ")",
                    "user-mode-linux"));
        }
        for (Tool tool : TOOLS) {
            if (find.apply(tool.program()).isEmpty()) {
                missing.add(new Missing(tool.feature(), tool.needs(), tool.debianPackage()));
            }
        }
        return missing;
    }

    /** The one command that installs everything {@code missing} names. */
    public static String installCommand(List<Missing> missing) {
        Set<String> packages = new LinkedHashSet<>();
        missing.forEach(m -> packages.add(m.debianPackage()));
        return "sudo apt-get install " + String.join(" ", packages);
    }
}
