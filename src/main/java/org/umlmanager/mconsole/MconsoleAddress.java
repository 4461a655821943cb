package org.umlmanager.mconsole;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.umlmanager.model.Names;

/**
 * Where an instance's mconsole socket is: {@code <uml_dir>/<umid>/mconsole}, or an explicit path.
 *
 * @param socket absolute path of the socket; at most {@value #MAX_SOCKET_PATH_BYTES} bytes, the
 *               AF_UNIX limit (a longer path means the kernel created no mconsole at all)
 */
public record MconsoleAddress(Path socket) {

    public static final int MAX_SOCKET_PATH_BYTES = 107;
    public static final String SOCKET_NAME = "mconsole";

    /** @throws IllegalArgumentException if the path is too long for an AF_UNIX socket */
    public MconsoleAddress {
        Objects.requireNonNull(socket, "socket");
        socket = socket.toAbsolutePath();
        checkSocketPathLength(socket, "mconsole socket path");
    }

    public static MconsoleAddress ofSocket(Path socket) {
        return new MconsoleAddress(socket);
    }

    /**
     * The socket of instance {@code umid} under {@code umlDir} (the kernel's {@code uml_dir=}).
     *
     * @throws IllegalArgumentException if the umid is not one the kernel would use, or the
     *                                  resulting path is too long
     */
    public static MconsoleAddress ofUmid(Path umlDir, String umid) {
        Objects.requireNonNull(umlDir, "umlDir");
        Names.umidProblem(umid).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return new MconsoleAddress(umlDir.resolve(umid).resolve(SOCKET_NAME));
    }

    /** The socket of instance {@code umid} under the kernel's default uml_dir, {@code $HOME/.uml}. */
    public static MconsoleAddress ofUmid(String umid) {
        return ofUmid(defaultUmlDir(), umid);
    }

    /** {@code $HOME/.uml}, as the kernel computes it (Java's user.home when HOME is unset). */
    public static Path defaultUmlDir() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".uml");
    }

    /** The umid directory holding the socket and the {@code pid} file. */
    public Path umidDirectory() {
        return socket.getParent();
    }

    static void checkSocketPathLength(Path path, String what) {
        int bytes = path.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SOCKET_PATH_BYTES) {
            throw new IllegalArgumentException(what + " " + path + " is " + bytes + " bytes; AF_UNIX sockets allow"
                    + " at most " + MAX_SOCKET_PATH_BYTES + ": use a shorter directory (uml_dir) or umid");
        }
    }
}
