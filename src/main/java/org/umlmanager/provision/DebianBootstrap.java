package org.umlmanager.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleConsumer;
import org.umlmanager.job.HostTools;
import org.umlmanager.job.ProgressListener;

/**
 * Installs Debian into a directory with mmdebstrap, always in its unshare mode: for root that
 * means a private mount namespace, so that no /proc or /dev mount of the bootstrap can outlive a
 * cancelled or crashed run inside our work directory. A normal user gets a tarball from it,
 * unpacked under fakeroot (see {@link Privilege}).
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
    private static final Duration MMDEBSTRAP_CLEANUP_GRACE = Duration.ofSeconds(90);
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
        return HostTools.find("mmdebstrap").orElseThrow(() -> new ProvisionException(
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
                                Path target, boolean tarball) {
        List<String> argv = new ArrayList<>();
        argv.add(mmdebstrap.toString());
        argv.add("--mode=unshare");
        argv.add("--variant=" + source.variant());
        argv.add(tarball ? "--format=tar" : "--format=directory");
        argv.add("--verbose");
        argv.add("--include=" + String.join(",", packages));
        argv.add(source.suite());
        argv.add(target.toString());
        argv.add(mirror);
        return argv;
    }

    /**
     * Runs mmdebstrap into {@code target} (which must not exist yet); progress goes to {@code
     * progress} in [0, 1]. For {@link Privilege#USER_NAMESPACE} the tree's owners are recorded in
     * {@code fakerootState} and the tarball it passes through is removed.
     */
    static void run(RootfsSource.Debian source, boolean dhcp, Path target, Privilege privilege, Path fakerootState,
                    CommandRunner runner, DoubleConsumer progress) throws ProvisionException {
        Path mmdebstrap = mmdebstrap();
        String mirror = mirror(source, runner.listener());
        List<String> packages = packages(source, dhcp);
        runner.listener().log("mmdebstrap " + source.suite() + " (" + source.variant() + ") from " + mirror
                + " with " + String.join(", ", packages));
        boolean tarball = privilege == Privilege.USER_NAMESPACE;
        Path output = tarball ? target.resolveSibling("rootfs.tar") : target;
        // As root, mmdebstrap's temporary files belong in the job's work directory: beside the
        // image rather than in a possibly RAM-backed /tmp, and removed with the work directory
        // even when a cancelled run could not clean up after itself. A normal user's namespace
        // root (a subordinate uid) cannot even enter the user's home, so it keeps /tmp.
        Map<String, String> env = Map.of();
        if (!tarball) {
            Path temp = target.resolveSibling("tmp");
            try {
                Files.createDirectories(temp);
            } catch (IOException e) {
                throw new ProvisionException("cannot create " + temp + ": " + e.getMessage(), e);
            }
            env = Map.of("TMPDIR", temp.toString());
        }
        // Cancelled, mmdebstrap removes its partly unpacked tree itself; for a normal user that takes
        // its namespace tens of seconds on a busy machine, and a SIGKILL in the middle would leave
        // the tree in /tmp owned by a subordinate uid the user cannot even delete.
        runner.run("mmdebstrap", command(mmdebstrap, source, packages, mirror, output, tarball), env,
                Optional.of(MMDEBSTRAP_CLEANUP_GRACE), line -> {
            for (Map.Entry<String, Double> e : PHASES.entrySet()) {
                if (line.startsWith(e.getKey())) {
                    progress.accept(e.getValue());
                }
            }
        });
        if (tarball) {
            try {
                Files.createDirectories(target);
                runner.run("unpacking the Debian tree", List.of(fakeroot().toString(), "-s", fakerootState.toString(),
                        "tar", "-C", target.toString(), "-xpf", output.toString(), "--numeric-owner"), Map.of(),
                        line -> { });
                Files.delete(output);
                Trees.makeOwnerReadable(target);
            } catch (IOException e) {
                throw new ProvisionException("could not unpack the Debian tree: " + e.getMessage(), e);
            }
        }
    }

    static Path fakeroot() throws ProvisionException {
        return HostTools.find("fakeroot").orElseThrow(() -> new ProvisionException(
                "fakeroot is not installed; install it with: apt-get install fakeroot"));
    }
}
