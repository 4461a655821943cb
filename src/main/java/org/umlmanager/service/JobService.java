package org.umlmanager.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.cmdline.ValidationContext;
import org.umlmanager.cmdline.Validator;
import org.umlmanager.cow.CowCheck;
import org.umlmanager.cow.CowFiles;
import org.umlmanager.cow.CowInfo;
import org.umlmanager.cow.CowMerger;
import org.umlmanager.cow.CowUsers;
import org.umlmanager.cow.InPlacePlan;
import org.umlmanager.cow.MergeOptions;
import org.umlmanager.cow.MergeResult;
import org.umlmanager.disk.ByteSize;
import org.umlmanager.disk.DiskImages;
import org.umlmanager.disk.GrowResult;
import org.umlmanager.job.Cancellation;
import org.umlmanager.job.CancelledException;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.model.Instance;
import org.umlmanager.network.Attachments;
import org.umlmanager.network.KernelTransports;
import org.umlmanager.provision.AptSources;
import org.umlmanager.provision.GuestConfig;
import org.umlmanager.provision.ProvisionException;
import org.umlmanager.provision.ProvisionRequest;
import org.umlmanager.provision.ProvisionResult;
import org.umlmanager.provision.Provisioner;

/**
 * The long disk jobs, one implementation for the command line and the desktop app: making a
 * machine with its image and saving it, merging a COW file into a new file or into its backing
 * file, growing an image; and what the storage window and the New VM wizard show around them (the
 * configured disks, a COW file's details, where a new machine's files go).
 *
 * <p>Threading: every job runs on the {@code worker} executor given to the constructor (the CLI
 * passes {@code Runnable::run} and waits; the app a thread of its own per job) and reports to its
 * {@link ProgressListener}; its {@link Cancellation} stops it, leaving nothing half-made. Futures
 * fail with the job's own exception: {@link CancelledException} (see {@link #cancelled}), {@link
 * ProvisionException}, {@link IOException}, or the store's {@code StoreException}.
 */
public final class JobService {

    private final Provisioner provisioner;
    private final InstanceService instances;
    private final Executor reads;
    private final Executor worker;

    /**
     * @param imagesDir where new machines' images go ({@code AppPaths.imagesDir()})
     * @param instances the store that new machines are saved in and configured disks read from
     * @param reads     runs the short reads (the configured disks, a COW file's details)
     * @param worker    runs the jobs; the app gives each a thread of its own that is no daemon, so
     *                  that quitting waits for a job's clean-up
     */
    public JobService(Path imagesDir, InstanceService instances, Executor reads, Executor worker) {
        this.provisioner = new Provisioner(imagesDir);
        this.instances = instances;
        this.reads = reads;
        this.worker = worker;
    }

    /** Whether a job failed because it was cancelled (after which nothing of it is left). */
    public static boolean cancelled(Throwable failure) {
        return cause(failure) instanceof CancelledException;
    }

    /**
     * Whether a job's failure is one worded for the person (a check or a step that failed, a file
     * that could not be read or written, a cancel), rather than a fault in the program.
     */
    public static boolean worded(Throwable failure) {
        Throwable c = cause(failure);
        return c instanceof ProvisionException || c instanceof IOException || c instanceof NotSaved
                || c instanceof CancelledException;
    }

