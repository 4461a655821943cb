package org.umlmanager.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A guest root filesystem being prepared in a host directory. Guest paths are resolved the way a
 * chroot would: a symbolic link in the guest (absolute or relative) is followed inside the tree,
 * never out of it, so that a guest's {@code /etc/hostname -> /etc/...} link can never make us
 * write a file of the host (we often run as root).
 */
final class GuestTree {

    private static final int MAX_LINKS = 40;
    private final Path root;
    private final Set<Long> freedInodes = new HashSet<>();

    GuestTree(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /**
     * The inode numbers of the entries this tree removed or replaced. A fakeroot state still
     * describes them; a new file that reuses one would take over its owner and mode.
     */
    Set<Long> freedInodes() {
        return Set.copyOf(freedInodes);
    }

    /** Removes the entry at host path {@code p} (never a directory), remembering its inode. */
    void remove(Path p) throws IOException {
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            freedInodes.add(((Number) Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS)).longValue());
            Files.delete(p);
        }
    }

    /** The host path of {@code guestPath}; links are followed in every component but the last. */
    Path resolve(String guestPath) throws IOException {
        return resolve(guestPath, false);
    }

    /** The host path of {@code guestPath} with a final link followed as well. */
    Path resolveFollowing(String guestPath) throws IOException {
        return resolve(guestPath, true);
    }

    boolean exists(String guestPath) throws IOException {
        return Files.exists(resolve(guestPath, false), LinkOption.NOFOLLOW_LINKS);
    }

    Optional<String> read(String guestPath) throws IOException {
        Path p = resolve(guestPath, true);
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /**
     * Writes a text file with {@code mode}, owned by whoever packs the image (root): whatever was
     * there (a file with another mode, a link) is replaced by a new file.
     */
    void write(String guestPath, String content, String mode) throws IOException {
        Path p = resolve(guestPath, false);
        Files.createDirectories(p.getParent());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(guestPath + " is a directory in the guest; cannot write a file there");
        }
        remove(p);
        Files.writeString(p, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    /**
     * Writes a text file in place: an existing regular file keeps its owner, group and mode (as
     * /etc/shadow must); a link in its place is replaced; a new file gets {@code newMode}.
     */
    void rewrite(String guestPath, String content, String newMode) throws IOException {
        Path p = resolve(guestPath, false);
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            write(guestPath, content, newMode);
            return;
        }
        Files.writeString(p, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    /** Creates (or replaces) the link {@code guestPath -> target}; the target is guest text, never resolved here. */
    void symlink(String guestPath, String target) throws IOException {
        Path p = resolve(guestPath, false);
        Files.createDirectories(p.getParent());
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(guestPath + " is a directory in the guest; cannot replace it with a link");
            }
            remove(p);
        }
        Files.createSymbolicLink(p, Path.of(target));
    }

    /** Removes a file or link; absent is fine. */
    void delete(String guestPath) throws IOException {
        remove(resolve(guestPath, false));
    }

    Path mkdirs(String guestPath) throws IOException {
        Path p = resolve(guestPath, true);
        Files.createDirectories(p);
        return p;
    }

    private Path resolve(String guestPath, boolean followLast) throws IOException {
        Deque<String> pending = new ArrayDeque<>(split(guestPath));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String c = pending.removeFirst();
            if (c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            Path candidate = join(done).resolve(c);
            boolean last = pending.isEmpty();
            if ((!last || followLast) && Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    throw new IOException("too many levels of symbolic links in the guest at " + guestPath);
                }
                String target = Files.readSymbolicLink(candidate).toString();
                if (target.startsWith("/")) {
                    done.clear();
                }
                List<String> parts = split(target);
                for (int i = parts.size() - 1; i >= 0; i--) {
                    pending.addFirst(parts.get(i));
                }
                continue;
            }
            done.add(c);
        }
        return join(done);
    }

    private Path join(List<String> components) {
        Path p = root;
        for (String c : components) {
            p = p.resolve(c);
        }
        return p;
    }

    private static List<String> split(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
