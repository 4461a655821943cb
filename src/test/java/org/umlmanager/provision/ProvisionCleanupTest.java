package org.umlmanager.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.model.MemorySize;
import org.umlmanager.testing.UmlKernel;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.job.CancelledException;
import org.umlmanager.job.Cancellation;

/** Cancelled and failed jobs leave nothing behind: no image, no work directory, no process. */
class ProvisionCleanupTest {

    @TempDir
    Path images;

    private List<String> leftovers() throws IOException {
        if (!Files.exists(images)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(images)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A listener that cancels the job when a stage starting with {@code prefix} begins. */
    private static ProgressListener cancelAt(String prefix, Cancellation cancellation) {
        return new ProgressListener() {
            @Override
            public void stage(String title) {
                if (title.startsWith(prefix)) {
                    cancellation.cancel();
                }
            }

            @Override
            public void progress(double fraction) {
            }

            @Override
            public void log(String line) {
            }
        };
    }

    @Test
    void cancelDuringSetupOrPackingRemovesEverything() throws Exception {
        UmlKernel.requireBusybox();
        for (String stage : List.of("Setting up the guest", "Making the disk image")) {
            Cancellation c = new Cancellation();
            ProvisionRequest r = ProvisionRequest.builder("c1", new RootfsSource.Busybox()).build();
            assertThatThrownBy(() -> new Provisioner(images).create(r, cancelAt(stage, c), c))
                    .isInstanceOf(CancelledException.class);
            assertThat(leftovers()).as("after cancel at " + stage).isEmpty();
        }
    }

    @Test
    void aFailedMkfsLeavesNothingOrTheImageKeptWhenAsked() throws Exception {
        UmlKernel.requireMkfsExt4();
        Path source = Files.createDirectory(images.resolveSibling(images.getFileName() + "-src"));
        try {
            // More files than a 16 MiB ext4 has inodes for (4096): mkfs.ext4 -d fails half-way.
            for (int d = 0; d < 42; d++) {
                Path sub = Files.createDirectory(source.resolve("d" + d));
                for (int i = 0; i < 100; i++) {
                    Files.createFile(sub.resolve("f" + i));
                }
            }
            ProvisionRequest.Builder b = ProvisionRequest.builder("f1", new RootfsSource.Directory(source))
                    .size(MemorySize.ofMebibytes(16));
            assertThatThrownBy(() -> new Provisioner(images).create(b.build(), ProgressListener.NONE,
                    new Cancellation())).isInstanceOf(ProvisionException.class).hasMessageContaining("mkfs.ext4 failed");
            assertThat(leftovers()).isEmpty();

            assertThatThrownBy(() -> new Provisioner(images).create(b.keepFailed(true).build(), ProgressListener.NONE,
                    new Cancellation())).hasMessageContaining("kept as " + images.resolve("f1.img.failed"));
            assertThat(leftovers()).containsExactly("f1.img.failed");
        } finally {
            Trees.deleteRecursively(source);
        }
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsMade() throws Exception {
        UmlKernel.requireBusybox();
        Provisioner p = new Provisioner(images);
        assertThatThrownBy(() -> p.create(ProvisionRequest.builder("bad name", new RootfsSource.Busybox()).build(),
                ProgressListener.NONE, new Cancellation())).hasMessageStartingWith("name: ");
        assertThatThrownBy(() -> p.create(ProvisionRequest.builder("ok", new RootfsSource.Busybox())
                .size(MemorySize.ofMebibytes(8)).build(), ProgressListener.NONE, new Cancellation()))
                .hasMessageStartingWith("size: 8M is too small");
        assertThatThrownBy(() -> p.create(ProvisionRequest.builder("ok", new RootfsSource.Busybox())
                .hostname("-x").build(), ProgressListener.NONE, new Cancellation()))
                .hasMessageStartingWith("hostname: ");
        assertThatThrownBy(() -> p.create(ProvisionRequest.builder("ok", new RootfsSource.Image(images.resolve("no.img")))
                .build(), ProgressListener.NONE, new Cancellation())).hasMessageContaining("is not an existing image");
        assertThat(leftovers()).isEmpty();

        Files.writeString(images.resolve("taken.img"), "");
        assertThatThrownBy(() -> p.create(ProvisionRequest.builder("taken", new RootfsSource.Busybox()).build(),
                ProgressListener.NONE, new Cancellation())).hasMessageContaining("already exists");
        assertThat(images.resolve("taken.img")).isEmptyFile();
    }

    @Test
    void aTreeTooBigForTheAskedSizeIsRefusedWithTheSizeItNeeds() throws Exception {
        Path dir = Files.createDirectory(images.resolveSibling(images.getFileName() + "-tree"));
        try {
            Files.write(dir.resolve("big"), new byte[20 << 20]);
            ProvisionRequest fromDir = ProvisionRequest.builder("s1", new RootfsSource.Directory(dir))
                    .size(MemorySize.ofMebibytes(16)).build();
            assertThatThrownBy(() -> new Provisioner(images).create(fromDir, ProgressListener.NONE, new Cancellation()))
                    .hasMessageStartingWith("size: 16M is too small for this root filesystem (20 MiB of files)")
                    .hasMessageContaining("give at least 33M");
        } finally {
            Trees.deleteRecursively(dir);
        }
        assertThat(leftovers()).isEmpty();
    }
}
