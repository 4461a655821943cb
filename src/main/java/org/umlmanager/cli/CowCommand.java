package org.umlmanager.cli;

import static org.umlmanager.cli.DiskCommand.cancellable;
import static org.umlmanager.cli.DiskCommand.guarded;
import static org.umlmanager.cli.DiskCommand.resolve;
import static org.umlmanager.cli.DiskCommand.steps;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.umlmanager.cow.BackingFileUsers;
import org.umlmanager.cow.CowCheck;
import org.umlmanager.cow.CowFiles;
import org.umlmanager.cow.CowHeader;
import org.umlmanager.cow.CowInfo;
import org.umlmanager.cow.CowUser;
import org.umlmanager.cow.CowUsers;
import org.umlmanager.cow.CowVersion;
import org.umlmanager.cow.InPlacePlan;
import org.umlmanager.cow.MergeOptions;
import org.umlmanager.cow.MergeResult;
import org.umlmanager.disk.ByteSize;
import org.umlmanager.model.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.umlmanager.job.Cancellation;

/** {@code uml-manager cow …}: copy-on-write files in the kernel's format, with uml_moo's merge. */
@Command(name = "cow", mixinStandardHelpOptions = true,
        description = "Create, inspect, check and merge copy-on-write (COW) files.")
final class CowCommand implements Runnable {

    /** {@code cow check}: the pair does not match (the explanation says why and what to do). */
    static final int MISMATCH = 1;

    private final CliContext context;

    @Spec
    CommandSpec spec;

    CowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a COW file over a backing file, exactly as UML would.")
    int create(@Parameters(index = "0", paramLabel = "COW", description = "The new COW file.") Path cow,
               @Parameters(index = "1", paramLabel = "BACKING", description = "The backing image.") Path backing) {
        return guarded(context, () -> {
            Path cowFile = resolve(context, cow);
            CowHeader header = CowFiles.create(cowFile, resolve(context, backing));
            context.out().println("Created " + cowFile + " over " + header.backingFile() + " ("
                    + ByteSize.format(header.size()) + ").");
            return 0;
        });
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Show a COW file's header and how much it holds.")
    int info(@Parameters(paramLabel = "COW", description = "The COW file.") Path cow) {
        return guarded(context, () -> {
            CowInfo info = CowFiles.info(resolve(context, cow));
            CowHeader h = info.header();
            context.out().printf("COW file:      %s%n", info.cowFile());
            context.out().printf("Version:       %d%s%n", h.version().number(),
                    h.version() == CowVersion.V3_64BIT_LAYOUT ? " (old 64-bit layout)" : "");
            context.out().printf("Backing file:  %s%n", h.backingFile());
            context.out().printf("Size:          %s (%d bytes)%n", ByteSize.format(h.size()), h.size());
            context.out().printf("Backing mtime: %d (%s)%n", h.mtime(), Instant.ofEpochSecond(h.mtime()));
            context.out().printf("Sector size:   %d%n", h.sectorSize());
            context.out().printf("Alignment:     %d%n", h.alignment());
            context.out().printf(Locale.ROOT, "Changed:       %d of %d sectors, %s (%.1f%%)%n", info.changedSectors(),
                    h.sectorCount(), ByteSize.format(info.changedBytes()), info.changedPercent());
            return 0;
        });
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a COW file against its backing file as UML will; exit 1 and explain on a mismatch.")
    int check(@Parameters(paramLabel = "COW", description = "The COW file.") Path cow,
              @Option(names = "-b", paramLabel = "BACKING", description = "Check against this backing file instead"
                      + " of the one in the header.") Path backing) {
        return guarded(context, () -> {
            CowCheck check = CowFiles.check(resolve(context, cow), optional(backing));
            context.out().println(check.explanation());
            return check.valid() ? 0 : MISMATCH;
        });
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = {"Merge a COW file with its backing file, like uml_moo:",
                "  cow merge COW NEW_BACKING   writes the merged disk to a new file (safe);",
                "  cow merge -d COW            writes the changes into the backing file itself, which breaks every"
                        + " other COW file on it (asks first; --yes to confirm without asking)."})
    int merge(@Parameters(paramLabel = "COW [NEW_BACKING]", arity = "1..2") List<Path> files,
              @Option(names = "-d", description = "Merge in place, into the backing file.") boolean inPlace,
              @Option(names = "-b", paramLabel = "BACKING", description = "Use this backing file instead of the one"
                      + " in the header.") Path backing,
              @Option(names = "--yes", description = "Confirm an in-place merge without asking.") boolean yes,
              @Option(names = "--force", description = "Overwrite NEW_BACKING if it exists.") boolean force) {
        return cancellable(context, cancellation -> {
            if (inPlace != (files.size() == 1)) {
                throw new IllegalArgumentException(inPlace ? "cow merge -d takes only the COW file (it writes into the"
                        + " backing file)" : "cow merge needs the COW file and the new file to write (or -d to merge in"
                        + " place)");
            }
            Path cow = resolve(context, files.get(0));
            if (inPlace) {
                return mergeInPlace(cow, optional(backing), yes, cancellation);
            }
            MergeOptions options = new MergeOptions(optional(backing), force, true);
            MergeResult result = job(context.jobs().mergeToNew(cow, resolve(context, files.get(1)), options,
                    steps(context), cancellation));
            context.out().println("Wrote " + result.target() + " (" + ByteSize.format(result.bytesWritten())
                    + " of data; zero sectors left as holes).");
            return 0;
        });
    }

    @Command(name = "users", mixinStandardHelpOptions = true,
            description = "Show which instances' COW files sit on which backing file.")
    int users(@Parameters(paramLabel = "BACKING", arity = "0..1", description = "Only this backing file.")
              Path backing) {
        return guarded(context, () -> {
            List<Instance> instances = instances();
            List<BackingFileUsers> tree = backing == null ? CowUsers.all(instances)
                    : List.of(CowUsers.of(resolve(context, backing), instances));
            for (BackingFileUsers node : tree) {
                context.out().println(node.backingFile());
                for (CowUser user : node.users()) {
                    context.out().printf("  %s %s: %s [%s]%n", user.instance(), user.disk().deviceName(), user.cowFile(),
                            user.state().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                }
            }
            if (tree.isEmpty() || tree.get(0).users().isEmpty()) {
                context.out().println("No configured instance uses a COW file" + (backing == null ? "." : " on it."));
            }
            return 0;
        });
    }

    private int mergeInPlace(Path cow, Optional<Path> backing, boolean yes, Cancellation cancellation)
            throws IOException {
        InPlacePlan plan = job(context.jobs().planInPlace(cow, backing));
        boolean confirmed = yes;
        if (!confirmed) {
            Console console = System.console();
            if (console == null) {
                throw new IllegalArgumentException(plan.summary() + " Run again with --yes to confirm.");
            }
            context.out().println(plan.summary());
            context.out().flush();
            String answer = console.readLine("Merge into %s now? [y/N] ", plan.backingFile());
            confirmed = answer != null && answer.strip().equalsIgnoreCase("y");
            if (!confirmed) {
                context.out().println("Nothing was changed.");
                return 0;
            }
        }
        MergeResult result = job(context.jobs().mergeInPlace(plan, steps(context), cancellation));
        context.out().println("Merged " + ByteSize.format(result.bytesWritten()) + " into " + result.target()
                + ". " + cow + " no longer fits it: delete or recreate it.");
        return 0;
    }

    private List<Instance> instances() throws IOException {
        try {
            return Await.result(context.service().list()).instances();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Could not read the configured instances: " + e.getMessage(), e);
        }
    }

    /** The job's result; its own failure (an IOException, a cancel) as it was thrown. */
    static <T> T job(java.util.concurrent.CompletableFuture<T> future) throws IOException {
        try {
            return Await.result(future);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private Optional<Path> optional(Path path) {
        return Optional.ofNullable(path).map(p -> resolve(context, p));
    }
}
