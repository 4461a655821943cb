package org.umlmanager.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.umlmanager.cow.CowFiles;
import org.umlmanager.cow.CowHeader;
import org.umlmanager.disk.ByteSize;
import org.umlmanager.disk.DiskImages;
import org.umlmanager.disk.FilesystemType;
import org.umlmanager.disk.Filesystems;
import org.umlmanager.disk.GrowResult;
import org.umlmanager.disk.ImageInfo;
import org.umlmanager.disk.ImageRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.job.Cancellation;
import org.umlmanager.job.CancelledException;

/** {@code uml-manager disk …}: raw disk images. Each subcommand is a method, so it shares the context. */
@Command(name = "disk", mixinStandardHelpOptions = true, description = "Create, inspect and grow disk images.")
final class DiskCommand implements Runnable {

    private static final String NO_FILESYSTEM = "none";
    /** How long an interrupted command may take to clean up before the JVM ends anyway. */
    private static final long SHUTDOWN_WAIT_MINUTES = 10;

    private final CliContext context;

    @Spec
    CommandSpec spec;

    DiskCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a sparse image with a filesystem (ext4 unless --fs says otherwise).")
    int create(@Parameters(paramLabel = "PATH", description = "The new image; must not exist.") Path path,
               @Option(names = "--size", required = true, paramLabel = "SIZE",
                       description = "Its size: 16G, 512M, 1.5G … (binary units).") String size,
               @Option(names = "--fs", paramLabel = "TYPE", defaultValue = Filesystems.DEFAULT_TYPE,
                       description = "Filesystem type (see 'disk filesystems'), or '" + NO_FILESYSTEM
                               + "' for a blank image. Default: ${DEFAULT-VALUE}.") String fs,
               @Option(names = "--from", paramLabel = "DIR",
                       description = "Fill the filesystem from this directory (no root needed).") Path from,
               @Option(names = "--keep-failed", description = "On failure keep the partial image as PATH"
                       + DiskImages.FAILED_SUFFIX + " for inspection.") boolean keepFailed) {
        return cancellable(context, cancellation -> {
            long bytes = ByteSize.parse(size).bytes();
            Optional<String> type = fs.equals(NO_FILESYSTEM) ? Optional.empty() : Optional.of(fs);
            Path image = DiskImages.create(new ImageRequest(resolve(context, path), bytes, type,
                    Optional.ofNullable(from).map(d -> resolve(context, d)), keepFailed), steps(context),
                    cancellation);
            context.out().println("Created " + image + " (" + ByteSize.format(bytes) + ", "
                    + type.orElse("no filesystem") + ").");
            return 0;
        });
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Show an image's size against the space it really takes, and its filesystem.")
    int info(@Parameters(paramLabel = "PATH", description = "The image.") Path path) {
        return guarded(context, () -> {
            ImageInfo info = DiskImages.info(resolve(context, path));
            context.out().printf("Image:       %s%n", info.path());
            context.out().printf("Size:        %s (%d bytes)%n", ByteSize.format(info.apparentSize()),
                    info.apparentSize());
            context.out().printf("Allocated:   %s (%d bytes, %.1f%%)%s%n", ByteSize.format(info.allocatedBytes()),
                    info.allocatedBytes(), info.allocatedPercent(), info.isSparse() ? ", sparse" : "");
            String content = info.filesystem().orElse("none recognised");
            if (CowFiles.isCowFile(info.path())) {
                CowHeader header = CowFiles.readHeader(info.path());
                content = "COW file over " + header.backingFile() + " (see 'uml-manager cow info')";
            }
            context.out().printf("Content:     %s%n", content);
            return 0;
        });
    }

    @Command(name = "grow", mixinStandardHelpOptions = true,
            description = "Grow an image and its ext2/3/4 filesystem (never shrinks).")
    int grow(@Parameters(paramLabel = "PATH", description = "The image; no running instance may use it.") Path path,
             @Option(names = "--size", required = true, paramLabel = "SIZE",
                     description = "The new size: 32G, 2048M …") String size) {
        return cancellable(context, cancellation -> {
            GrowResult result = CowCommand.job(context.jobs().grow(resolve(context, path), ByteSize.parse(size),
                    steps(context), cancellation));
            context.out().println(result.info().path() + " is now " + ByteSize.format(result.info().apparentSize())
                    + ": " + result.summary() + ".");
            return 0;
        });
    }

    @Command(name = "filesystems", mixinStandardHelpOptions = true,
            description = "List the filesystem types this host can make.")
    int filesystems() {
        return guarded(context, () -> {
            List<FilesystemType> types = Filesystems.available();
            for (FilesystemType t : types) {
                context.out().printf("%-8s %s%s%n", t.name(), t.tool(), t.canPopulate() ? "  (--from supported)" : "");
            }
            return 0;
        });
    }

    /** Work that reports its own failures. */
    @FunctionalInterface
    interface Action {
        int run() throws IOException;
    }

    /** Work that stops, cleaning up, when its cancellation is triggered. */
    @FunctionalInterface
    interface CancellableAction {
        int run(Cancellation cancellation) throws IOException;
    }

    /**
     * Runs {@code action} so that Ctrl-C or SIGTERM cancels it instead of killing it: the JVM's
     * shutdown hook triggers the cancellation and waits for the action to remove what it had half
     * made (or, for an in-place merge, to finish: it cannot be stopped half-way).
     */
    static int cancellable(CliContext context, CancellableAction action) {
        Cancellation cancellation = new Cancellation();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancellation.cancel();
            try {
                finished.await(SHUTDOWN_WAIT_MINUTES, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel-on-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return guarded(context, () -> action.run(cancellation));
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running and returns now that the action is done.
            }
        }
    }

    /**
     * Runs {@code action}; bad input and failed operations become one line on stderr and exit
     * status 2, since their messages say what to fix.
     */
    static int guarded(CliContext context, Action action) {
        try {
            return action.run();
        } catch (IOException | IllegalArgumentException | CancelledException e) {
            context.err().println("error: " + (e.getMessage() == null ? e : e.getMessage()));
            return ErrorHandler.USER_ERROR;
        }
    }

    /** Relative paths are relative to where the user runs the command. */
    static Path resolve(CliContext context, Path path) {
        return context.environment().workingDirectory().resolve(path).normalize();
    }

    /** Prints each step of a long operation, so the user sees it is moving. */
    static ProgressListener steps(CliContext context) {
        return step -> {
            context.out().println(step + " ...");
            context.out().flush();
        };
    }
}
