package org.umlmanager.cow;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.job.Cancellation;

/**
 * Merges a COW file with its backing file, with {@code uml_moo}'s semantics and byte-identical
 * results: into a new file (the safe default) or into the backing file in place ({@code -d}),
 * which must be planned and confirmed first. Both check the pair first as the kernel would and
 * refuse files a running UML holds locked. Blocking; call from a worker thread.
 */
public final class CowMerger {

    private CowMerger() {
    }

    /**
     * Writes the merged disk to {@code output}. The data goes to a hidden temporary file next to
     * it that gets the name only when complete, so a failure or cancel leaves nothing behind.
     *
     * @throws CowException when the pair does not match, a file is in use, or {@code output} exists
     *                      (without {@link MergeOptions#overwrite()}) or is one of the inputs
     */
    public static MergeResult mergeToNew(Path cow, Path output, MergeOptions options, ProgressListener listener,
                                         Cancellation cancellation) throws IOException {
        CowCheck check = requireValid(cow, options.backingOverride());
        Path target = output.toAbsolutePath().normalize();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isSameFile(target, cow) || Files.isSameFile(target, check.backingFile())) {
                throw new CowException("The merged file " + target + " must be a new file, not the COW or backing file"
                        + " (for an in-place merge use -d)");
            }
            if (!options.overwrite()) {
                throw new CowException("The merged file " + target + " already exists; choose a new name or allow"
                        + " overwriting it");
            }
        }
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".merging",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        try (FileChannel cowChannel = CowFiles.open(cow);
             FileChannel backing = FileChannel.open(check.backingFile(), StandardOpenOption.READ);
             FileLock cowLock = sharedLock(cowChannel, cow);
             FileLock backingLock = sharedLock(backing, check.backingFile())) {
            CowFiles.requireWholeBitmap(cowChannel, check.header(), cow);
            listener.stage("Merging " + cow + " and " + check.backingFile() + " into " + target);
            long written;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                written = new MergeEngine(check.header(), cowChannel, backing).copyAll(out, listener, cancellation);
                if (options.durable()) {
                    out.force(true);
                }
            }
            if (!options.overwrite() && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new CowException("The merged file " + target + " was created by someone else meanwhile");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            if (options.durable()) {
                syncDirectory(target.getParent());
            }
            return new MergeResult(target, written);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Works out what merging {@code cow} into its backing file in place would do: which of the
     * {@code candidates} (for example every COW file of the configured instances, see
     * {@link CowUsers#cowFiles}) sit on the same backing file and would stop working.
     *
     * @throws CowException when the pair does not match (then there is nothing to merge)
     */
    public static InPlacePlan planInPlace(Path cow, Optional<Path> backingOverride, Collection<Path> candidates)
            throws IOException {
        CowCheck check = requireValid(cow, backingOverride);
        List<Path> others = new ArrayList<>();
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && !Files.isSameFile(candidate, cow)
                    && CowUsers.sitsOn(candidate, check.backingFile())) {
                others.add(candidate);
            }
        }
        return new InPlacePlan(cow, check.header(), check.backingFile(), CowFiles.info(cow).changedSectors(), others);
    }

    /**
     * Writes the COW file's changed sectors into its backing file, like {@code uml_moo -d}.
     * Cancellation is honoured only before the first write.
     *
     * @param confirmed the user saw {@link InPlacePlan#summary()} and agreed; without it nothing is done
     * @throws CowException when not confirmed, when the pair no longer matches, or when a UML
     *                      instance has the backing file open
     */
    public static MergeResult mergeInPlace(InPlacePlan plan, boolean confirmed, ProgressListener listener,
                                           Cancellation cancellation) throws IOException {
        if (!confirmed) {
            throw new CowException("Not merging in place without confirmation. " + plan.summary());
        }
        CowCheck check = requireValid(plan.cowFile(), Optional.of(plan.backingFile()));
        try (FileChannel cowChannel = CowFiles.open(plan.cowFile());
             FileChannel backing = FileChannel.open(plan.backingFile(), StandardOpenOption.READ,
                     StandardOpenOption.WRITE);
             FileLock cowLock = sharedLock(cowChannel, plan.cowFile());
             FileLock backingLock = backing.tryLock()) {
            if (backingLock == null) {
                throw new CowException(plan.backingFile() + " is in use by a running UML instance (it holds a lock on"
                        + " it); stop every instance using it before merging into it");
            }
            CowFiles.requireWholeBitmap(cowChannel, check.header(), plan.cowFile());
            listener.stage("Merging " + plan.cowFile() + " into " + plan.backingFile());
            long changed = new CowBitmap(cowChannel, check.header()).count(check.header().mappedSectorLimit());
            long written = new MergeEngine(check.header(), cowChannel, backing)
                    .applyToBacking(changed, listener, cancellation);
            backing.force(true);
            return new MergeResult(plan.backingFile(), written);
        }
    }

    private static CowCheck requireValid(Path cow, Optional<Path> backingOverride) throws IOException {
        CowCheck check = CowFiles.check(cow, backingOverride);
        if (!check.valid()) {
            throw new CowException(check.explanation());
        }
        return check;
    }

    /** A shared lock, as UML takes on files it only reads; fails while a UML writes the file. */
    private static FileLock sharedLock(FileChannel channel, Path file) throws IOException {
        FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
        if (lock == null) {
            throw new CowException(file + " is in use by a running UML instance (it holds a lock on it); stop the"
                    + " instance first");
        }
        return lock;
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
