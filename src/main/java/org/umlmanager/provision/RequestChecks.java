package org.umlmanager.provision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.umlmanager.model.Names;

/** Checks made before anything is created, so that a bad request leaves no trace. */
final class RequestChecks {

    private static final long MIN_IMAGE = 16L << 20;

    private RequestChecks() {
    }

    static void check(ProvisionRequest r, Path image, Path cow) throws ProvisionException {
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
        if (Files.exists(image)) {
            throw new ProvisionException("the image " + image + " already exists; choose another name or image path,"
                    + " or remove it");
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
