package org.umlmanager.cow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.umlmanager.disk.DiskImages;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.testing.GuestReaper;
import org.umlmanager.testing.UmlKernel;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.job.Cancellation;

/**
 * COW files against the real kernel: ours boot and take the guest's writes, the kernel's own are
 * byte for byte ours, merges of both equal uml_moo's, files of a running guest are left alone,
 * and a touched backing file is explained before the kernel refuses it. The guests boot once,
 * in {@link #bootGuests()}; the tests examine what they left.
 */
class CowKernelTest {

    private static final String WRITTEN = "UMLM-COW-WRITTEN";
    private static final String GUEST_TEXT = "written-by-the-guest";
    private static final String INIT = """
            #!/bin/sh
            mount -t proc proc /proc
            echo %s > /root/x
            sync
            echo %s
            while true; do sleep 1; done
            """.formatted(GUEST_TEXT, WRITTEN);
    private static final Duration BOOT = Duration.ofSeconds(90);

    static final GuestReaper REAPER = new GuestReaper();
    static Path kernel;
    static Path umlMoo;
    static Path work;
    static Path backing;
    static String backingHash;
    static Path ourCow;
    static Path kernelCow;
    static Path kernelFreshCow;
    static final List<Throwable> refusedWhileRunning = new ArrayList<>();

