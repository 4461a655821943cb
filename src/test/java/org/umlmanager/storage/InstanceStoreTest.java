package org.umlmanager.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.model.Instance;
import org.umlmanager.model.NetworkInterface;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.storage.StoreException.Reason;

class InstanceStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);

    @TempDir
    Path home;
    Path dir;
    InstanceStore store;

    @BeforeEach
    void setUp() {
        dir = home.resolve("config/instances");
        store = new InstanceStore(dir, CLOCK);
    }

    @Test
    void fullyPopulatedInstanceRoundTripsThroughAFreshStore() throws Exception {
        Instance full = SampleInstances.full("router");
        store.create(full);

        Instance loaded = new InstanceStore(dir).load("router");

        assertThat(loaded).isEqualTo(full);
        // Record equality ignores map order; the order is part of what the user wrote.
        assertThat(loaded.environment().keySet()).containsExactly("TMPDIR", "A_VAR", "LANG");
        VectorInterface hybrid = (VectorInterface) loaded.networks().get(1);
        assertThat(hybrid.options().extra().keySet()).containsExactly("zeta", "alpha", "mid");
        assertThat(loaded.networks().stream().map(NetworkInterface::transportName)).containsExactly(
                "tap", "hybrid", "raw", "gre", "l2tpv3", "bess", "fd", "fd",
                "tuntap", "ethertap", "daemon", "mcast", "ucast", "vde", "slirp", "slip", "pcap");
    }

    @Test
    void minimalInstanceRoundTripsAndTheFileCarriesTheSchemaVersion() throws Exception {
        store.create(SampleInstances.minimal("tiny"));

        assertThat(store.load("tiny")).isEqualTo(SampleInstances.minimal("tiny"));
        assertThat(Files.readString(dir.resolve("tiny.json"))).contains("\"schemaVersion\" : 2");
    }

    @Test
    void filesAreOwnerOnlyAndSoIsTheDirectory() throws Exception {
        store.create(SampleInstances.full("secret"));
        store.update(SampleInstances.minimal("secret"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secret.json"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void unreadableFilesAreMovedAsideAndReportedWhileTheOthersLoad() throws Exception {
        store.create(SampleInstances.minimal("good1"));
        store.create(SampleInstances.full("good2"));
        Files.writeString(dir.resolve("broken.json"), "{\"schemaVersion\": 1, \"umid\": ");
        Files.writeString(dir.resolve("nokernel.json"), "{\"schemaVersion\": 1, \"umid\": \"x\"}");
        Files.writeString(dir.resolve("typo.json"), "{\"schemaVersion\": 1, \"umid\": \"x\", \"kernel\": \"linux\","
                + " \"disks\": [{\"unit\": 0, \"image\": \"a.img\", \"imgae\": \"b\"}]}");
        Files.writeString(dir.resolve("alien.json"), "{\"schemaVersion\": 1, \"umid\": \"x\", \"kernel\": \"linux\","
                + " \"networks\": [{\"type\": \"wireguard\", \"unit\": 0}]}");
        Files.writeString(dir.resolve("noversion.json"), "{\"umid\": \"x\", \"kernel\": \"linux\"}");

        LoadReport report = new InstanceStore(dir, CLOCK).loadAll();

        assertThat(report.instances()).extracting(Instance::name).containsExactly("good1", "good2");
        assertThat(report.problems()).hasSize(5).allSatisfy(p -> {
            assertThat(p.loaded()).isFalse();
            assertThat(p.movedTo()).isPresent();
            assertThat(p.movedTo().get().getFileName().toString())
                    .isEqualTo(p.file().getFileName() + ".corrupt-20240506T070809Z");
            assertThat(p.file()).doesNotExist();
            assertThat(p.movedTo().get()).exists();
        });
        assertThat(messageFor(report, "broken.json")).contains("not valid JSON at line 1");
        assertThat(messageFor(report, "nokernel.json")).contains("required field 'kernel' is missing");
        assertThat(messageFor(report, "typo.json")).contains("unknown field 'imgae' at disks[0]");
        assertThat(messageFor(report, "alien.json")).contains("unknown type 'wireguard' at networks[0]");
        assertThat(messageFor(report, "noversion.json")).contains("'schemaVersion' is missing");
        assertThat(Files.readString(dir.resolve("broken.json.corrupt-20240506T070809Z")))
                .isEqualTo("{\"schemaVersion\": 1, \"umid\": ");
        // A second load moves nothing, but keeps reporting the copies until the user deals with them.
        LoadReport again = store.loadAll();
        assertThat(again.problems()).hasSize(5).allSatisfy(p -> {
            assertThat(p.movedTo()).isEmpty();
            assertThat(p.file()).exists();
            assertThat(p.file().getFileName().toString()).endsWith(".json.corrupt-20240506T070809Z");
            assertThat(p.message()).contains("moved aside earlier").contains("rename it back to");
        });
        assertThat(messageFor(again, "typo.json.corrupt-20240506T070809Z")).contains("rename it back to typo.json");
        assertThat(dir.resolve("typo.json.corrupt-20240506T070809Z")).exists();
    }

    @Test
    void movingAsideNeverOverwritesAnEarlierCorruptCopy() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("bad.json"), "first");
        store.loadAll();
        Files.writeString(dir.resolve("bad.json"), "second");

        LoadReport report = store.loadAll();

        assertThat(report.problems().get(0).movedTo()).contains(dir.resolve("bad.json.corrupt-20240506T070809Z-2"));
        assertThat(Files.readString(dir.resolve("bad.json.corrupt-20240506T070809Z"))).isEqualTo("first");
        assertThat(Files.readString(dir.resolve("bad.json.corrupt-20240506T070809Z-2"))).isEqualTo("second");
    }

    @Test
    void loadingOneUnreadableInstanceMovesItAsideAndSaysWhere() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("vm.json"), "[]");

        assertThatThrownBy(() -> store.load("vm"))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE))
                .hasMessageContaining("not a JSON object")
                .hasMessageContaining("vm.json.corrupt-20240506T070809Z");
        assertThat(dir.resolve("vm.json")).doesNotExist();
    }

    @Test
    void aFileFromANewerVersionIsLeftAloneAndNeverRewritten() throws Exception {
        Files.createDirectories(dir);
        String newer = "{\"schemaVersion\": 3, \"umid\": \"x\", \"kernel\": \"linux\", \"gpu\": {\"virtio\": true}}";
        Files.writeString(dir.resolve("future.json"), newer);

        LoadReport report = store.loadAll();

        assertThat(report.instances()).isEmpty();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("newer UML Manager (schema version 3");
            assertThat(p.movedTo()).isEmpty();
        });
        assertThatThrownBy(() -> store.update(SampleInstances.minimal("future")))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NEWER_VERSION));
        assertThatThrownBy(() -> store.rename("future", "past"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NEWER_VERSION));
        assertThatThrownBy(() -> store.create(SampleInstances.minimal("future")))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NAME_TAKEN));
        assertThat(Files.readString(dir.resolve("future.json"))).isEqualTo(newer);
    }

    @Test
    void aTemporaryFileLeftByACrashedWriterIsIgnoredAndRemoved() throws Exception {
        Instance original = SampleInstances.full("vm");
        store.create(original);
        Path leftover = dir.resolve(".vm.json.4711.tmp");
        Files.writeString(leftover, "{\"schemaVersion\": 1, \"umid\": \"half-writ");

        LoadReport report = store.loadAll();

        assertThat(report.instances()).containsExactly(original);
        assertThat(report.problems()).isEmpty();
        assertThat(leftover).doesNotExist();
    }

    @Test
    void namesAreUniqueIgnoringCaseAndMustBeValid() throws Exception {
        store.create(SampleInstances.minimal("Debian"));

        assertThatThrownBy(() -> store.create(SampleInstances.minimal("Debian")))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NAME_TAKEN))
                .hasMessage("An instance named 'Debian' already exists; choose another name");
        assertThatThrownBy(() -> store.create(SampleInstances.minimal("debian")))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NAME_TAKEN))
                .hasMessageContaining("'Debian' already exists (names differing only by case");
        assertThatThrownBy(() -> store.create(SampleInstances.minimal("../escape")))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_NAME));
        assertThatThrownBy(() -> store.load("debian"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_INSTANCE))
                .hasMessageContaining("did you mean 'Debian'?");
        assertThat(home.resolve("config/escape.json")).doesNotExist();
    }

    @Test
    void renameWritesTheNewFileAndRemovesTheOld() throws Exception {
        store.create(SampleInstances.full("old"));
        store.create(SampleInstances.minimal("other"));

        Instance renamed = store.rename("old", "new");

        assertThat(renamed).isEqualTo(SampleInstances.full("old").withName("new"));
        assertThat(dir.resolve("old.json")).doesNotExist();
        assertThat(new InstanceStore(dir).loadAll().instances()).extracting(Instance::name)
                .containsExactly("new", "other");
        assertThat(store.load("new")).isEqualTo(renamed);
        assertThatThrownBy(() -> store.rename("new", "OTHER"))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NAME_TAKEN));
        assertThatThrownBy(() -> store.rename("gone", "x"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_INSTANCE));
        assertThat(store.rename("new", "New").name()).isEqualTo("New");
        assertThat(store.loadAll().instances()).extracting(Instance::name).containsExactly("New", "other");
    }

    @Test
    void updateReplacesAndDeleteRemoves() throws Exception {
        store.create(SampleInstances.minimal("vm"));
        Instance changed = SampleInstances.full("vm");

        store.update(changed);
        assertThat(store.load("vm")).isEqualTo(changed);

        store.delete("vm");
        assertThat(store.loadAll().instances()).isEmpty();
        assertThatThrownBy(() -> store.delete("vm"))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_INSTANCE))
                .hasMessage("No instance is named 'vm'; 'uml-manager list' shows the existing ones");
        assertThatThrownBy(() -> store.update(changed))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_INSTANCE));
    }

    @Test
    void updatingOverACorruptFileKeepsTheCorruptCopy() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("vm.json"), "garbage");

        store.update(SampleInstances.minimal("vm"));

        assertThat(store.load("vm")).isEqualTo(SampleInstances.minimal("vm"));
        assertThat(Files.readString(dir.resolve("vm.json.corrupt-20240506T070809Z"))).isEqualTo("garbage");
    }

    @Test
    void theFileNameIsTheNameEvenIfTheDocumentSaysOtherwise() throws Exception {
        store.create(SampleInstances.minimal("alpha"));
        Files.move(dir.resolve("alpha.json"), dir.resolve("beta.json"));

        LoadReport report = store.loadAll();

        assertThat(report.instances()).extracting(Instance::name).containsExactly("beta");
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.loaded()).isTrue();
            assertThat(p.message()).contains("says its name is 'alpha'");
        });
    }

    @Test
    void filesWithNamesThatAreNotInstanceNamesAreReportedAndLeftInPlace() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("my vm.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "not an instance");

        LoadReport report = store.loadAll();

        assertThat(report.instances()).isEmpty();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("'my vm' is not a valid name").contains("rename the file");
            assertThat(p.movedTo()).isEmpty();
        });
        assertThat(dir.resolve("my vm.json")).exists();
    }

    @Test
    void aMissingDirectoryIsAnEmptyStoreAndIsNotCreatedByReading() throws Exception {
        assertThat(store.loadAll()).isEqualTo(new LoadReport(List.of(), List.of()));
        assertThat(dir).doesNotExist();
    }

    private static String messageFor(LoadReport report, String fileName) {
        return report.problems().stream().filter(p -> p.file().getFileName().toString().equals(fileName))
                .map(LoadProblem::message).findFirst().orElseThrow();
    }
}
