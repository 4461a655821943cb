package org.umlmanager.provision;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/** Removing the work directories of a job, refusing to descend into anything still mounted there. */
final class Trees {

    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private Trees() {
    }

    /**
     * Deletes {@code dir} and everything below it without following links. If a file system is
     * still mounted inside it (a bootstrap tool killed mid-way), nothing is deleted: removing
     * files through a bind mount of the host's /dev or /proc would damage the host.
     */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Optional<String> mounted = mountInside(dir.toAbsolutePath().normalize());
        if (mounted.isPresent()) {
            throw new IOException("not deleting " + dir + ": " + mounted.get() + " is still mounted there;"
                    + " unmount it (umount -R) and delete the directory by hand");
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                // Owner-only directories (/root in a guest) must be writable to be emptied when not root.
                if (!Files.isWritable(d) || !Files.isExecutable(d)) {
                    d.toFile().setWritable(true, true);
                    d.toFile().setExecutable(true, true);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Gives the owner read access to every file and full access to every directory below {@code
     * dir}. A tree unpacked under fakeroot has the guest's modes for real, so a mode-0000 file
     * (Debian's /etc/shadow-) would be unreadable for mkfs; fakeroot keeps reporting the guest's
     * modes from its state, so the image still gets them.
     */
    static void makeOwnerReadable(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                add(d, PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    add(f, PosixFilePermission.OWNER_READ);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void add(Path p, PosixFilePermission... wanted) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        if (!perms.containsAll(List.of(wanted))) {
            Set<PosixFilePermission> more = EnumSet.copyOf(perms.isEmpty() ? EnumSet.of(wanted[0]) : perms);
            more.addAll(List.of(wanted));
            Files.setPosixFilePermissions(p, more);
        }
    }

    private static Optional<String> mountInside(Path dir) throws IOException {
        if (!Files.isReadable(MOUNTINFO)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(MOUNTINFO);
        for (String line : lines) {
            String[] f = line.split(" ");
            if (f.length > 4) {
                Path point = Path.of(unescape(f[4]));
                if (point.startsWith(dir)) {
                    return Optional.of(point.toString());
                }
            }
        }
        return Optional.empty();
    }

    /** mountinfo writes space, tab, newline and backslash as three-digit octal escapes. */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).chars().allMatch(Character::isDigit)) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
