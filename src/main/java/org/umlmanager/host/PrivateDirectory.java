package org.umlmanager.host;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Directories and files only the user can reach: directories mode 0700 and owned by the user,
 * files mode 0600. What UML Manager keeps at run time (sockets that drive a guest, session files,
 * console logs with everything typed at a guest's shell) must not be readable, writable or
 * replaceable by other local users, including through a directory someone else made in advance
 * under a predictable name in {@code /tmp}.
 *
 * <p>A directory that exists must be a real directory (not a symbolic link) owned by the user;
 * anything else is refused with a {@link NotPrivateException} that says whose it is and what to
 * do. A directory of the user's own with a looser mode (made by an older version, or by hand) is
 * tightened to 0700. Stateless and thread-safe.
 */
public final class PrivateDirectory {

    public static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final int S_ISVTX = 01000;

    /** A directory or file that is not the user's own, or not a directory at all. */
    public static final class NotPrivateException extends IOException {
        private static final long serialVersionUID = 1L;

        NotPrivateException(String message) {
            super(message);
        }
    }

    private PrivateDirectory() {
    }

    /**
     * Makes {@code dir} a private directory: created mode 0700 (with any missing parents) or, if it
     * exists, checked and tightened as the class comment says.
     *
     * @return {@code dir}
     */
    public static Path ensure(Path dir) throws IOException {
        return ensure(dir, dir);
    }

    /**
     * Makes {@code top} and every directory from it down to {@code dir} private, so that no level
     * that leads to {@code dir} could be swapped by someone else. Missing parents above
     * {@code top} are created mode 0700 but existing ones are not checked (they are the system's:
     * {@code /tmp}, {@code /run/user/UID}, the home directory).
     *
     * @throws IllegalArgumentException if {@code dir} is not {@code top} or below it
     */
    public static Path ensure(Path top, Path dir) throws IOException {
        Path t = top.toAbsolutePath().normalize();
        Path d = dir.toAbsolutePath().normalize();
        if (!d.startsWith(t)) {
            throw new IllegalArgumentException(d + " is not under " + t);
        }
        Path parent = t.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
        }
        List<Path> levels = new ArrayList<>();
        for (Path p = d; p != null && p.startsWith(t); p = p.getParent()) {
            levels.add(0, p);
        }
        for (Path level : levels) {
            ensureOne(level);
        }
        return dir;
    }

    private static void ensureOne(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
        } catch (FileAlreadyExistsException e) {
            // checked below, as every existing directory is
        }
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            throw new NotPrivateException(dir + " is a symbolic link (to " + Files.readSymbolicLink(dir)
                    + "), not a directory of your own: whoever can change it decides where UML Manager's private"
                    + " files go. Remove the link and try again");
        }
        if (!a.isDirectory()) {
            throw new NotPrivateException(dir + " is not a directory; UML Manager keeps private files there."
                    + " Move it away and try again");
        }
        checkOwner(dir, "directory");
        if (!a.permissions().equals(DIRECTORY_MODE)) {
            int mode = (Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if ((mode & S_ISVTX) != 0) {
                // /tmp, /var/tmp, /dev/shm: shared by design; never ours to close, even when we are root.
                throw new NotPrivateException(dir + " is a directory shared by all users (its sticky bit is set);"
                        + " UML Manager keeps its private files in a directory of its own, not there");
            }
            // The umask can only have removed bits, and a looser mode of our own directory is ours to fix.
            Files.setPosixFilePermissions(dir, DIRECTORY_MODE);
        }
    }

    /**
     * Makes an existing file of the user's private (mode 0600); refuses a file, or a link, that is
     * someone else's. For files created by something else (a redirect, the JDK's socket bind)
     * inside a private directory, so that no file there shows more than its owner may see.
     */
    public static void restrictFile(Path file) throws IOException {
        PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            throw new NotPrivateException(file + " is a symbolic link; UML Manager expected a file of its own there."
                    + " Remove it and try again");
        }
        checkOwner(file, "file");
        if (!a.permissions().equals(FILE_MODE)) {
            Files.setPosixFilePermissions(file, FILE_MODE);
        }
    }

    /**
     * Creates {@code file} empty with mode 0600 if it does not exist, else makes it private as
     * {@link #restrictFile} does: for files that are then opened for appending by name.
     */
    public static Path createFile(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_MODE));
        } catch (FileAlreadyExistsException e) {
            restrictFile(file);
        }
        return file;
    }

    private static void checkOwner(Path path, String what) throws IOException {
        long uid = ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
        long mine = HostProcess.currentUid();
        if (uid != mine) {
            String owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
            throw new NotPrivateException("The " + what + " " + path + " belongs to user " + owner + " (uid " + uid
                    + "), not to you (uid " + mine + "): another user may have made it to read or replace the sockets,"
                    + " logs and session files UML Manager keeps there. Remove it (or set XDG_RUNTIME_DIR or"
                    + " UML_MANAGER_HOME to a directory of your own) and try again");
        }
    }
}
