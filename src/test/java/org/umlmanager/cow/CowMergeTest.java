package org.umlmanager.cow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.umlmanager.disk.DiskImages;
import org.umlmanager.testing.UmlKernel;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.job.CancelledException;
import org.umlmanager.job.Cancellation;

/**
 * Our merges against the real uml_moo on the same inputs, byte for byte and hole for hole, for
 * COW files of every version and every kind of guest write; then the safety rails.
 */
class CowMergeTest {

    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;
    Path umlMoo;

    @BeforeEach
    void needsUmlMoo() {
        umlMoo = UmlKernel.requireTool("uml_moo", "apt-get install uml-utilities");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "v3-last-sector", "v3-odd-size", "v1", "v2"})
    void bothMergesEqualUmlMoos(String kind) throws Exception {
        long size = kind.equals("v3-odd-size") ? 20 * MIB + 700 : 20 * MIB;
        Path backing = CowFixtures.backing(dir.resolve("base.img"), size, 7);
        Path cow = dir.resolve("vm.cow");
        long mtime = Files.getLastModifiedTime(backing).to(TimeUnit.SECONDS);
        switch (kind) {
            case "v1" -> CowFixtures.v1(cow, backing.toString(), mtime, size);
            case "v2" -> CowFixtures.v2(cow, backing.toString(), mtime, size);
            default -> CowFiles.create(cow, backing);
        }
        CowFixtures.scribble(cow, 11, kind.equals("v3-last-sector"));
        assertThat(CowFiles.info(cow).changedSectors()).isPositive();

        Path theirs = dir.resolve("moo.img");
        assertThat(moo(cow.toString(), theirs.toString()).status()).isZero();
        MergeResult result = CowMerger.mergeToNew(cow, dir.resolve("ours.img"), MergeOptions.defaults(),
                ProgressListener.NONE, Cancellation.none());
        assertSameFile(result.target(), theirs);
        assertThat(Files.size(theirs)).isEqualTo(size / 512 * 512);

        Path theirBacking = sparseCopy(backing, "moo-base.img");
        Path ourBacking = sparseCopy(backing, "our-base.img");
        assertThat(moo("-d", "-b", theirBacking.toString(), cow.toString()).status()).isZero();
        InPlacePlan plan = CowMerger.planInPlace(cow, Optional.of(ourBacking), List.of());
        CowMerger.mergeInPlace(plan, true, ProgressListener.NONE, Cancellation.none());
        assertSameFile(ourBacking, theirBacking);
        assertThat(CowFixtures.bytes(ourBacking)).isNotEqualTo(CowFixtures.bytes(backing));
    }

    @Test
    void aMergeOfAnUntouchedCowIsTheBackingFile() throws Exception {
        Path backing = CowFixtures.backing(dir.resolve("base.img"), 4 * MIB, 8);
        Path cow = dir.resolve("vm.cow");
        CowFiles.create(cow, backing);

        Path merged = CowMerger.mergeToNew(cow, dir.resolve("m.img"), MergeOptions.defaults(), ProgressListener.NONE,
                Cancellation.none()).target();

        assertThat(CowFixtures.bytes(merged)).isEqualTo(CowFixtures.bytes(backing));
        assertThat(Files.getPosixFilePermissions(merged)).isEqualTo(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void refusesAnExistingOutputOrAnInputAsOutput() throws Exception {
        Path backing = CowFixtures.backing(dir.resolve("base.img"), MIB, 9);
        Path cow = dir.resolve("vm.cow");
        CowFiles.create(cow, backing);
        Path existing = Files.writeString(dir.resolve("exists.img"), "precious");

        assertThatThrownBy(() -> mergeToNew(cow, existing)).isInstanceOf(CowException.class)
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> mergeToNew(cow, backing)).hasMessageContaining("must be a new file");
        assertThatThrownBy(() -> mergeToNew(cow, cow)).hasMessageContaining("must be a new file");
        assertThat(Files.readString(existing)).isEqualTo("precious");

        CowMerger.mergeToNew(cow, existing, new MergeOptions(Optional.empty(), true, false), ProgressListener.NONE,
                Cancellation.none());
        assertThat(Files.size(existing)).isEqualTo(MIB);
        assertThat(files()).containsExactlyInAnyOrder("base.img", "vm.cow", "exists.img");
    }

    @Test
    void aMismatchedBackingFileStopsTheMergeWithTheExplanation() throws Exception {
        Path backing = CowFixtures.backing(dir.resolve("base.img"), MIB, 10);
        Path cow = dir.resolve("vm.cow");
        CowHeader header = CowFiles.create(cow, backing);
        Files.setLastModifiedTime(backing, FileTime.from(header.mtime() + 60, TimeUnit.SECONDS));

        assertThatThrownBy(() -> mergeToNew(cow, dir.resolve("m.img"))).isInstanceOf(CowException.class)
                .hasMessageContaining("touch -d @" + header.mtime());
        assertThatThrownBy(() -> CowMerger.planInPlace(cow, Optional.empty(), List.of()))
                .hasMessageContaining("mtime " + (header.mtime() + 60));
        assertThat(files()).containsExactlyInAnyOrder("base.img", "vm.cow");
    }

    @Test
    void aCancelledMergeLeavesNothing() throws Exception {
        Path backing = CowFixtures.backing(dir.resolve("base.img"), 24 * MIB, 12);
        Path cow = dir.resolve("vm.cow");
        CowFiles.create(cow, backing);
        Cancellation cancellation = new Cancellation();
        ProgressListener cancelAfterFirstChunk = new ProgressListener() {
            @Override
            public void stage(String title) {
            }

            @Override
            public void progress(double fraction) {
                cancellation.cancel();
            }
        };

        assertThatThrownBy(() -> CowMerger.mergeToNew(cow, dir.resolve("m.img"), MergeOptions.defaults(),
                cancelAfterFirstChunk, cancellation)).isInstanceOf(CancelledException.class);
        assertThat(files()).containsExactlyInAnyOrder("base.img", "vm.cow");
    }

    @Test
    void anInPlaceMergeNamesTheCowFilesItBreaksAndWaitsForConfirmation() throws Exception {
        Path backing = CowFixtures.backing(dir.resolve("base.img"), 2 * MIB, 13);
        Path other = CowFixtures.backing(dir.resolve("other.img"), MIB, 14);
        Path link = Files.createSymbolicLink(dir.resolve("base-link.img"), backing);
        Path cow = dir.resolve("vm.cow");
        CowFiles.create(cow, backing);
        CowFixtures.scribble(cow, 15, false);
        Path sibling = dir.resolve("sibling.cow");
        CowFiles.create(sibling, link);
        Path unrelated = dir.resolve("unrelated.cow");
        CowFiles.create(unrelated, other);
        byte[] before = CowFixtures.bytes(backing);

        InPlacePlan plan = CowMerger.planInPlace(cow, Optional.empty(),
                List.of(cow, sibling, unrelated, dir.resolve("not-made-yet.cow")));

        assertThat(plan.invalidated()).containsExactly(sibling);
        assertThat(plan.changedSectors()).isEqualTo(CowFiles.info(cow).changedSectors());
        assertThat(plan.summary()).contains("1 other COW file on it stop working too: " + sibling)
                .contains("cannot be undone");
        assertThatThrownBy(() -> CowMerger.mergeInPlace(plan, false, ProgressListener.NONE, Cancellation.none()))
                .isInstanceOf(CowException.class).hasMessageStartingWith("Not merging in place without confirmation");
        assertThat(CowFixtures.bytes(backing)).isEqualTo(before);

        CowMerger.mergeInPlace(plan, true, ProgressListener.NONE, Cancellation.none());
        assertThat(CowFixtures.bytes(backing)).isNotEqualTo(before);
        assertThat(CowFiles.check(sibling, Optional.empty()).valid()).isFalse();
    }

    private static void mergeToNew(Path cow, Path out) throws IOException {
        CowMerger.mergeToNew(cow, out, MergeOptions.defaults(), ProgressListener.NONE, Cancellation.none());
    }

    private CowFixtures.ToolRun moo(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(umlMoo.toString()));
        command.addAll(List.of(args));
        CowFixtures.ToolRun run = CowFixtures.run(command);
        assertThat(run.status()).as(run.output()).isZero();
        return run;
    }

    private Path sparseCopy(Path file, String name) throws Exception {
        Path copy = dir.resolve(name);
        assertThat(CowFixtures.run(List.of("cp", "-p", "--sparse=always", file.toString(), copy.toString())).status())
                .isZero();
        return copy;
    }

    /**
     * Same length, same bytes, and the same holes (the same number of allocated blocks, counted
     * once both are on the disk: before that, ext4's delayed allocation has not yet counted the
     * extent tree of a file that was not flushed).
     */
    static void assertSameFile(Path ours, Path theirs) throws IOException {
        for (Path p : List.of(ours, theirs)) {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p)) {
                ch.force(true);
            }
        }
        assertThat(Files.size(ours)).isEqualTo(Files.size(theirs));
        assertThat(Files.mismatch(ours, theirs)).as("first differing byte").isEqualTo(-1L);
        assertThat(DiskImages.allocatedBytes(ours)).as("allocated bytes").isEqualTo(DiskImages.allocatedBytes(theirs));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
