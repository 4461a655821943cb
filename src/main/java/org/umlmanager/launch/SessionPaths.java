package org.umlmanager.launch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The files of one guest session under the runtime directory: the notify socket the kernel
 * reports to, the session file that outlives the supervisor, and the launch spec a successor
 * needs to take a running guest over.
 */
public record SessionPaths(Path directory) {

    /** AF_UNIX paths must fit in sun_path (108 bytes with the NUL). */
    public static final int MAX_SOCKET_PATH = 107;
    private static final String LONGEST_FILE = "/notify.sock";

    public SessionPaths {
        Objects.requireNonNull(directory);
    }

    /**
     * The session directory of {@code name} under {@code sessionsRoot}; a long name is shortened
     * with a hash so that the socket paths stay within the AF_UNIX limit.
     */
    public static SessionPaths of(Path sessionsRoot, String name) {
        Path plain = sessionsRoot.toAbsolutePath().resolve(name);
        if (fits(plain)) {
            return new SessionPaths(plain);
        }
        String shortName = name.substring(0, Math.min(8, name.length())) + "-" + hash(name);
        return new SessionPaths(sessionsRoot.toAbsolutePath().resolve(shortName));
    }

    public boolean socketPathsFit() {
        return fits(directory);
    }

    private static boolean fits(Path dir) {
        return (dir + LONGEST_FILE).getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH;
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public Path notifySocket() {
        return directory.resolve("notify.sock");
    }

    public Path sessionFile() {
        return directory.resolve("session.properties");
    }

    /** What the guest was started with; there while it runs (see {@link LaunchSpecFile}). */
    public Path launchFile() {
        return directory.resolve("launch.properties");
    }
}
