package org.umlmanager.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.model.MemorySize;
import org.umlmanager.host.PrivateDirectory;
import org.umlmanager.job.HostTools;
import org.umlmanager.job.ProgressListener;

/**
 * One run of populate → set up → pack for the sources that make a new image. The tree is built
 * in a hidden work directory beside the image (same file system, never a RAM-backed /tmp),
 * which is always removed.
 */
final class ImageJob {

    private static final Logger LOG = LoggerFactory.getLogger(ImageJob.class);

    private final ProvisionRequest request;
    private final Path image;
    private final CommandRunner runner;
    private final ProgressListener listener;
    private final List<String> notes;
    private Privilege privilege = Privilege.ROOT;
    private Path fakerootState;

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
            // Missing folders (the data directory on a first run) are made for the user alone, like the image.
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PrivateDirectory.DIRECTORY_MODE));
            work = Files.createTempDirectory(dir, "." + request.name() + ".work-");
        } catch (IOException e) {
            throw new ProvisionException("cannot create a work directory in " + dir + ": " + e.getMessage(), e);
        }
        try {
            Path tree = work.resolve("rootfs");
            fakerootState = work.resolve("fakeroot.state");
            populate(tree);
            runner.cancellation().check("Making " + image.getFileName());
            setUp(tree);
            runner.cancellation().check("Making " + image.getFileName());
            pack(tree);
        } finally {
            removeWork(work);
        }
    }

    /** Where populating ends and where setting up ends, as fractions of the job; the rest is mkfs. */
    private double[] weights() {
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
                DebianBootstrap.run(debian, dhcp, tree, privilege, fakerootState, runner,
                        f -> listener.progress(f * end));
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
                Provisioner.consolesWithAgent(request), GuestConfig.DEFAULT_ROOT_DEVICE, modules, request.agent());
        try {
            GuestTree guest = new GuestTree(tree);
            GuestSetup.apply(guest, config, listener);
            BootScripts.install(guest, request.bootScripts(), GuestInit.detect(guest), listener);
            if (privilege == Privilege.USER_NAMESPACE) {
                FakerootState.forget(fakerootState, guest.freedInodes());
            }
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
        listener.stage("Making the disk image " + image.getFileName() + " (" + new MemorySize(size) + ")");
        Ext4Image.build(tree, image, size, ownershipWrapper(), request.keepFailed(), runner);
        listener.log("Made " + image + " (" + new MemorySize(size) + ", " + (treeBytes >> 20) + " MiB used)");
    }

    private long defaultSize() {
        if (request.source() instanceof RootfsSource.Debian) {
            return 2L << 30;
        }
        return request.source() instanceof RootfsSource.Busybox ? 64L << 20 : 1L << 30;
    }

    private List<String> ownershipWrapper() throws ProvisionException {
        if (privilege == Privilege.USER_NAMESPACE) {
            return List.of(DebianBootstrap.fakeroot().toString(), "-i", fakerootState.toString());
        }
        if (Privilege.isRoot()) {
            return List.of();
        }
        Optional<Path> fakeroot = HostTools.find("fakeroot");
        if (fakeroot.isEmpty()) {
            notes.add("fakeroot is not installed: the guest's files belong to your user id, not to root"
                    + " (apt-get install fakeroot to fix that)");
            return List.of();
        }
        return List.of(fakeroot.get().toString());
    }

    private void removeWork(Path work) {
        try {
            Trees.deleteRecursively(work);
        } catch (IOException e) {
            LOG.warn("could not remove the work directory {}: {}", work, e.getMessage());
            listener.log("Could not remove the work directory " + work + ": " + e.getMessage());
        }
    }
}