    @BeforeAll
    static void bootGuests() throws Exception {
        kernel = UmlKernel.require();
        umlMoo = UmlKernel.requireTool("uml_moo", "apt-get install uml-utilities");
        work = Files.createTempDirectory(Path.of("/tmp"), "umc");
        backing = BusyboxImage.build(work.resolve("base.img"), 16, INIT);
        backingHash = sha256(backing);

        // Our COW file, found through its header alone (ubd0=COW), next to one the kernel makes and never writes.
        ourCow = work.resolve("ours.cow");
        CowFiles.create(ourCow, backing);
        kernelFreshCow = work.resolve("kernel-fresh.cow");
        Path idleCow = work.resolve("idle.cow");
        CowFiles.create(idleCow, backing);
        Guest ours = Guest.start(kernel, work, REAPER, "ubd0=" + ourCow, "ubd1=" + kernelFreshCow + "," + backing);
        ours.await(WRITTEN, BOOT);
        Path merged = work.resolve("never.img");
        refusedWhileRunning.add(catchThrowable(() -> CowMerger.mergeToNew(ourCow, merged, MergeOptions.defaults(),
                ProgressListener.NONE, Cancellation.none())));
        refusedWhileRunning.add(catchThrowable(() -> CowMerger.mergeInPlace(
                CowMerger.planInPlace(ourCow, Optional.empty(), List.of()), true, ProgressListener.NONE,
                Cancellation.none())));
        refusedWhileRunning.add(catchThrowable(() -> CowMerger.mergeInPlace(
                CowMerger.planInPlace(idleCow, Optional.empty(), List.of()), true, ProgressListener.NONE,
                Cancellation.none())));
        refusedWhileRunning.add(catchThrowable(() -> DiskImages.grow(backing, 32 << 20, ProgressListener.NONE,
                Cancellation.none())));
        ours.terminate();

        // A COW file the kernel makes itself, and fills.
        kernelCow = work.resolve("kernel.cow");
        Guest theirs = Guest.start(kernel, work, REAPER, "ubd0=" + kernelCow + "," + backing);
        theirs.await(WRITTEN, BOOT);
        theirs.terminate();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        REAPER.close();
        if (work != null) {
            try (var files = Files.walk(work)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void ourCowFileBootsAndTakesTheGuestsWritesWhileTheBackingFileStaysUnchanged() throws Exception {
        assertThat(sha256(backing)).isEqualTo(backingHash);
        assertThat(CowFiles.info(ourCow).changedSectors()).isPositive();
        assertThat(CowFiles.check(ourCow, Optional.empty()).valid()).isTrue();

        Path merged = CowMerger.mergeToNew(ourCow, work.resolve("ours-merged.img"), MergeOptions.defaults(),
                ProgressListener.NONE, Cancellation.none()).target();

        assertThat(CowFixtures.run(List.of("debugfs", "-R", "cat /root/x", merged.toString())).output())
                .contains(GUEST_TEXT);
        assertThat(CowFixtures.run(List.of("debugfs", "-R", "cat /root/x", backing.toString())).output())
                .doesNotContain(GUEST_TEXT);
    }

    @Test
    void theKernelsOwnCowFileIsByteForByteOurs() throws Exception {
        Path fresh = work.resolve("fresh-ours.cow");
        CowFiles.create(fresh, backing);

        byte[] kernels = CowFixtures.bytes(kernelFreshCow);
        byte[] ours = CowFixtures.bytes(fresh);

        assertThat(ours.length).isEqualTo(kernels.length);
        // The kernel leaves the rest of the 4096-byte path field as it found it in memory (it
        // differs between its own runs); everything else must match exactly, and ours is zeros there.
        int pathEnd = 32 + CowFiles.readHeader(fresh).backingFile().length() + 1;
        assertThat(Arrays.copyOf(ours, pathEnd)).isEqualTo(Arrays.copyOf(kernels, pathEnd));
        assertThat(Arrays.copyOfRange(ours, 4128, ours.length)).isEqualTo(Arrays.copyOfRange(kernels, 4128,
                kernels.length));
        assertThat(Arrays.copyOfRange(ours, pathEnd, 4128)).containsOnly(0);
        assertThat(DiskImages.allocatedBytes(fresh)).isEqualTo(DiskImages.allocatedBytes(kernelFreshCow));
        assertThat(CowFiles.readHeader(kernelCow)).isEqualTo(CowFiles.readHeader(fresh));
    }

    @Test
    void mergesOfKernelAndOurCowFilesEqualUmlMoos() throws Exception {
        for (Path cow : List.of(kernelCow, ourCow)) {
            String name = cow.getFileName().toString();
            Path theirs = work.resolve(name + ".moo.img");
            assertThat(CowFixtures.run(List.of(umlMoo.toString(), cow.toString(), theirs.toString())).status()).isZero();
            Path ours = CowMerger.mergeToNew(cow, work.resolve(name + ".ours.img"), MergeOptions.defaults(),
                    ProgressListener.NONE, Cancellation.none()).target();
            CowMergeTest.assertSameFile(ours, theirs);

            Path theirBacking = copy(backing, name + ".moo-base.img");
            Path ourBacking = copy(backing, name + ".our-base.img");
            assertThat(CowFixtures.run(List.of(umlMoo.toString(), "-d", "-b", theirBacking.toString(), cow.toString()))
                    .status()).isZero();
            CowMerger.mergeInPlace(CowMerger.planInPlace(cow, Optional.of(ourBacking), List.of()), true,
                    ProgressListener.NONE, Cancellation.none());
            CowMergeTest.assertSameFile(ourBacking, theirBacking);
            assertThat(sha256(ourBacking)).isNotEqualTo(backingHash);
        }
    }

    @Test
    void filesOfARunningGuestAreLeftAlone() throws Exception {
        assertThat(refusedWhileRunning).hasSize(4).allSatisfy(t -> assertThat(t).isInstanceOf(IOException.class)
                .hasMessageContaining("is in use by a running UML instance"));
        assertThat(refusedWhileRunning).extracting(Throwable::getMessage).map(m -> m.substring(0, m.indexOf(" is in use")))
                .containsExactly(ourCow.toString(), ourCow.toString(), backing.toString(), backing.toString());
        assertThat(sha256(backing)).isEqualTo(backingHash);
        assertThat(work.resolve("never.img")).doesNotExist();
    }

    @Test
    void aTouchedBackingFileIsExplainedInTheKernelsOwnTermsBeforeItRefuses() throws Exception {
        Path touched = copy(backing, "touched.img");
        Path cow = work.resolve("touched.cow");
        CowHeader header = CowFiles.create(cow, touched);
        Files.setLastModifiedTime(touched, FileTime.from(header.mtime() + 120, TimeUnit.SECONDS));

        CowCheck check = CowFiles.check(cow, Optional.empty());
        Guest guest = Guest.start(kernel, work, REAPER, "ubd0=" + cow);
        guest.awaitExit(BOOT);

        assertThat(check.valid()).isFalse();
        assertThat(check.explanation()).contains("touch -d @" + header.mtime());
        assertThat(guest.log()).contains(check.problems().get(0).kernelMessage())
                .contains("Unable to mount root fs");
    }

    private static Path copy(Path file, String name) throws Exception {
        Path copy = work.resolve(name);
        assertThat(CowFixtures.run(List.of("cp", "-p", "--sparse=always", file.toString(), copy.toString())).status())
                .isZero();
        return copy;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
