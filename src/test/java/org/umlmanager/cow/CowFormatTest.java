package org.umlmanager.cow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.disk.DiskImages;

/** Reading every header layout, creating v3 files, counting changes, and the errors people meet. */
class CowFormatTest {

    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void createsTheKernelsV3LayoutOverTheBackingFile() throws Exception {
        Path backing = CowFixtures.backing(dir.resolve("base.img"), 32 * MIB, 1);
        Path cow = dir.resolve("vm.cow");

        CowHeader header = CowFiles.create(cow, backing);

        // The example of docs/KERNEL.md §4.2: 32 MiB gives a 33,570,816-byte file, data at 16384.
        assertThat(Files.size(cow)).isEqualTo(33_570_816L);
        assertThat(header.bitmapOffset()).isEqualTo(8192);
        assertThat(header.bitmapLength()).isEqualTo(8192);
        assertThat(header.dataOffset()).isEqualTo(16384);
        byte[] head = Arrays.copyOf(CowFixtures.bytes(cow), 4128);
        ByteBuffer b = ByteBuffer.wrap(head);
        assertThat(new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("OOOM");
        assertThat(b.getInt(4)).isEqualTo(3);
        assertThat(Integer.toUnsignedLong(b.getInt(8))).isEqualTo(1_600_000_001L);
        assertThat(b.getLong(12)).isEqualTo(32 * MIB);
        assertThat(b.getInt(20)).isEqualTo(512);
        assertThat(b.getInt(24)).isEqualTo(4096);
        assertThat(b.getInt(28)).isZero();
        String path = backing.toRealPath().toString();
        assertThat(new String(head, 32, path.length(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(path);
        assertThat(Arrays.copyOfRange(head, 32 + path.length(), 4128)).containsOnly(0);
        // Sparse: the two header blocks and the last byte's block.
        assertThat(DiskImages.allocatedBytes(cow)).isLessThanOrEqualTo(3 * 4096);

        CowInfo info = CowFiles.info(cow);
        assertThat(info.header()).isEqualTo(header);
        assertThat(info.changedSectors()).isZero();
    }

    @Test
    void storesTheBackingPathAbsoluteWithTheDirectoryResolvedLikeGetcwd() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        CowFixtures.backing(real.resolve("base.img"), MIB, 2);
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        Files.createSymbolicLink(real.resolve("alias.img"), real.resolve("base.img"));

        // The directory part goes through the link, the file name stays as given (even a link).
        CowHeader header = CowFiles.create(dir.resolve("c.cow"), link.resolve("alias.img"));

        assertThat(header.backingFile()).isEqualTo(real.toRealPath().resolve("alias.img").toString());
    }

    @Test
    void readsVersion1HeadersInHostOrder() throws Exception {
        Path cow = CowFixtures.v1(dir.resolve("v1.cow"), "/images/old root.img", 0xF0000001L, 8 * MIB);

        CowHeader h = CowFiles.readHeader(cow);

        assertThat(h).isEqualTo(new CowHeader(CowVersion.V1, "/images/old root.img", 0xF0000001L, 8 * MIB, 512, 512));
        assertThat(h.bitmapOffset()).isEqualTo(280);
        assertThat(h.bitmapLength()).isEqualTo(2048);
        assertThat(h.dataOffset()).isEqualTo(2560);
    }

    @Test
    void readsVersion2Headers() throws Exception {
        Path cow = CowFixtures.v2(dir.resolve("v2.cow"), "/images/v2.img", 1_234_567_890L, 4 * MIB);

        CowHeader h = CowFiles.readHeader(cow);

        assertThat(h).isEqualTo(new CowHeader(CowVersion.V2, "/images/v2.img", 1_234_567_890L, 4 * MIB, 512, 512));
        assertThat(h.dataOffset()).isEqualTo(5632); // 4120 + 1024, rounded up to a sector
    }

    @Test
    void readsTheOld64BitV3Layout() throws Exception {
        Path cow = CowFixtures.v3With64BitLayout(dir.resolve("b.cow"), "/images/b.img", 1_100_000_000L, 2 * MIB, 4096);

        CowHeader h = CowFiles.readHeader(cow);

        assertThat(h).isEqualTo(new CowHeader(CowVersion.V3_64BIT_LAYOUT, "/images/b.img", 1_100_000_000L, 2 * MIB,
                512, 4096));
        assertThat(h.bitmapOffset()).isEqualTo(8192);
    }

    @Test
    void version1And2KeepTheirRoundingBug() throws Exception {
        // 9 sectors: v3 needs 2 bitmap bytes, v1/v2 computed 1 and lose the 9th sector's bit.
        Path cow = CowFixtures.v2(dir.resolve("odd.cow"), "/x", 1, 9 * 512);

        CowHeader h = CowFiles.readHeader(cow);

        assertThat(h.bitmapLength()).isEqualTo(1);
        assertThat(h.mappedSectorLimit()).isEqualTo(8);
        assertThat(new CowHeader(CowVersion.V3, "/x", 1, 9 * 512, 512, 4096).bitmapLength()).isEqualTo(2);
    }

    @Test
    void countsChangedSectorsFromTheBitmap() throws Exception {
        Path backing = CowFixtures.backing(dir.resolve("base.img"), 16 * MIB, 3);
        Path cow = dir.resolve("vm.cow");
        CowHeader header = CowFiles.create(cow, backing);
        CowFixtures.writeSectors(cow, header, 0, new byte[512]);
        CowFixtures.writeSectors(cow, header, 63, new byte[70 * 512]);
        CowFixtures.writeSectors(cow, header, 16383, new byte[3 * 512]);
        CowFixtures.writeSectors(cow, header, header.sectorCount() - 1, new byte[512]);

        CowInfo info = CowFiles.info(cow);

        assertThat(info.changedSectors()).isEqualTo(1 + 70 + 3 + 1);
        assertThat(info.changedBytes()).isEqualTo(75 * 512);
        assertThat(info.fileLength()).isEqualTo(header.createdFileLength());
    }

    @Test
    void aFileWithoutTheMagicIsNotACowFile() throws Exception {
        Path img = dir.resolve("plain.img");
        Files.write(img, new byte[8192]);

        assertThatThrownBy(() -> CowFiles.readHeader(img)).isInstanceOf(CowException.class)
                .hasMessage(img + " is not a COW file (it does not start with the COW magic \"OOOM\")");
        assertThat(CowFiles.isCowFile(img)).isFalse();
    }

    @Test
    void aTruncatedHeaderIsNamedAsSuch() throws Exception {
        Path backing = CowFixtures.backing(dir.resolve("base.img"), MIB, 4);
        Path cow = dir.resolve("vm.cow");
        CowFiles.create(cow, backing);
        try (FileChannel ch = FileChannel.open(cow, StandardOpenOption.WRITE)) {
            ch.truncate(1000);
        }

        assertThatThrownBy(() -> CowFiles.readHeader(cow)).isInstanceOf(CowException.class)
                .hasMessage(cow + " has a truncated COW header: a version 3 header is 4128 bytes, the file has only 1000");
    }

    @Test
    void aCutBitmapIsRefusedRatherThanReadAsUnchanged() throws Exception {
        Path backing = CowFixtures.backing(dir.resolve("base.img"), 16 * MIB, 5);
        Path cow = dir.resolve("vm.cow");
        CowFiles.create(cow, backing);
        try (FileChannel ch = FileChannel.open(cow, StandardOpenOption.WRITE)) {
            ch.truncate(9000);
        }

        assertThatThrownBy(() -> CowFiles.info(cow)).hasMessage(cow + " is truncated: its bitmap needs 12288 bytes,"
                + " the file has 9000");
    }

    @Test
    void tinyEmptyMissingAndOddFilesGetClearMessages() throws Exception {
        Path tiny = Files.write(dir.resolve("tiny"), new byte[] {'O', 'O'});
        Path missing = dir.resolve("missing.cow");
        Path future = dir.resolve("v9.cow");
        Files.write(future, new byte[] {0x4F, 0x4F, 0x4F, 0x4D, 0, 0, 0, 9});
        Path noAlignment = dir.resolve("align0.cow");
        ByteBuffer h = ByteBuffer.allocate(4128).putInt(0x4F4F4F4D).putInt(3).putInt(1).putLong(4096).putInt(512)
                .putInt(0).putInt(0).put("/x".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Files.write(noAlignment, h.array());

        assertThatThrownBy(() -> CowFiles.readHeader(tiny)).hasMessage(tiny + " is not a COW file: it is only 2 bytes long");
        assertThatThrownBy(() -> CowFiles.readHeader(missing)).hasMessage("No such COW file: " + missing);
        assertThatThrownBy(() -> CowFiles.readHeader(dir)).hasMessage(dir + " is a directory, not a COW file");
        assertThatThrownBy(() -> CowFiles.readHeader(future))
                .hasMessage(future + " has an unsupported COW version 9 (versions 1, 2 and 3 exist)");
        assertThatThrownBy(() -> CowFiles.readHeader(noAlignment)).hasMessageStartingWith(noAlignment
                + " has a damaged COW header").hasMessageContaining("alignment 0");
    }

    @Test
    void refusesToCreateOverSomethingOrOverNothing() throws Exception {
        Path backing = CowFixtures.backing(dir.resolve("base.img"), MIB, 6);
        Path existing = Files.writeString(dir.resolve("exists.cow"), "keep me");

        assertThatThrownBy(() -> CowFiles.create(existing, backing)).hasMessage("Cannot create " + existing
                + ": it already exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        assertThatThrownBy(() -> CowFiles.create(dir.resolve("n.cow"), dir.resolve("nope.img")))
                .hasMessage("Cannot create a COW file over " + dir.resolve("nope.img") + ": no such file");
        assertThatThrownBy(() -> CowFiles.create(dir.resolve("d.cow"), dir))
                .hasMessage("Cannot create a COW file over " + dir + ": it is not a regular file");
        assertThat(dir.resolve("n.cow")).doesNotExist();
        assertThat(dir.resolve("d.cow")).doesNotExist();
    }
}
