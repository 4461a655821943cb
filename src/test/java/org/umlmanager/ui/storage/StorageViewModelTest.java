package org.umlmanager.ui.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.cow.CowFiles;
import org.umlmanager.cow.CowFixtures;
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

/**
 * The storage window's view model without a window: everything on the calling thread, over real
 * files — a backing file with two instances' COW files on it, one of them with data, and a plain
 * image. The jobs are the service's, as the CLI runs them.
 */
class StorageViewModelTest {

    private static final long MIB = 1 << 20;
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path dir;
    private Path base;
    private Path alphaCow;
    private Path plain;
    private StorageViewModel vm;
    private final List<String> failures = new ArrayList<>();

    @BeforeEach
    void files() throws Exception {
        dir = dir.toRealPath();
        base = CowFixtures.backing(dir.resolve("base.img"), 2 * MIB, 7);
        alphaCow = dir.resolve("alpha.cow");
        Path betaCow = dir.resolve("beta.cow");
        CowFiles.create(alphaCow, base);
        CowFiles.create(betaCow, base);
        byte[] data = new byte[4 * CowFixtures.SECTOR];
        Arrays.fill(data, (byte) 0x5a);
        CowFixtures.writeSectors(alphaCow, CowFiles.readHeader(alphaCow), 10, data);
        plain = dir.resolve("plain.img");
        DiskImages.createSparse(plain, 4 * MIB);
        InstanceStore store = new InstanceStore(dir.resolve("instances"));
        store.create(Instance.builder("alpha").disk(Disk.cow(0, alphaCow.toString(), base.toString())).build());
        store.create(Instance.builder("beta").disk(Disk.cow(0, betaCow.toString(), base.toString()))
                .disk(Disk.of(1, plain.toString())).build());
        InstanceService instances = new InstanceService(store, DIRECT);
        vm = new StorageViewModel(new JobService(dir.resolve("images"), instances, DIRECT, DIRECT), DIRECT);
        vm.onFailure((title, error) -> failures.add(title + ": " + error.getMessage()));
        vm.refresh().join();
    }

    @Test
    void listsTheBackingFileWithItsCowFilesAndThePlainImage() {
        assertThat(vm.entries()).hasSize(2);
        assertThat(vm.all()).extracting(DiskEntry::file).containsExactly(base, alphaCow, dir.resolve("beta.cow"), plain);
        assertThat(vm.statusProperty().get()).isEqualTo("4 files.");
        assertThat(StorageViewModel.usedBy(vm.all().get(0))).isEqualTo("2 COW files");
        assertThat(StorageViewModel.data(vm.all().get(1))).isEqualTo("2 KiB changed (0.1%)");
    }

    @Test
    void theSelectionDecidesWhatCanBeDoneAndWhatTheDetailsSay() {
        assertThat(vm.canMerge().get()).isFalse();
        assertThat(vm.detailsProperty().get()).isEqualTo(StorageViewModel.SELECT);

        vm.select(alphaCow);
        assertThat(vm.canMerge().get()).isTrue();
        assertThat(vm.canGrow().get()).isFalse();
        assertThat(vm.detailsProperty().get()).startsWith("COW file:      " + alphaCow)
                .contains("Changed:       4 sectors, 2 KiB", "Check: ");

        vm.select(plain);
        assertThat(vm.canMerge().get()).isFalse();
        assertThat(vm.canGrow().get()).isTrue();
        assertThat(vm.detailsProperty().get()).startsWith("Image:         " + plain).contains("Used by:       beta ubdb");
    }

    @Test
    void mergeIntoANewFileWritesWhatTheCoreMergeWritesAndKeepsTheSelection() throws Exception {
        Path expected = dir.resolve("expected.img");
        CowMerger.mergeToNew(alphaCow, expected, MergeOptions.defaults(), ProgressListener.NONE, Cancellation.none());
        vm.select(alphaCow);

        vm.mergeIntoNewFile(dir.resolve("merged.img")).join();

        assertThat(vm.statusProperty().get()).startsWith("Wrote " + dir.resolve("merged.img"));
        assertThat(Files.readAllBytes(dir.resolve("merged.img"))).isEqualTo(Files.readAllBytes(expected));
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.selectedProperty().get().file()).isEqualTo(alphaCow);
    }

    @Test
    void anInPlaceMergeIsAskedNamingTheCowFileItBreaksAndDoesNothingWhenRefused() throws Exception {
        byte[] before = Files.readAllBytes(base);
        vm.select(alphaCow);
        List<String> asked = new ArrayList<>();

        vm.mergeInPlace(plan -> asked.add(plan.summary()) && false).join();

        assertThat(asked).singleElement().asString().contains(dir.resolve("beta.cow").toString());
        assertThat(vm.statusProperty().get()).isEqualTo("Nothing was changed.");
        assertThat(Files.readAllBytes(base)).isEqualTo(before);

        vm.mergeInPlace(plan -> true).join();
        assertThat(vm.statusProperty().get()).startsWith("Merged ").endsWith("no longer fits it: delete or recreate it.");
        assertThat(Arrays.copyOfRange(Files.readAllBytes(base), 10 * CowFixtures.SECTOR, 14 * CowFixtures.SECTOR))
                .containsOnly((byte) 0x5a);
    }

    @Test
    void growReadsTheSizeAndSaysWhatWentWrong() throws Exception {
        vm.select(plain);
        assertThat(vm.currentSize()).isEqualTo(4 * MIB);

        vm.grow("lots").join();
        assertThat(vm.statusProperty().get()).startsWith("Could not grow plain.img: ");
        assertThat(Files.size(plain)).isEqualTo(4 * MIB);

        vm.grow("8M").join();
        assertThat(vm.statusProperty().get()).startsWith("plain.img is now 8 MiB");
        assertThat(Files.size(plain)).isEqualTo(8 * MIB);

        vm.select(plain);
        vm.grow("2M").join();
        assertThat(failures).singleElement().asString().startsWith("grow plain.img: ");
        assertThat(vm.statusProperty().get()).startsWith("Could not grow plain.img: ");
    }
}
