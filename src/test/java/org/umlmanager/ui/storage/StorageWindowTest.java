package org.umlmanager.ui.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.umlmanager.cow.CowFiles;
import org.umlmanager.cow.CowFixtures;
import org.umlmanager.cow.CowHeader;
import org.umlmanager.cow.CowMerger;
import org.umlmanager.cow.MergeOptions;
import org.umlmanager.disk.DiskImages;
import org.umlmanager.job.Cancellation;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.service.DiskEntry;
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.JobService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.FxWait;

/**
 * The storage window over real files: two instances' COW files on one backing file, a third
 * instance that boots that backing file itself, and a plain image; read, checked, merged both
 * ways and grown through the window's own buttons.
 */
@ExtendWith(ApplicationExtension.class)
class StorageWindowTest {

    private static final long MIB = 1 << 20;

    private final ExecutorService io = Executors.newFixedThreadPool(2);
    private Path dir;
    private Path base;
    private Path alphaCow;
    private Path betaCow;
    private Path plain;
    private Path mergeTarget;
    private StorageWindow window;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory(Path.of("/tmp"), "ums").toRealPath();
        base = CowFixtures.backing(dir.resolve("base.img"), 2 * MIB, 7);
        alphaCow = dir.resolve("alpha.cow");
        betaCow = dir.resolve("beta.cow");
        CowFiles.create(alphaCow, base);
        CowFiles.create(betaCow, base);
        byte[] guestData = new byte[4 * CowFixtures.SECTOR];
        Arrays.fill(guestData, (byte) 0x5a);
        CowFixtures.writeSectors(alphaCow, CowFiles.readHeader(alphaCow), 10, guestData);
        plain = dir.resolve("plain.img");
        DiskImages.createSparse(plain, 4 * MIB);
        mergeTarget = dir.resolve("merged.img");
        InstanceStore store = new InstanceStore(dir.resolve("instances"));
        store.create(Instance.builder("alpha").disk(Disk.cow(0, alphaCow.toString(), base.toString())).build());
        store.create(Instance.builder("beta").disk(Disk.cow(0, betaCow.toString(), base.toString()))
                .disk(Disk.of(1, plain.toString())).build());
        store.create(Instance.builder("gamma").disk(Disk.of(0, base.toString())).build());
        InstanceService instances = new InstanceService(store, io);
        window = StorageWindow.show(stage, new JobService(dir.resolve("images"), instances, io, io), Platform::runLater,
                (owner, title, file) -> Optional.of(mergeTarget));
    }

    /** @Start runs on the FX thread: the tests wait for the first load themselves. */
    @org.junit.jupiter.api.BeforeEach
    void loaded() throws Exception {
        FxWait.until("the first load", () -> {
            List<DiskEntry> all = new ArrayList<>();
            window.forEachItem(all::add);
            return all.size() == 5;
        });
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxWait.run(() -> window.stage().close());
        io.shutdownNow();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private List<DiskEntry> items() throws Exception {
        return FxWait.get(() -> {
            List<DiskEntry> all = new ArrayList<>();
            window.forEachItem(all::add);
            return all;
        });
    }

    private String details(FxRobot robot) {
        return robot.lookup("#storageDetails").queryAs(TextArea.class).getText();
    }

    private static javafx.scene.Node dialogButton(FxRobot robot, String text) {
        javafx.scene.control.DialogPane pane = robot.lookup("#confirmDialog").queryAs(javafx.scene.control.DialogPane.class);
        return pane.getButtonTypes().stream().filter(t -> t.getText().equals(text)).map(pane::lookupButton)
                .findFirst().orElseThrow();
    }

    private void select(FxRobot robot, Path file) {
        robot.interact(() -> window.select(file));
    }

    @Test
    void cowFilesSitUnderTheirBackingFileAndPlainImagesShowTheirSizes(FxRobot robot) throws Exception {
        List<DiskEntry> all = items();

        DiskEntry.Backing backing = (DiskEntry.Backing) all.get(0);
        assertThat(backing.file()).isEqualTo(base);
        assertThat(backing.cows()).extracting(c -> c.user().instance() + " " + c.file())
                .containsExactly("alpha " + alphaCow, "beta " + betaCow);
        assertThat(backing.cows().get(0).info().orElseThrow().changedSectors()).isEqualTo(4);
        DiskEntry.Image writable = (DiskEntry.Image) all.get(3);
        assertThat(writable.file()).isEqualTo(base);
        assertThat(writable.usedBy()).containsExactly("gamma ubda");
        assertThat(writable.warning()).isEqualTo("the backing file of 2 COW files: a guest writing to it makes the"
                + " kernel refuse them");
        DiskEntry.Image image = (DiskEntry.Image) all.get(4);
        assertThat(image.file()).isEqualTo(plain);
        assertThat(image.usedBy()).containsExactly("beta ubdb");
        assertThat(image.info().orElseThrow().apparentSize()).isEqualTo(4 * MIB);
        assertThat(image.info().orElseThrow().allocatedBytes()).isLessThan(4 * MIB);
        assertThat(image.warning()).isEmpty();

        select(robot, plain);
        FxWait.until("the details", () -> details(robot).startsWith("Image:         " + plain));
        assertThat(FxWait.get(() -> details(robot))).contains("Used by:       beta ubdb", "Size:          4 MiB (4194304 bytes)",
                ", sparse");
    }

    @Test
    void aCowFileShowsItsHeaderAndTheCheckAndATouchedBackingFileIsExplained(FxRobot robot) throws Exception {
        CowHeader header = CowFiles.readHeader(alphaCow);
        select(robot, alphaCow);
        FxWait.until("the details", () -> details(robot).startsWith("COW file:      " + alphaCow));
        assertThat(FxWait.get(() -> details(robot))).contains("Used by:       alpha ubda", "Format:        version 3",
                "Backing file:  " + base, "Disk size:     2 MiB (2097152 bytes)", "Sector size:   512 bytes",
                "Backing mtime: " + header.mtime(), "Changed:       4 sectors, 2 KiB", "Check: ");

        Files.setLastModifiedTime(base, FileTime.from(Instant.now()));
        FxWait.click(robot, "#storageRefresh");

        FxWait.until("the check in the details", () -> details(robot).contains("Check failed: " + alphaCow + " does not match its backing file"));
        assertThat(items()).filteredOn(i -> i.file().equals(alphaCow)).singleElement()
                .satisfies(i -> assertThat(((DiskEntry.Cow) i).user().state().name()).isEqualTo("MISMATCH"));
    }

    @Test
    void mergeIntoANewFileWritesWhatTheCoreMergeWrites(FxRobot robot) throws Exception {
        Path expected = dir.resolve("expected.img");
        CowMerger.mergeToNew(alphaCow, expected, MergeOptions.defaults(), ProgressListener.NONE, Cancellation.none());
        select(robot, alphaCow);
        FxWait.until("the details", () -> details(robot).startsWith("COW file:      " + alphaCow));

        FxWait.click(robot, "#storageMergeNew");

        FxWait.until("the status", () -> window.statusText().startsWith("Wrote " + mergeTarget));
        assertThat(Files.readAllBytes(mergeTarget)).isEqualTo(Files.readAllBytes(expected))
                .isNotEqualTo(Files.readAllBytes(base));
    }

    @Test
    void anInPlaceMergeNamesTheCowFileItBreaksAndChangesNothingUntilConfirmed(FxRobot robot) throws Exception {
        byte[] before = Files.readAllBytes(base);
        select(robot, alphaCow);
        FxWait.until("the details", () -> details(robot).startsWith("COW file:      " + alphaCow));

        FxWait.click(robot, "#storageMergeInPlace");
        FxWait.until("the confirmDialog", () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        assertThat(FxWait.get(() -> robot.lookup("#confirmDialog .content").queryLabeled().getText())).contains(betaCow.toString());
        robot.clickOn(FxWait.get(() -> dialogButton(robot, javafx.scene.control.ButtonType.CANCEL.getText())));

        FxWait.until("the status", () -> window.statusText().equals("Nothing was changed."));
        assertThat(Files.readAllBytes(base)).isEqualTo(before);

        FxWait.click(robot, "#storageMergeInPlace");
        FxWait.until("the confirmDialog", () -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        robot.clickOn(FxWait.get(() -> dialogButton(robot, "Merge in place")));

        FxWait.until("the status", () -> window.statusText().startsWith("Merged "));
        byte[] after = Files.readAllBytes(base);
        assertThat(Arrays.copyOfRange(after, 10 * CowFixtures.SECTOR, 14 * CowFixtures.SECTOR))
                .containsOnly((byte) 0x5a);
        assertThat(Arrays.copyOfRange(after, 0, 10 * CowFixtures.SECTOR))
                .isEqualTo(Arrays.copyOfRange(before, 0, 10 * CowFixtures.SECTOR));
    }

    @Test
    void growMakesAnImageLarger(FxRobot robot) throws Exception {
        select(robot, plain);
        FxWait.until("the details", () -> details(robot).startsWith("Image:         " + plain));

        FxWait.click(robot, "#storageGrow");
        FxWait.until("the growDialog", () -> robot.lookup("#growDialog").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = FxWait.get(() -> robot.lookup("#growDialog")
                .queryAs(javafx.scene.control.DialogPane.class));
        robot.interact(() -> ((javafx.scene.control.TextField) pane.lookup(".text-field")).setText("8M"));
        robot.clickOn(FxWait.get(() -> pane.lookupButton(javafx.scene.control.ButtonType.OK)));

        FxWait.until("the status", () -> window.statusText().startsWith("plain.img is now 8 MiB"));
        assertThat(Files.size(plain)).isEqualTo(8 * MIB);
    }
}
