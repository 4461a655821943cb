package org.umlmanager.provision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;

/**
 * Installs Debian into a directory with mmdebstrap, always in its unshare mode: for root that
 * means a private mount namespace, so that no /proc or /dev mount of the bootstrap can outlive a
 * cancelled or crashed run inside our work directory.
 */
final class DebianBootstrap {

    /**
     * Packages a bootable UML guest needs beyond minbase: init, device nodes, network configuration,
     * and kmod, without which the copied kernel modules cannot be loaded (and kmod-static-nodes fails).
     */
    static final List<String> BASE_PACKAGES = List.of("systemd-sysv", "udev", "ifupdown", "iproute2", "kmod");
    static final String DHCP_CLIENT = "isc-dhcp-client";
    static final String FALLBACK_MIRROR = "http://deb.debian.org/debian";

    /** mmdebstrap's "I:" lines and how far along each one means the bootstrap is. */
    private static final Map<String, Double> PHASES = Map.of(
            "I: running apt-get update", 0.05,
            "I: downloading packages", 0.15,
            "I: extracting archives", 0.45,
            "I: installing essential packages", 0.55,
            "I: installing remaining packages", 0.75,
            "I: cleaning package lists", 0.95,
            "I: success", 1.0);

    private DebianBootstrap() {
    }

    static Path mmdebstrap() throws ProvisionException {
        return CommandRunner.which("mmdebstrap").orElseThrow(() -> new ProvisionException(
                "mmdebstrap is not installed; install it with: apt-get install mmdebstrap"));
    }

    /** The mirror to install from: the request's, else the host's apt sources', else Debian's CDN. */
    static String mirror(RootfsSource.Debian source, ProgressListener listener) {
        if (source.mirror().isPresent()) {
            return source.mirror().get();
        }
        return AptSources.hostMirror(source.suite()).orElseGet(() -> {
            listener.log("No Debian mirror in the host's apt sources; using " + FALLBACK_MIRROR);
            return FALLBACK_MIRROR;
        });
    }

    static List<String> packages(RootfsSource.Debian source, boolean dhcp) {
        Set<String> all = new LinkedHashSet<>(BASE_PACKAGES);
        if (dhcp) {
            all.add(DHCP_CLIENT);
        }
        all.addAll(source.packages());
        return new ArrayList<>(all);
    }

    static List<String> command(Path mmdebstrap, RootfsSource.Debian source, List<String> packages, String mirror,
                                Path target) {
        List<String> argv = new ArrayList<>();
        argv.add(mmdebstrap.toString());
        argv.add("--mode=unshare");
        argv.add("--variant=" + source.variant());
        argv.add("--format=directory");
        argv.add("--verbose");
        argv.add("--include=" + String.join(",", packages));
        argv.add(source.suite());
        argv.add(target.toString());
        argv.add(mirror);
        return argv;
    }

    /** Runs mmdebstrap into {@code target} (which must not exist yet); progress goes to {@code progress} in [0, 1]. */
    static void run(RootfsSource.Debian source, boolean dhcp, Path target, CommandRunner runner,
                    DoubleConsumer progress) throws ProvisionException {
        Path mmdebstrap = mmdebstrap();
        String mirror = mirror(source, runner.listener());
        List<String> packages = packages(source, dhcp);
        runner.listener().log("mmdebstrap " + source.suite() + " (" + source.variant() + ") from " + mirror
                + " with " + String.join(", ", packages));
        runner.run("mmdebstrap", command(mmdebstrap, source, packages, mirror, target), Map.of(), line -> {
            for (Map.Entry<String, Double> e : PHASES.entrySet()) {
                if (line.startsWith(e.getKey())) {
                    progress.accept(e.getValue());
                }
            }
        });
    }
}
