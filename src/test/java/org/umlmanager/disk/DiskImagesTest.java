package org.umlmanager.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.testing.UmlKernel;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.job.CancelledException;
import org.umlmanager.job.Cancellation;

/** Images made, inspected and grown with the host's real e2fsprogs. */
class DiskImagesTest {

    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    @BeforeEach
    void needsE2fsprogs() {
        UmlKernel.requireMkfsExt4();
        UmlKernel.requireTool("debugfs", "apt-get install e2fsprogs");
    }

    @Test
    void createsASparseExt4ImageFilledFromADirectory() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree/etc"));
        Files.writeString(tree.resolve("hostname"), "from-the-host\n");
        Path image = dir.resolve("disk.img");
        List<String> steps = new ArrayList<>();

        Path made = DiskImages.create(new ImageRequest(image, 64 * MIB, Optional.of("ext4"),
                Optional.of(dir.resolve("tree")), false), steps::add, Cancellation.none());

        assertThat(made).isEqualTo(image);
        ImageInfo info = DiskImages.info(image);
        assertThat(info.apparentSize()).isEqualTo(64 * MIB);
        assertThat(info.filesystem()).contains("ext4");
        assertThat(info.isSparse()).isTrue();
        assertThat(info.allocatedBytes()).isPositive().isLessThan(16 * MIB);
        assertThat(Host.run("debugfs", "-R", "cat /etc/hostname", image.toString())).contains("from-the-host");
        assertThat(steps).anyMatch(s -> s.contains("ext4 filesystem from"));
        assertThat(leftovers()).containsExactly("disk.img", "tree");
    }

    @Test
    void aRawImageIsOneHole() throws Exception {
        Path image = dir.resolve("raw.img");

        DiskImages.create(new ImageRequest(image, 3 * MIB + 512, Optional.empty(), Optional.empty(), false),
                ProgressListener.NONE, Cancellation.none());

        ImageInfo info = DiskImages.info(image);
        assertThat(info.apparentSize()).isEqualTo(3 * MIB + 512);
        assertThat(info.allocatedBytes()).isZero();
        assertThat(info.filesystem()).isEmpty();
    }

    @Test
    void infoCountsAllocatedBlocksNotTheLength() throws Exception {
        Path file = dir.resolve("half");
        DiskImages.createSparse(file, 8 * MIB);
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[(int) MIB]), 2 * MIB);
        }

        ImageInfo info = DiskImages.info(file);

        assertThat(info.apparentSize()).isEqualTo(8 * MIB);
        assertThat(info.allocatedBytes()).isEqualTo(MIB);
        assertThat(info.allocatedPercent()).isEqualTo(12.5);
    }

    @Test
    void aFailingMkfsLeavesNoImageAndSaysWhy() {
        Path image = dir.resolve("tiny.img");

        // 4 KiB is far too small for ext4: mke2fs refuses and says so on stderr.
        assertThatThrownBy(() -> DiskImages.create(ImageRequest.ext4(image, 4096), ProgressListener.NONE,
                Cancellation.none())).isInstanceOf(DiskException.class).hasMessageStartingWith("mkfs.ext4 failed")
                .hasMessageContaining("Not enough space").hasMessageContaining(image.toString());
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFailedImageIsKeptForInspectionOnlyWhenAsked() throws Exception {
        Path image = dir.resolve("tiny.img");

        assertThatThrownBy(() -> DiskImages.create(new ImageRequest(image, 4096, Optional.of("ext4"), Optional.empty(),
                true), ProgressListener.NONE, Cancellation.none())).hasMessageContaining("kept as " + image + ".failed");
        assertThat(leftovers()).containsExactly("tiny.img.failed");
    }

    @Test
    void aCancelledCreateLeavesNothing() {
        Cancellation cancellation = new Cancellation();
        ProgressListener cancelAtMkfs = step -> {
            if (step.startsWith("Making")) {
                cancellation.cancel();
            }
        };

        assertThatThrownBy(() -> DiskImages.create(ImageRequest.ext4(dir.resolve("big.img"), 256 * MIB), cancelAtMkfs,
                cancellation)).isInstanceOf(CancelledException.class);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsMade() throws Exception {
        Files.writeString(dir.resolve("taken.img"), "x");

        assertThatThrownBy(() -> DiskImages.create(ImageRequest.ext4(dir.resolve("taken.img"), MIB),
                ProgressListener.NONE, Cancellation.none())).hasMessageContaining("already exists");
        assertThatThrownBy(() -> DiskImages.create(ImageRequest.ext4(dir.resolve("no/such/dir.img"), MIB),
                ProgressListener.NONE, Cancellation.none())).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> DiskImages.create(new ImageRequest(dir.resolve("a.img"), MIB, Optional.of("nofs"),
                Optional.empty(), false), ProgressListener.NONE, Cancellation.none()))
                .hasMessageContaining("Unknown filesystem type 'nofs'").hasMessageContaining("ext4");
        assertThatThrownBy(() -> DiskImages.create(new ImageRequest(dir.resolve("b.img"), MIB, Optional.of("ext4"),
                Optional.of(dir.resolve("missing")), false), ProgressListener.NONE, Cancellation.none()))
                .hasMessageContaining("does not exist: " + dir.resolve("missing"));
        assertThat(leftovers()).containsExactly("taken.img");
    }

    @Test
    void listsTheHostsFilesystemsWithExt4AmongThem() throws Exception {
        List<FilesystemType> types = Filesystems.available();

        assertThat(types).extracting(FilesystemType::name).contains("ext2", "ext3", "ext4").doesNotContain("cramfs")
                .isSorted().doesNotHaveDuplicates();
        assertThat(types).filteredOn(t -> t.name().equals("ext4")).singleElement()
                .satisfies(t -> assertThat(t.canPopulate()).isTrue());
    }

    @Test
    void growsAnExt4ImageAndItsFilesystem() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("keep"), "still here\n");
        Path image = DiskImages.create(new ImageRequest(dir.resolve("g.img"), 32 * MIB, Optional.of("ext4"),
                Optional.of(tree), false), ProgressListener.NONE, Cancellation.none());

        GrowResult result = DiskImages.grow(image, 96 * MIB, ProgressListener.NONE, Cancellation.none());

        assertThat(result.filesystemResized()).isTrue();
        assertThat(result.info().apparentSize()).isEqualTo(96 * MIB);
        assertThat(result.info().isSparse()).isTrue();
        String super0 = Host.run("dumpe2fs", "-h", image.toString());
        long blocks = Long.parseLong(field(super0, "Block count:"));
        long blockSize = Long.parseLong(field(super0, "Block size:"));
        assertThat(blocks * blockSize).isEqualTo(96 * MIB);
        assertThat(Host.run("debugfs", "-R", "cat /keep", image.toString())).contains("still here");
    }

    @Test
    void refusesToShrinkAndLeavesTheImageAlone() throws Exception {
        Path image = dir.resolve("s.img");
        DiskImages.createSparse(image, 8 * MIB);

        assertThatThrownBy(() -> DiskImages.grow(image, 4 * MIB, ProgressListener.NONE, Cancellation.none()))
                .isInstanceOf(DiskException.class).hasMessageContaining("Refusing to shrink")
                .hasMessageContaining("at least " + 8 * MIB);
        assertThat(Files.size(image)).isEqualTo(8 * MIB);
    }

    @Test
    void growsARawImageWithoutAFilesystem() throws Exception {
        Path image = dir.resolve("r.img");
        DiskImages.createSparse(image, MIB);

        GrowResult result = DiskImages.grow(image, 2 * MIB, ProgressListener.NONE, Cancellation.none());

        assertThat(result.filesystemResized()).isFalse();
        assertThat(result.summary()).contains("no filesystem");
        assertThat(Files.size(image)).isEqualTo(2 * MIB);
    }

    private List<String> leftovers() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String text, String name) {
        return text.lines().filter(l -> l.startsWith(name)).findFirst().orElseThrow()
                .substring(name.length()).strip();
    }
}
