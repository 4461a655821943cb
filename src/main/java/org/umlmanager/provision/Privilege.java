package org.umlmanager.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.umlmanager.job.Cancellation;
import org.umlmanager.job.CancelledException;
import org.umlmanager.job.HostCommand;
import org.umlmanager.job.HostToolException;
import org.umlmanager.job.HostTools;
import org.umlmanager.job.ProgressListener;

/**
 * How a Debian tree with files owned by root and other users can be made and packed. As root,
 * directly. As a normal user, mmdebstrap installs inside a user namespace with the user's
 * subordinate ids (its unshare mode) and hands the tree out as a tarball, which is unpacked and
 * packed again under fakeroot so that the owners survive (the namespace's own root cannot write
 * into the user's directories, so it cannot hand out a directory).
 */
enum Privilege {
    ROOT, USER_NAMESPACE;

    static boolean isRoot() {
        return uid().equals(Optional.of(0L));
    }

    /**
     * The privilege available here for mmdebstrap.
     *
     * @throws ProvisionException explaining what is missing and how to set it up
     */
    static Privilege detect() throws ProvisionException {
        if (isRoot()) {
            return ROOT;
        }
        String user = System.getProperty("user.name");
        Optional<String> missing = userNamespaceProblem(user);
        if (missing.isEmpty()) {
            return USER_NAMESPACE;
        }
        throw new ProvisionException("installing Debian needs root or unprivileged user namespaces, and "
                + missing.get() + ". Either run UML Manager as root, or give your user subordinate ids ("
                + "sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 " + user
                + ") and allow user namespaces (sudo sysctl kernel.unprivileged_userns_clone=1)."
                + " The busybox, dir: and image: sources work without either.");
    }

    private static Optional<String> userNamespaceProblem(String user) {
        String uid = uid().map(String::valueOf).orElse("");
        for (String file : List.of("/etc/subuid", "/etc/subgid")) {
            if (!hasEntry(Path.of(file), user, uid)) {
                return Optional.of(file + " has no entry for " + user);
            }
        }
        for (String tool : List.of("newuidmap", "newgidmap", "unshare", "fakeroot")) {
            if (HostTools.find(tool).isEmpty()) {
                return Optional.of(tool + " is not installed (apt-get install uidmap util-linux fakeroot)");
            }
        }
        if (readFirstLine(Path.of("/proc/sys/kernel/unprivileged_userns_clone")).equals(Optional.of("0"))
                || readFirstLine(Path.of("/proc/sys/user/max_user_namespaces")).equals(Optional.of("0"))) {
            return Optional.of("user namespaces are disabled on this host");
        }
        try {
            HostCommand.of(List.of(HostTools.find("unshare").get().toString(), "--user", "true"))
                    .timeout(Duration.ofSeconds(10)).quiet().run(ProgressListener.NONE, Cancellation.none());
        } catch (HostToolException e) {
            return Optional.of("creating a user namespace failed (" + e.getMessage() + ")");
        } catch (CancelledException e) {
            return Optional.of("interrupted while checking user namespaces");
        }
        return Optional.empty();
    }

    private static boolean hasEntry(Path file, String user, String uid) {
        try {
            return Files.readAllLines(file).stream().map(l -> l.split(":")[0])
                    .anyMatch(n -> n.equals(user) || n.equals(uid));
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Long> uid() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Optional.of(((Number) uid).longValue());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> readFirstLine(Path p) {
        try {
            return Files.readAllLines(p).stream().findFirst().map(String::strip);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
