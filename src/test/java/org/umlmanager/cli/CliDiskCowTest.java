package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.cow.CowFiles;
import org.umlmanager.cow.CowHeader;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.UmlKernel;

/** {@code disk} and {@code cow} run in-process, paths relative to the working directory (the temp home). */
class CliDiskCowTest {

    @TempDir
    Path home;

    @Test
    void diskCreateThenInfo() throws Exception {
        UmlKernel.requireMkfsExt4();
        Files.createDirectories(home.resolve("tree"));
        Files.writeString(home.resolve("tree/motd"), "hi\n");

        CliRun create = CliRun.run(home, "disk", "create", "root.img", "--size", "32M", "--from", "tree");
        CliRun info = CliRun.run(home, "disk", "info", "root.img");

        assertThat(create.status()).as(create.err()).isZero();
        assertThat(create.out()).contains("Making the ext4 filesystem from " + home.resolve("tree"))
                .endsWith("Created " + home.resolve("root.img") + " (32 MiB, ext4).\n");
        assertThat(info.status()).isZero();
        assertThat(info.out()).contains("Image:       " + home.resolve("root.img"))
                .contains("Size:        32 MiB (33554432 bytes)").containsPattern("Allocated: +[0-9.]+ [KM]iB .*, sparse")
                .contains("Content:     ext4");
    }

    @Test
    void badInputIsOneLineAndStatus2() throws Exception {
        Files.writeString(home.resolve("taken.img"), "x");

        CliRun badSize = CliRun.run(home, "disk", "create", "a.img", "--size", "12Q");
        CliRun exists = CliRun.run(home, "disk", "create", "taken.img", "--size", "1M");
        CliRun missing = CliRun.run(home, "cow", "info", "nope.cow");
        CliRun notCow = CliRun.run(home, "cow", "check", "taken.img");
        CliRun shrink = CliRun.run(home, "disk", "grow", "taken.img", "--size", "0");

        for (CliRun run : new CliRun[] {badSize, exists, missing, notCow, shrink}) {
            assertThat(run.status()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).startsWith("error: ").endsWith("\n").hasLineCount(1).doesNotContain("Exception");
        }
        assertThat(badSize.err()).contains("Invalid size '12Q'");
        assertThat(exists.err()).contains("already exists");
        assertThat(missing.err()).isEqualTo("error: No such COW file: " + home.resolve("nope.cow") + "\n");
        assertThat(notCow.err()).contains("is not a COW file");
        assertThat(shrink.err()).contains("Refusing to shrink");
        assertThat(home.resolve("a.img")).doesNotExist();
    }

    @Test
    void cowCreateInfoCheckAndMerge() throws Exception {
        Path base = home.resolve("base.img");
        try (var ch = java.nio.channels.FileChannel.open(base, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap("base content".getBytes()), 0);
            ch.write(java.nio.ByteBuffer.wrap(new byte[1]), (4 << 20) - 1);
        }

        CliRun create = CliRun.run(home, "cow", "create", "vm.cow", "base.img");
        CliRun info = CliRun.run(home, "cow", "info", "vm.cow");
        CliRun check = CliRun.run(home, "cow", "check", "vm.cow");
        CliRun merge = CliRun.run(home, "cow", "merge", "vm.cow", "merged.img");

        assertThat(create.status()).as(create.err()).isZero();
        assertThat(create.out()).isEqualTo("Created " + home.resolve("vm.cow") + " over " + base.toRealPath()
                + " (4 MiB).\n");
        assertThat(info.out()).contains("Version:       3\n").contains("Backing file:  " + base.toRealPath())
                .contains("Size:          4 MiB (4194304 bytes)").contains("Sector size:   512")
                .contains("Alignment:     4096").contains("Changed:       0 of 8192 sectors, 0 bytes (0.0%)");
        assertThat(check.status()).isZero();
        assertThat(check.out()).contains("matches its backing file");
        assertThat(merge.status()).as(merge.err()).isZero();
        assertThat(Files.mismatch(home.resolve("merged.img"), base)).isEqualTo(-1L);
    }

    @Test
    void checkExitsWith1AndExplainsATouchedBackingFile() throws Exception {
        Path base = Files.write(home.resolve("base.img"), new byte[8192]);
        CowHeader header = CowFiles.create(home.resolve("vm.cow"), base);
        Files.setLastModifiedTime(base, FileTime.from(header.mtime() + 10, TimeUnit.SECONDS));

        CliRun check = CliRun.run(home, "cow", "check", "vm.cow");

        assertThat(check.status()).isEqualTo(1);
        assertThat(check.out()).contains("UML will refuse it").contains("touch -d @" + header.mtime());
        assertThat(check.err()).isEmpty();
    }

    @Test
    void anInPlaceMergeNeedsConfirmationAndNamesTheCowFilesItBreaks() throws Exception {
        Path base = Files.write(home.resolve("base.img"), new byte[8192]);
        // Made long ago: the merge's own write must show in the mtime, which counts whole seconds.
        Files.setLastModifiedTime(base, FileTime.from(1_600_000_000L, TimeUnit.SECONDS));
        CowHeader header = CowFiles.create(home.resolve("vm.cow"), base);
        CowFiles.create(home.resolve("other.cow"), base);
        // The guest wrote sector 0: its data, and its bit in the bitmap.
        try (var ch = java.nio.channels.FileChannel.open(home.resolve("vm.cow"), java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap("guest data".getBytes()), header.dataOffset());
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}), header.bitmapOffset());
        }
        new InstanceStore(AppPaths.under(home).instancesDir()).create(Instance.builder("other")
                .disk(Disk.cow(0, home.resolve("other.cow").toString(), base.toString())).build());

        CliRun refused = CliRun.run(home, "cow", "merge", "-d", "vm.cow");
        CliRun wrongArity = CliRun.run(home, "cow", "merge", "-d", "vm.cow", "new.img");
        CliRun users = CliRun.run(home, "cow", "users");
        CliRun merged = CliRun.run(home, "cow", "merge", "-d", "-b", "base.img", "vm.cow", "--yes");

        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("cannot be undone").contains(home.resolve("other.cow").toString())
                .contains("Run again with --yes");
        assertThat(wrongArity.status()).isEqualTo(2);
        assertThat(wrongArity.err()).contains("-d takes only the COW file");
        assertThat(users.out()).isEqualTo(base.toRealPath() + "\n  other ubda: " + home.resolve("other.cow")
                + " [valid]\n");
        assertThat(merged.status()).as(merged.err()).isZero();
        assertThat(merged.out()).contains("no longer fits it");
        assertThat(new String(Files.readAllBytes(base), 0, 10)).isEqualTo("guest data");
        assertThat(CliRun.run(home, "cow", "check", "other.cow").status()).isEqualTo(1);
    }
}
