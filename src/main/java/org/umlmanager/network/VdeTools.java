package org.umlmanager.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.umlmanager.job.HostTools;

/** The host programs behind networks, and the apt line that installs them when they are missing. */
final class VdeTools {

    static final String APT_LINE = "sudo apt-get install vde2 libvdeplug-slirp";
    /** Where Debian's libvdeplug looks for its plugins, per architecture. */
    private static final List<String> PLUGIN_DIRS = List.of("/usr/lib/x86_64-linux-gnu/vdeplug",
            "/usr/lib/aarch64-linux-gnu/vdeplug", "/usr/lib/i386-linux-gnu/vdeplug", "/usr/lib/vdeplug",
            "/usr/local/lib/vdeplug");

    private VdeTools() {
    }

    static Path vdeSwitch() throws NetworkException {
        return HostTools.find("vde_switch").orElseThrow(() -> new NetworkException("networks need vde_switch, which"
                + " is not installed; install it with: " + APT_LINE, true));
    }

    static Path vdePlug() throws NetworkException {
        return HostTools.find("vde_plug").orElseThrow(() -> new NetworkException("NAT networks and capture need"
                + " vde_plug, which is not installed; install it with: " + APT_LINE, true));
    }

    /** The libslirp plugin of vde_plug ({@code slirp://}), Debian's libvdeplug-slirp. */
    static void requireSlirpPlugin() throws NetworkException {
        Optional<Path> plugin = PLUGIN_DIRS.stream().map(d -> Path.of(d, "libvdeplug_slirp.so"))
                .filter(Files::isRegularFile).findFirst();
        if (plugin.isEmpty()) {
            throw new NetworkException("NAT networks need vde_plug's slirp plugin (libvdeplug_slirp.so), which is"
                    + " not installed; install it with: " + APT_LINE, true);
        }
    }
}
