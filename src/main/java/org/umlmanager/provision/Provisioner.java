package org.umlmanager.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.Names;

/**
 * Makes a new virtual machine: the root filesystem from its source, the guest setup, the image,
 * an optional copy-on-write file, and the {@link Instance} that boots it.
 *
 * <p>Threading: {@link #create} blocks for as long as the job runs (seconds for busybox, about a
 * minute for Debian); call it on a worker thread. It may be cancelled from any thread through
 * the {@link Cancellation}. On failure or cancellation nothing it made is left behind, except
 * the unfinished image renamed {@code NAME.img.failed} when the request asks to keep it. The
 * work directory lives beside the image (same file system, never a RAM-backed /tmp) and is
 * always removed.
 */
public final class Provisioner {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);
    private static final long MIN_IMAGE = 16L << 20;

    private final Path imagesDir;

    /** @param imagesDir where new images go unless a request names its own path ({@code AppPaths.imagesDir()}) */
    public Provisioner(Path imagesDir) {
        this.imagesDir = imagesDir.toAbsolutePath().normalize();
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
        Checks.before(request, imagePath(request), cowPath(request));
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
            notes.add("The kernel creates the copy-on-write file " + cow.get() + " over " + image
                    + " at first boot; " + image + " must not change after that.");
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

    private static Instance instance(ProvisionRequest request, Path image, Optional<Path> cow) {
        Disk root = cow.map(c -> Disk.cow(0, c.toString(), image.toString())).orElse(Disk.of(0, image.toString()));
        return Instance.builder(request.name())
                .kernel(request.kernel())
                .memory(request.memory())
                .disk(root)
                .networks(request.networks())
                .consoles(request.consoles())
                .build();
    }

    /** Checks made before anything is created, so that a bad request leaves no trace. */
    static final class Checks {
        private Checks() {
        }

        static void before(ProvisionRequest r, Path image, Path cow) throws ProvisionException {
            Optional<String> bad = Names.instanceNameProblem(r.name());
            if (bad.isPresent()) {
                throw new ProvisionException("name: " + bad.get());
            }
            if (r.hostname().isPresent()) {
                Optional<String> h = GuestConfig.hostnameProblem(r.hostname().get());
                if (h.isPresent()) {
                    throw new ProvisionException("hostname: " + h.get());
                }
            }
            if (r.cow() && Files.exists(cow)) {
                throw new ProvisionException("the copy-on-write file " + cow + " already exists; remove it or choose"
                        + " another name");
            }
            if (r.size().isPresent() && r.size().get().bytes() < MIN_IMAGE) {
                throw new ProvisionException("size: " + r.size().get() + " is too small for a root filesystem;"
                        + " give at least 16M");
            }
            if (r.source() instanceof RootfsSource.Image img) {
                checkExistingImage(r, img.path());
                return;
            }
            if (Files.exists(image) || Files.exists(partial(image))) {
                throw new ProvisionException("the image " + (Files.exists(image) ? image : partial(image))
                        + " already exists; choose another name or image path, or remove it");
            }
            if (r.source() instanceof RootfsSource.Directory dir) {
                if (!Files.isDirectory(dir.path())) {
                    throw new ProvisionException("dir:" + dir.path() + " is not a directory");
                }
                if (dir.path().getNameCount() == 0) {
                    throw new ProvisionException("dir:/ would copy the whole host; give the directory of a guest"
                            + " root filesystem");
                }
            }
            Ext4Image.mkfs();
            if (r.source() instanceof RootfsSource.Busybox) {
                BusyboxRootfs.findStaticBusybox();
            } else if (r.source() instanceof RootfsSource.Debian) {
                DebianBootstrap.mmdebstrap();
                Privilege.detect();
            }
        }

        private static void checkExistingImage(ProvisionRequest r, Path path) throws ProvisionException {
            if (!Files.isRegularFile(path)) {
                throw new ProvisionException("image:" + path + " is not an existing image file");
            }
            if (!Files.isReadable(path)) {
                throw new ProvisionException("image:" + path + " cannot be read by this user");
            }
            if (r.rootPassword().isPresent() || r.hostname().isPresent() || !r.addressing().isEmpty()) {
                throw new ProvisionException("an existing image is used as it is: a root password, host name or"
                        + " network addressing cannot be set in image:" + path
                        + "; set them inside the guest, or use dir: or debian: to make a new image");
            }
            if (r.size().isPresent()) {
                throw new ProvisionException("size: an existing image keeps its size; leave --size out for image:"
                        + path);
            }
        }
    }

    static Path partial(Path image) {
        return image.resolveSibling(image.getFileName() + ".partial");
    }

    static Path failed(Path image) {
        return image.resolveSibling(image.getFileName() + ".failed");
    }

    /** One run of populate → set up → pack for the sources that make a new image. */
    private static final class ImageJob {
        private final ProvisionRequest request;
        private final Path image;
        private final CommandRunner runner;
        private final ProgressListener listener;
        private final List<String> notes;
        private Privilege privilege = Privilege.ROOT;

        ImageJob(ProvisionRequest request, Path image, CommandRunner runner, List<String> notes) {
            this.request = request;
            this.image = image;
            this.runner = runner;
            this.listener = runner.listener();
            this.notes = notes;
        }

        void run() throws ProvisionException {
            Path dir = image.getParent();
            Path work;
            try {
                Files.createDirectories(dir);
                work = Files.createTempDirectory(dir, "." + request.name() + ".work-");
            } catch (IOException e) {
                throw new ProvisionException("cannot create a work directory in " + dir + ": " + e.getMessage(), e);
            }
            try {
                Path tree = work.resolve("rootfs");
                populate(tree);
                runner.cancellation().check();
                setUp(tree);
                runner.cancellation().check();
                pack(tree);
            } catch (ProvisionException | RuntimeException e) {
                Optional<Path> kept = discardPartial();
                if (kept.isPresent() && e instanceof ProvisionException && !(e instanceof CancelledException)) {
                    throw new ProvisionException(e.getMessage() + " (the unfinished image is kept as " + kept.get()
                            + ")", e);
                }
                throw e;
            } finally {
                removeWork(work);
            }
        }

        private double[] weights() {
            // [end of populate, end of setup]: the rest is mkfs.
            if (request.source() instanceof RootfsSource.Debian) {
                return new double[] {0.8, 0.85};
            }
            return request.source() instanceof RootfsSource.Busybox ? new double[] {0.1, 0.4} : new double[] {0.5, 0.6};
        }

        private void populate(Path tree) throws ProvisionException {
            RootfsSource source = request.source();
            try {
                if (source instanceof RootfsSource.Busybox) {
                    listener.stage("Building a busybox system");
                    listener.progress(0);
                    Files.createDirectories(tree);
                    BusyboxRootfs.build(tree, runner);
                } else if (source instanceof RootfsSource.Debian debian) {
                    privilege = Privilege.detect();
                    listener.stage("Installing Debian " + debian.suite() + " with mmdebstrap");
                    listener.progress(0);
                    boolean dhcp = request.guestNetworks().stream()
                            .anyMatch(n -> n.addressing() instanceof GuestNetwork.Addressing.Dhcp);
                    double end = weights()[0];
                    DebianBootstrap.run(debian, dhcp, tree, runner, f -> listener.progress(f * end));
                } else if (source instanceof RootfsSource.Directory d) {
                    listener.stage("Copying " + d.path());
                    listener.progress(-1);
                    Files.createDirectories(tree);
                    runner.run("cp", List.of("cp", "-a", "--reflink=auto", "--", d.path() + "/.", tree.toString()),
                            Map.of(), line -> { });
                }
            } catch (IOException e) {
                throw new ProvisionException("could not build the root filesystem: " + e.getMessage(), e);
            }
            listener.progress(weights()[0]);
        }

        private void setUp(Path tree) throws ProvisionException {
            listener.stage("Setting up the guest");
            Optional<Path> modules = request.copyModules()
                    ? KernelModules.find(request.kernel(), runner) : Optional.empty();
            String hostname = request.hostname().orElse(GuestConfig.hostnameFor(request.name()));
            GuestConfig config = new GuestConfig(hostname, request.rootPassword(), request.guestNetworks(),
                    request.consoles(), GuestConfig.DEFAULT_ROOT_DEVICE, modules);
            try {
                GuestSetup.apply(tree, config, listener);
            } catch (IOException e) {
                throw new ProvisionException("could not set up the guest: " + e.getMessage(), e);
            }
            listener.progress(weights()[1]);
        }

        private void pack(Path tree) throws ProvisionException {
            long treeBytes;
            try {
                treeBytes = Ext4Image.treeBytes(tree);
            } catch (IOException e) {
                throw new ProvisionException("could not measure the root filesystem: " + e.getMessage(), e);
            }
            long minimum = Ext4Image.minimumSize(treeBytes);
            long size;
            if (request.size().isPresent()) {
                size = request.size().get().bytes();
                if (size < minimum) {
                    throw new ProvisionException("size: " + request.size().get() + " is too small for this root"
                            + " filesystem (" + (treeBytes >> 20) + " MiB of files); give at least "
                            + new MemorySize(minimum));
                }
            } else {
                size = Math.max(minimum, defaultSize());
            }
            Path partial = partial(image);
            listener.stage("Making the disk image " + image.getFileName() + " (" + new MemorySize(size) + ")");
            Ext4Image.build(tree, partial, size, ownershipWrapper(), runner);
            try {
                if (Files.exists(image)) {
                    throw new ProvisionException("the image " + image + " appeared while it was being made;"
                            + " not replacing it");
                }
                Files.move(partial, image, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new ProvisionException("could not rename " + partial + " to " + image + ": " + e.getMessage(), e);
            }
            listener.log("Made " + image + " (" + new MemorySize(size) + ", " + (treeBytes >> 20) + " MiB used)");
        }

        private long defaultSize() {
            if (request.source() instanceof RootfsSource.Debian) {
                return 2L << 30;
            }
            return request.source() instanceof RootfsSource.Busybox ? 64L << 20 : 1L << 30;
        }

        private List<String> ownershipWrapper() throws ProvisionException {
            if (request.source() instanceof RootfsSource.Debian) {
                return privilege.wrapper(DebianBootstrap.mmdebstrap());
            }
            if (Privilege.isRoot()) {
                return List.of();
            }
            Optional<Path> fakeroot = CommandRunner.which("fakeroot");
            if (fakeroot.isEmpty()) {
                notes.add("fakeroot is not installed: the guest's files belong to your user id, not to root"
                        + " (apt-get install fakeroot to fix that)");
                return List.of();
            }
            return List.of(fakeroot.get().toString());
        }

        private void removeWork(Path work) {
            try {
                if (privilege == Privilege.USER_NAMESPACE) {
                    // Files of the guest's other users belong to subordinate ids: only the namespace can remove them.
                    new CommandRunner(ProgressListener.NONE, new Cancellation()).run("removing the work directory",
                            concat(privilege.wrapper(DebianBootstrap.mmdebstrap()),
                                    List.of("rm", "-rf", "--one-file-system", work.toString())), Map.of(), l -> { });
                }
                Trees.deleteRecursively(work);
            } catch (IOException | ProvisionException e) {
                LOG.warn("could not remove the work directory {}: {}", work, e.getMessage());
                listener.log("Could not remove the work directory " + work + ": " + e.getMessage());
            }
        }

        /** Removes the unfinished image, or renames it when the request keeps it; returns where it was kept. */
        private Optional<Path> discardPartial() {
            Path partial = partial(image);
            try {
                if (request.keepFailed() && Files.exists(partial)) {
                    Files.move(partial, failed(image), StandardCopyOption.REPLACE_EXISTING);
                    listener.log("Kept the unfinished image as " + failed(image));
                    return Optional.of(failed(image));
                }
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                LOG.warn("could not remove the unfinished image {}: {}", partial, e.getMessage());
                listener.log("Could not remove the unfinished image " + partial + ": " + e.getMessage());
            }
            return Optional.empty();
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }
}
