package org.umlmanager.provision;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Packs a prepared tree into a new sparse ext4 image with {@code mkfs.ext4 -d}: no mount, no root.
 * The command runs under a wrapper that makes it see the owners the guest must see: none as
 * root, {@code fakeroot} for a tree a normal user made (so its files belong to root in the guest),
 * the user-namespace helper for a Debian tree made in one.
 */
final class Ext4Image {

    /** Room ext4 needs besides the files: inode tables, journal, reserved blocks. */
    private static final double OVERHEAD = 1.25;
    private static final long MIN_SLACK = 12L << 20;

    private Ext4Image() {
    }

    static Path mkfs() throws ProvisionException {
        return CommandRunner.which("mkfs.ext4").orElseThrow(() -> new ProvisionException(
                "mkfs.ext4 is not installed; install it with: apt-get install e2fsprogs"));
    }

    /** Roughly how many bytes the files of {@code tree} take (sizes rounded up to 4 KiB blocks). */
    static long treeBytes(Path tree) throws IOException {
        AtomicLong total = new AtomicLong();
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                total.addAndGet((attrs.size() + 4095) / 4096 * 4096);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                total.addAndGet(4096);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        return total.get();
    }

    /** The smallest image size that should hold {@code treeBytes}, rounded up to a MiB. */
    static long minimumSize(long treeBytes) {
        long bytes = Math.max((long) (treeBytes * OVERHEAD), treeBytes + MIN_SLACK);
        return (bytes + (1L << 20) - 1) >> 20 << 20;
    }

    static void build(Path tree, Path image, long sizeBytes, List<String> wrapper, CommandRunner runner)
            throws ProvisionException {
        List<String> argv = new ArrayList<>(wrapper);
        argv.add(mkfs().toString());
        argv.addAll(List.of("-F", "-t", "ext4", "-d", tree.toString(), "-L", "uml-root", image.toString(),
                (sizeBytes >> 10) + "k"));
        runner.run("mkfs.ext4", argv, Map.of(), line -> { });
    }
}