    /** The failure itself, unwrapped from the future's wrapper. */
    public static Throwable cause(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    // New machines.

    /** The machine was made but could not be saved (its name was taken meanwhile); its files were removed. */
    public static final class NotSaved extends Exception {
        private static final long serialVersionUID = 1L;

        NotSaved(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Makes the machine's image and saves its instance. If saving fails, the files just made are
     * removed again and the future fails with {@link NotSaved}, whose message is the store's.
     */
    public CompletableFuture<ProvisionResult> create(ProvisionRequest request, ProgressListener progress,
                                                     Cancellation cancellation) {
        return submit(() -> {
            ProvisionResult made = provisioner.create(request, progress, cancellation);
            try {
                instances.create(made.instance()).join();
            } catch (CompletionException e) {
                provisioner.discard(made, request.source());
                throw new NotSaved(cause(e).getMessage(), cause(e));
            }
            return made;
        });
    }

    /**
     * What stops {@code request} before anything is made: the errors in the instance it would make
     * (checked under {@code validation}) and in its interfaces on saved networks, given the
     * request's network definitions and what its kernel has.
     */
    public List<Problem> check(ProvisionRequest request, ValidationContext validation) {
        Instance planned = plannedInstance(request);
        List<Problem> errors = new ArrayList<>(Validator.validate(planned, validation).stream()
                .filter(Problem::isError).toList());
        Attachments.check(planned, request.networkDefinitions(), KernelTransports.of(planned.kernel())).stream()
                .filter(Problem::isError).forEach(errors::add);
        return errors;
    }

    /** The instance {@code request} would make, before anything is made (for checks and the summary). */
    public Instance plannedInstance(ProvisionRequest request) {
        return provisioner.plannedInstance(request);
    }

    /** Where the new machine's image goes. */
    public Path imagePath(ProvisionRequest request) {
        return provisioner.imagePath(request);
    }

    /** Where the new machine's COW file goes, when it gets one. */
    public Path cowPath(ProvisionRequest request) {
        return provisioner.cowPath(request);
    }

    /** What is wrong with {@code kernel} as a new machine's kernel, if anything. */
    public static Optional<String> kernelProblem(String kernel) {
        return Provisioner.kernelProblem(kernel);
    }

    /** What is wrong with {@code name} as a guest's host name, if anything. */
    public static Optional<String> hostnameProblem(String name) {
        return GuestConfig.hostnameProblem(name);
    }

    /** The Debian mirror of the host's apt sources for {@code suite}, if it has one. Reads files. */
    public static Optional<String> hostMirror(String suite) {
        return AptSources.hostMirror(suite);
    }

    // Disk images and COW files.

    /** The disk files of the configured instances, read from the files themselves. */
    public CompletableFuture<List<DiskEntry>> disks() {
        return instances.list().thenApplyAsync(report -> DiskScan.of(report.instances()), reads);
    }

    /**
     * Whether a running guest holds {@code file} (its kernel locks every disk and COW file it
     * writes): merging into it or growing it must wait. False for a file that cannot be opened.
     */
    public CompletableFuture<Boolean> inUse(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return DiskImages.inUse(file);
            } catch (java.io.IOException e) {
                return false;
            }
        }, reads);
    }

    /** A COW file's header and how much it holds, and its check against its backing file. */
    public record CowDetails(CowInfo info, CowCheck check) {
    }

    public CompletableFuture<CowDetails> cowDetails(Path cow) {
        return Futures.submit(reads, () -> new CowDetails(CowFiles.info(cow), CowFiles.check(cow, Optional.empty())));
    }

    /** Writes the COW file's disk (backing file plus changes) to a new file, as {@code uml_moo} does. */
    public CompletableFuture<MergeResult> mergeToNew(Path cow, Path target, MergeOptions options,
                                                     ProgressListener progress, Cancellation cancellation) {
        return submit(() -> CowMerger.mergeToNew(cow, target, options, progress, cancellation));
    }

    /**
     * What merging {@code cow} into its backing file would do, with the other COW files of the
     * configured instances that it would break: to be confirmed before {@link #mergeInPlace}.
     */
    public CompletableFuture<InPlacePlan> planInPlace(Path cow, Optional<Path> backing) {
        return instances.list().thenApplyAsync(report -> call(() -> CowMerger.planInPlace(cow, backing,
                CowUsers.cowFiles(report.instances()))), reads);
    }

    /** Writes the changes into the backing file, as planned and confirmed. */
    public CompletableFuture<MergeResult> mergeInPlace(InPlacePlan confirmed, ProgressListener progress,
                                                       Cancellation cancellation) {
        return submit(() -> CowMerger.mergeInPlace(confirmed, true, progress, cancellation));
    }

    /** Grows an image, and its ext filesystem with it; never shrinks. */
    public CompletableFuture<GrowResult> grow(Path image, ByteSize size, ProgressListener progress,
                                              Cancellation cancellation) {
        return submit(() -> DiskImages.grow(image, size.bytes(), progress, cancellation));
    }

    private <T> CompletableFuture<T> submit(Callable<T> job) {
        return Futures.submit(worker, job);
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}
