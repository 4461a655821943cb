package org.umlmanager.network;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a running network keeps its files, under the user's runtime directory (mode 0700, so no
 * other user reaches the sockets). One directory per network:
 * <pre>
 * NAME/switch/        the vde_switch's socket directory (ctl, and one data socket per port)
 * NAME/mgmt           the switch's management socket
 * NAME/state          what the network's keeper reports (pids, state, events)
 * NAME/keeper.pid     the process that owns the network's processes
 * NAME/guests/GUEST   one file per guest using the network
 * NAME/*.log          the processes' output
 * </pre>
 *
 * @param root the directory of all networks ({@code AppPaths.networksRuntimeDir()})
 */
public record NetworkPaths(Path root) {

    /** sun_path holds 108 bytes with the terminating NUL. */
    static final int MAX_SOCKET_PATH = 107;
    /** The longest socket vde_switch makes in its directory: a data socket such as {@code 001.12345}. */
    private static final int LONGEST_SWITCH_SOCKET = "/switch/".length() + 12;

    public NetworkPaths {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    public Path dir(String network) {
        return root.resolve(network);
    }

    /** The directory a guest's {@code ethN=vde,DIR} names. */
    public Path switchDir(String network) {
        return dir(network).resolve("switch");
    }

    public Path mgmtSocket(String network) {
        return dir(network).resolve("mgmt");
    }

    public Path stateFile(String network) {
        return dir(network).resolve("state");
    }

    public Path keeperPidFile(String network) {
        return dir(network).resolve("keeper.pid");
    }

    public Path guestsDir(String network) {
        return dir(network).resolve("guests");
    }

    public Path log(String network, String process) {
        return dir(network).resolve(process + ".log");
    }

    /**
     * Why the network's sockets cannot be made here (a path over the AF_UNIX limit), or empty.
     * The message names the fix.
     */
    public Optional<String> socketPathProblem(String network) {
        int bytes = dir(network).toString().getBytes(StandardCharsets.UTF_8).length + LONGEST_SWITCH_SOCKET;
        if (bytes <= MAX_SOCKET_PATH) {
            return Optional.empty();
        }
        return Optional.of("the sockets of network '" + network + "' would be up to " + bytes + " bytes long under "
                + root + ", over the limit of " + MAX_SOCKET_PATH + "; use a shorter network name, or set"
                + " XDG_RUNTIME_DIR (or UML_MANAGER_HOME) to a shorter directory");
    }
}
