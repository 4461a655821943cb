package org.umlmanager.lab;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.umlmanager.job.Cancellation;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.provision.ProvisionException;
import org.umlmanager.provision.ProvisionRequest;
import org.umlmanager.provision.Provisioner;

/**
 * The base images in {@code DATA/labs/bases}: each made once, with the lab boot hook in it, and never
 * changed afterwards (a copy-on-write file records its base's size and time, and the kernel refuses
 * it if they change). A lock file keeps two programs from making the same base at once. Blocking;
 * call off the UI thread.
 */
public final class LabBases {

    private final Path dir;
    private final String kernel;

    /**
     * @param dir    where base images live
     * @param kernel the UML kernel whose modules go into Debian bases
     */
    public LabBases(Path dir, String kernel) {
        this.dir = dir.toAbsolutePath().normalize();
        this.kernel = kernel;
    }

    public Path directory() {
        return dir;
    }

    public Path imageOf(LabBase base) {
        return base.image(dir);
    }

    public boolean exists(LabBase base) {
        return Files.isRegularFile(imageOf(base));
    }

    /**
     * The base's image, made first if it does not exist yet (seconds for busybox, a few minutes and
     * a download for Debian).
     *
     * @throws ProvisionException naming what is missing or failed; nothing half-made is left
     */
    public Path ensure(LabBase base, ProgressListener listener, Cancellation cancellation) throws ProvisionException {
        Path image = imageOf(base);
        if (Files.isRegularFile(image)) {
            return image;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ProvisionException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            if (Files.isRegularFile(image)) {
                return image;
            }
            listener.stage("Making the lab base image " + base.describe() + " (once; every lab shares it)");
            ProvisionRequest request = ProvisionRequest.builder("lab-base-" + base.id(), base.source())
                    .image(image)
                    .kernel(kernel)
                    .hostname("lab")
                    .bootScripts(java.util.List.of(BootHook.script()))
                    .build();
            new Provisioner(dir).create(request, listener, cancellation);
            return image;
        } catch (IOException e) {
            throw new ProvisionException("cannot lock " + dir.resolve(".lock") + ": " + e.getMessage(), e);
        }
    }

}
