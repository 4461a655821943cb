package org.umlmanager.launch;

import com.pty4j.PtyProcess;
import com.sun.jna.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.host.PrivateDirectory;

/**
 * pty4j's native library, unpacked once per library version into a cache directory that is
 * kept, instead of the fresh temporary directory per process that pty4j 0.13 makes when its
 * {@code pty4j.tmpdir} does not exist yet (and never removes: it only registers the directory,
 * which is not empty, for deletion at exit). Every supervisor would leave one behind in /tmp.
 *
 * <p>The library goes to {@code BASE/pty4j-HASH/linux/ARCH/libpty.so}, HASH being a digest of its
 * content, written under a temporary name and renamed, so that several processes starting at
 * once (a GUI, the supervisor, a CLI) never see a partial file and need no lock. pty4j is then
 * pointed at it through its {@code pty4j.preferred.native.folder} property. BASE is
 * {@code pty4j.tmpdir} when set (the launcher sets it to the cache directory; tests to a directory
 * under {@code target/}), else {@code UML_MANAGER_HOME/cache/pty4j} or
 * {@code $XDG_CACHE_HOME/uml-manager/pty4j}. Thread-safe.
 */
public final class PtyNatives {

    private static final Logger LOG = LoggerFactory.getLogger(PtyNatives.class);
    static final String PREFERRED_FOLDER = "pty4j.preferred.native.folder";
    static final String BASE_PROPERTY = "pty4j.tmpdir";
    private static final String LIBRARY = "libpty.so";
    private static boolean prepared;

    private PtyNatives() {
    }

    /**
     * Makes sure pty4j finds its library unpacked in the cache; call before pty4j is first used.
     * Only the first call does anything. When the cache cannot be written, logs a warning and leaves
     * pty4j to its own temporary directory.
     */
    public static synchronized void prepare() {
        if (prepared || !Platform.isLinux()) {
            return;
        }
        prepared = true;
        String preset = System.getProperty(PREFERRED_FOLDER);
        if (preset != null && !preset.isBlank() && Files.isDirectory(Path.of(preset))) {
            return;
        }
        Path base = baseDirectory(System.getProperty(BASE_PROPERTY), System.getenv(),
                Path.of(System.getProperty("user.home")));
        try {
            System.setProperty(PREFERRED_FOLDER, unpack(base).toString());
        } catch (IOException e) {
            LOG.warn("cannot unpack pty4j's native library into {} ({}); it goes to a temporary directory that"
                    + " stays behind", base, e.getMessage());
        }
    }

    /** Where versions of the library are kept (see the class comment). */
    static Path baseDirectory(String configured, Map<String, String> env, Path home) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        String own = env.get("UML_MANAGER_HOME");
        if (own != null && !own.isBlank()) {
            return Path.of(own).toAbsolutePath().resolve("cache").resolve("pty4j");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return cache.resolve("uml-manager").resolve("pty4j");
    }

    /**
     * Unpacks this pty4j's Linux library under {@code base} unless it is there already, and returns
     * the folder to give pty4j.
     *
     * @throws IOException if it cannot be written, or pty4j has no library for this architecture
     */
    static Path unpack(Path base) throws IOException {
        String subPath = "linux/" + Platform.ARCH;
        byte[] library = bundled("resources/com/pty4j/native/" + subPath + "/" + LIBRARY);
        Path folder = base.resolve("pty4j-" + digest(library));
        Path target = folder.resolve(subPath).resolve(LIBRARY);
        // The supervisor loads this library: nobody else may be able to swap it, or a directory on its way.
        // The base may be a folder of the user's choice (pty4j.tmpdir): it is made when missing, not changed.
        if (!Files.isDirectory(base)) {
            Files.createDirectories(base, PosixFilePermissions.asFileAttribute(PrivateDirectory.DIRECTORY_MODE));
        }
        PrivateDirectory.ensure(folder, target.getParent());
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == library.length) {
            PrivateDirectory.restrictFile(target);
            return folder;
        }
        Path partial = Files.createTempFile(target.getParent(), "." + LIBRARY, ".tmp");
        try {
            Files.write(partial, library);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        LOG.debug("unpacked pty4j's native library to {}", target);
        return folder;
    }

    private static byte[] bundled(String resource) throws IOException {
        try (InputStream in = PtyProcess.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("pty4j has no " + resource + " for this architecture (" + Platform.ARCH + ")");
            }
            return in.readAllBytes();
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
