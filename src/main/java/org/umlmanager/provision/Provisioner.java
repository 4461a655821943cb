package org.umlmanager.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.umlmanager.cow.CowFiles;
import org.umlmanager.host.PrivateDirectory;
import org.umlmanager.model.AgentLine;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Disk;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.Instance;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.job.CancelledException;
import org.umlmanager.job.Cancellation;

/**
 * Makes a new virtual machine: the root filesystem from its source, the guest setup, the image,
 * an optional copy-on-write file, and the {@link Instance} that boots it.
 *
 * <p>Threading: {@link #create} blocks for as long as the job runs (seconds for busybox, about a
 * minute for Debian); call it on a worker thread. It may be cancelled from any thread through
 * the {@link Cancellation}. On failure or cancellation nothing it made is left behind, except
 * the unfinished image renamed {@code NAME.img.failed} when the request asks to keep it. Images
 * are made by the disk package and COW files by the cow package.
 */
public final class Provisioner {

    private final Path imagesDir;

    /** @param imagesDir where new images go unless a request names its own path ({@code AppPaths.imagesDir()}) */
    public Provisioner(Path imagesDir) {
        this.imagesDir = imagesDir.toAbsolutePath().normalize();
    }

    /** Why {@code kernel} (a path, or a command on PATH) cannot be used, or empty when it can. */
    public static Optional<String> kernelProblem(String kernel) {
        if (kernel == null || kernel.isBlank()) {
            return Optional.of("no kernel given; install user-mode-linux (the kernel is then 'linux') or give the"
                    + " path of a UML kernel");
        }
        if (KernelModules.resolveKernel(kernel.strip()).isEmpty()) {
            return Optional.of(kernel.contains("/") ? kernel + " is not an executable file"
                    : "'" + kernel + "' is not on PATH; install user-mode-linux or give the path of a UML kernel");
        }
        return Optional.empty();
    }

    /** The image a request makes (or uses, for an image source). */
    public Path imagePath(ProvisionRequest request) {
        if (request.source() instanceof RootfsSource.Image img) {
            return img.path();
        }
        return request.image().map(p -> p.toAbsolutePath().normalize())
                .orElse(imagesDir.resolve(request.name() + ".img"));
    }

    /** The copy-on-write file a request with {@code cow} puts over its image. */
    public Path cowPath(ProvisionRequest request) {
        Path dir = request.source() instanceof RootfsSource.Image ? imagesDir : imagePath(request).getParent();
        return dir.resolve(request.name() + ".cow");
    }

    /**
     * The instance {@link #create} will return for {@code request}, without making anything: for
     * a preview of its command line and for validating it before a long job starts.
     */
    public Instance plannedInstance(ProvisionRequest request) {
        return instance(request, imagePath(request), request.cow() ? Optional.of(cowPath(request)) : Optional.empty());
    }

    /**
     * Runs the whole job.
     *
     * @throws CancelledException  when cancelled; everything made is removed
     * @throws ProvisionException  with a message for the user when a check or a step fails
     */
    public ProvisionResult create(ProvisionRequest request, ProgressListener listener, Cancellation cancellation)
            throws ProvisionException {
        RequestChecks.check(request, imagePath(request), cowPath(request));
        List<String> notes = new ArrayList<>();
        Path image = imagePath(request);
        if (request.source().buildsImage()) {
            new ImageJob(request, image, new CommandRunner(listener, cancellation), notes).run();
        } else {
            listener.stage("Using the existing image " + image);
            notes.add("The existing image " + image + " is used as it is: UML Manager does not change it.");
        }
        Optional<Path> cow = Optional.empty();
        if (request.cow()) {
            cow = Optional.of(cowPath(request));
            try {
                cancellation.check("Making " + request.name());
                listener.stage("Creating the copy-on-write file " + cow.get().getFileName());
                Files.createDirectories(cow.get().getParent(),
                        PosixFilePermissions.asFileAttribute(PrivateDirectory.DIRECTORY_MODE));
                CowFiles.create(cow.get(), image);
            } catch (RuntimeException e) {
                discardQuietly(image, request.source(), listener);
                throw e;
            } catch (IOException e) {
                discardQuietly(image, request.source(), listener);
                throw new ProvisionException("could not create " + cow.get() + ": " + e.getMessage(), e);
            }
            notes.add("The guest writes into " + cow.get() + "; " + image + " must not change from now on, or the"
                    + " kernel refuses the copy-on-write file.");
        }
        if (request.rootPassword().isEmpty() && request.source().buildsImage()) {
            notes.add("No root password was given: root is logged in automatically on the consoles.");
        }
        listener.progress(1.0);
        return new ProvisionResult(instance(request, image, cow), image, cow, notes);
    }

    /**
     * Removes the files a successful {@link #create} made, for a caller that could not save the
     * instance: the new image (never an existing one it only referred to) and the COW file, if present.
     *
     * @throws ProvisionException naming the file that could not be removed
     */
    public void discard(ProvisionResult result, RootfsSource source) throws ProvisionException {
        List<Path> made = new ArrayList<>();
        result.cowFile().ifPresent(made::add);
        if (source.buildsImage()) {
            made.add(result.image());
        }
        for (Path p : made) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new ProvisionException("could not remove " + p + ": " + e.getMessage(), e);
            }
        }
    }

    private static void discardQuietly(Path image, RootfsSource source, ProgressListener listener) {
        if (source.buildsImage()) {
            try {
                Files.deleteIfExists(image);
            } catch (IOException e) {
                listener.log("Could not remove " + image + ": " + e.getMessage());
            }
        }
    }

    private static Instance instance(ProvisionRequest request, Path image, Optional<Path> cow) {
        Disk root = cow.map(c -> Disk.cow(0, c.toString(), image.toString())).orElse(Disk.of(0, image.toString()));
        return Instance.builder(request.name())
                .kernel(request.kernel())
                .memory(request.memory())
                .disk(root)
                .networks(request.networks())
                .consoles(consolesWithAgent(request))
                .agent(request.agent().orElse(null))
                // A new machine reaches no host file until the user shares a folder with it.
                .hostfs(HostfsShare.off())
                .build();
    }

    /**
     * The request's consoles plus the agent's serial line as an embedded line: the program holding
     * the guest's consoles then keeps it open, and exec reaches it like any console.
     */
    static List<ConsoleLine> consolesWithAgent(ProvisionRequest request) {
        if (request.agent().isEmpty()) {
            return request.consoles();
        }
        AgentLine line = request.agent().get();
        List<ConsoleLine> lines = new ArrayList<>(request.consoles().stream()
                .filter(c -> !c.name().equals(line.name())).toList());
        lines.add(ConsoleLine.ssl(line.index(), LineSpec.of(ConsoleChannel.EMBEDDED)));
        return lines;
    }
}
