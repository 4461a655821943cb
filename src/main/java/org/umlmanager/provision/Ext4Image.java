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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.umlmanager.disk.DiskImages;
import org.umlmanager.disk.Filesystems;
import org.umlmanager.disk.ImageRequest;
import org.umlmanager.job.HostTools;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.job.CancelledException;

/**
 * Packs a prepared tree into a new sparse ext4 image with {@code mkfs.ext4 -d}: no mount, no
 * root. When the tree's owners are the ones the guest must see (we are root) the disk package
 * makes the image. Otherwise mkfs runs under a wrapper that shows it those owners: {@code
 * fakeroot} for a tree a normal user made (its files then belong to root in the guest), the
 * user-namespace helper for a Debian tree made in one; the disk package has no such hook.
 */
final class Ext4Image {

    /** Room ext4 needs besides the files: inode tables, journal, reserved blocks. */
    private static final double OVERHEAD = 1.25;
    private static final long MIN_SLACK = 12L << 20;

    private Ext4Image() {
    }

    static Path mkfs() throws ProvisionException {
        return HostTools.find("mkfs.ext4").orElseThrow(() -> new ProvisionException(
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

    /**
     * Makes {@code image} from {@code tree}. On failure or cancel nothing is left under the
     * image's name; with {@code keepFailed} the unfinished image is kept as {@link #failed}.
     */
    static void build(Path tree, Path image, long sizeBytes, List<String> wrapper, boolean keepFailed,
                      CommandRunner runner) throws ProvisionException {
        if (wrapper.isEmpty()) {
            buildWithDiskPackage(tree, image, sizeBytes, keepFailed, runner);
        } else {
            buildWrapped(tree, image, sizeBytes, wrapper, keepFailed, runner);
        }
    }

    static Path failed(Path image) {
        return image.resolveSibling(image.getFileName() + DiskImages.FAILED_SUFFIX);
    }

    private static void buildWithDiskPackage(Path tree, Path image, long sizeBytes, boolean keepFailed,
                                             CommandRunner runner) throws ProvisionException {
        ProgressListener listener = runner.listener();
        try {
            // The disk package's stages are details of this job's own stage: they go to the log.
            DiskImages.create(new ImageRequest(image, sizeBytes, Optional.of(Filesystems.DEFAULT_TYPE),
                    Optional.of(tree), keepFailed), new ProgressListener() {
                        @Override
                        public void stage(String title) {
                            listener.log(title);
                        }

                        @Override
                        public void log(String line) {
                            listener.log(line);
                        }
                    }, runner.cancellation());
        } catch (IOException e) {
            throw new ProvisionException(e.getMessage(), e);
        }
    }

    private static void buildWrapped(Path tree, Path image, long sizeBytes, List<String> wrapper, boolean keepFailed,
                                     CommandRunner runner) throws ProvisionException {
        Path partial = image.resolveSibling("." + image.getFileName() + ".partial");
        List<String> argv = new ArrayList<>(wrapper);
        argv.add(mkfs().toString());
        argv.addAll(List.of("-F", "-q", "-t", "ext4", "-d", tree.toString(), partial.toString()));
        try {
            // Owner-only, like the disk package's images: guests keep password hashes and keys in them.
            Files.deleteIfExists(partial);
            DiskImages.createSparse(partial, sizeBytes);
            runner.run("mkfs.ext4", argv, Map.of("LC_ALL", "C"), line -> { });
            if (Files.exists(image)) {
                throw new ProvisionException("the image " + image + " appeared while it was being made;"
                        + " not replacing it");
            }
            Files.move(partial, image, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (ProvisionException | IOException | RuntimeException e) {
            Optional<Path> kept = discard(partial, image, keepFailed, runner.listener());
            if (e instanceof CancelledException c) {
                throw c;
            }
            String message = e instanceof ProvisionException ? e.getMessage()
                    : "could not make " + image + ": " + e.getMessage();
            throw new ProvisionException(message + kept.map(k -> "; the partial image was kept as " + k).orElse(""),
                    e);
        }
    }

    private static Optional<Path> discard(Path partial, Path image, boolean keep, ProgressListener listener) {
        try {
            if (keep && Files.exists(partial)) {
                Files.move(partial, failed(image), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return Optional.of(failed(image));
            }
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            listener.log("Could not remove the unfinished image " + partial + ": " + e.getMessage());
        }
        return Optional.empty();
    }
}
