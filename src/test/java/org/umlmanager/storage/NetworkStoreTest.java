package org.umlmanager.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.model.Ipv4Address;
import org.umlmanager.model.Network;
import org.umlmanager.model.PortForward;
import org.umlmanager.model.Subnet;
import org.umlmanager.model.VectorTransport;
import org.umlmanager.storage.StoreException.Reason;

class NetworkStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);
    private static final String GOLDEN = "lab-network-v1.json";

    @TempDir
    Path home;
    Path dir;
    NetworkStore store;

    @BeforeEach
    void setUp() {
        dir = home.resolve("config/networks");
        store = new NetworkStore(dir, home.resolve("config/instances"), CLOCK);
    }

    static Network.Nat lab() {
        Ipv4Address guest = Ipv4Address.of("10.0.3.15");
        return Network.Nat.withDefaults("lab", Subnet.of("10.0.3.0/24")).withForwards(List.of(
                PortForward.parse("8080:80", guest), PortForward.parse("udp:0.0.0.0:5353:10.0.3.20:53", guest)));
    }

    @Test
    void theDefaultNetworkExistsWithoutAFileAndWithoutADirectory() throws Exception {
        assertThat(store.loadAll().networks()).containsExactly(Network.builtInDefault());
        assertThat(store.load("default")).isEqualTo(Network.builtInDefault());
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void everyKindRoundTripsThroughAFreshStoreAndIsListedBesideDefault() throws Exception {
        Network sw = new Network.Switch("lan", true);
        Network tap = new Network.HostDevice("tap", new VectorTransport.Tap(Optional.of("tap0")));
        store.create(lab());
        store.create(sw);
        store.create(tap);

        NetworkStore fresh = new NetworkStore(dir, home.resolve("config/instances"));
        assertThat(fresh.loadAll().networks()).containsExactly(Network.builtInDefault(), lab(), sw, tap);
        assertThat(fresh.load("lab")).isEqualTo(lab());
    }

    @Test
    void theFileFormatIsTheGoldenFile() throws Exception {
        String expected;
        try (var in = NetworkStoreTest.class.getResourceAsStream(GOLDEN)) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(NetworkCodec.encodeText(lab())).isEqualTo(expected);
        assertThat(NetworkCodec.decode(expected.getBytes(StandardCharsets.UTF_8), "lab"))
                .isEqualTo(new Decoded.Readable<>(lab(), List.of()));
    }

    @Test
    void filesAreOwnerOnlyAndTheLockIsTheInstances() throws Exception {
        store.create(new Network.Switch("lan", false));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("lan.json"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(home.resolve("config/instances/.lock")).exists();
        assertThat(dir.resolve(".lock")).doesNotExist();
    }

    @Test
    void defaultCanBeChangedButNotDeletedOrCreatedAgain() throws Exception {
        Network.Nat changed = Network.builtInDefault().withForwards(List.of(PortForward.parse("2222:22",
                Ipv4Address.of("10.0.2.15"))));
        store.update(changed);
        assertThat(store.load("default")).isEqualTo(changed);
        assertThat(store.loadAll().networks()).containsExactly(changed);

        assertThatThrownBy(() -> store.delete("default")).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.getMessage()).contains("built in and cannot be deleted"));
        assertThatThrownBy(() -> store.create(new Network.Switch("Default", false)))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NAME_TAKEN));
    }

    @Test
    void namesAreUniqueIgnoringCaseValidAndDeletable() throws Exception {
        store.create(new Network.Switch("Lan", false));

        assertThatThrownBy(() -> store.create(new Network.Switch("lan", true)))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.getMessage())
                        .contains("'Lan' already exists"));
        assertThatThrownBy(() -> store.create(new Network.Switch("a/b", true)))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_NAME));
        assertThatThrownBy(() -> store.load("lan")).hasMessageContaining("did you mean 'Lan'");
        store.delete("Lan");
        assertThat(store.loadAll().networks()).containsExactly(Network.builtInDefault());
        assertThatThrownBy(() -> store.delete("Lan")).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_INSTANCE));
    }

    @Test
    void unreadableFilesAreMovedAsideAndNewerOnesLeftAlone() throws Exception {
        store.create(new Network.Switch("good", false));
        Files.writeString(dir.resolve("broken.json"), "{\"schemaVersion\": 1, \"type\": \"nat\", \"subnet\": ");
        Files.writeString(dir.resolve("typo.json"), "{\"schemaVersion\": 1, \"type\": \"switch\", \"hbu\": true}");
        String newer = "{\"schemaVersion\": 9, \"type\": \"mesh\"}";
        Files.writeString(dir.resolve("future.json"), newer);

        NetworkLoadReport report = store.loadAll();

        assertThat(report.networks()).extracting(Network::name).containsExactly("default", "good");
        assertThat(report.problems()).extracting(p -> p.file().getFileName() + ": " + p.message()).satisfiesExactly(
                m -> assertThat(m).startsWith("broken.json: not loaded: not valid JSON"),
                m -> assertThat(m).startsWith("future.json: written by a newer UML Manager (network schema version 9"),
                m -> assertThat(m).startsWith("typo.json: not loaded: unknown field 'hbu'"));
        assertThat(dir.resolve("broken.json.corrupt-20240506T070809Z")).exists();
        assertThat(Files.readString(dir.resolve("future.json"))).isEqualTo(newer);
        assertThatThrownBy(() -> store.update(new Network.Switch("future", false)))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.NEWER_VERSION));
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void oddFilesNeitherHangNorExhaustTheStoreAndStayReported() throws Exception {
        store.create(new Network.Switch("good", false));
        Path fifo = dir.resolve("pipe.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[2 * 1024 * 1024]);

        NetworkLoadReport first = store.loadAll();
        assertThat(first.networks()).extracting(Network::name).containsExactly("default", "good");
        assertThat(first.problems()).extracting(p -> p.file().getFileName() + ": " + p.message()).satisfiesExactly(
                m -> assertThat(m).startsWith("big.json: not loaded: it is 2.0 MiB"),
                m -> assertThat(m).startsWith("pipe.json: not loaded: it is a FIFO"));
        assertThat(big).doesNotExist();
        assertThatThrownBy(() -> store.load("pipe")).hasMessageContaining("is a FIFO");

        NetworkLoadReport again = store.loadAll();
        assertThat(again.problems()).extracting(p -> p.file().getFileName().toString()).containsExactly(
                "big.json.corrupt-20240506T070809Z", "pipe.json");
    }

    @Test
    void aBadSubnetInAFileIsReportedByField() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("odd.json"), "{\"schemaVersion\": 1, \"type\": \"nat\", \"subnet\":"
                + " \"10.0.5.9/24\", \"gateway\": \"10.0.5.2\", \"dns\": \"10.0.5.3\", \"dhcpStart\": \"10.0.5.15\"}");

        assertThat(store.loadAll().problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("subnet: 10.0.5.9/24 is an address inside a network").contains("10.0.5.0/24"));
    }
}
