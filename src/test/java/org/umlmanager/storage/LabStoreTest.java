package org.umlmanager.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Lab;
import org.umlmanager.model.LabDevice;
import org.umlmanager.model.LabDomain;
import org.umlmanager.model.LabSetting;
import org.umlmanager.model.Network;
import org.umlmanager.model.NodePosition;
import org.umlmanager.storage.StoreException.Reason;

class LabStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC);
    private static final String GOLDEN = "lab-v1.json";

    @TempDir
    Path home;
    InstanceStore instances;
    NetworkStore networks;
    LabStore labs;

    @BeforeEach
    void setUp() {
        instances = new InstanceStore(home.resolve("config/instances"), CLOCK);
        networks = new NetworkStore(home.resolve("config/networks"), home.resolve("config/instances"), CLOCK);
        labs = new LabStore(home.resolve("config/labs"), instances, networks, CLOCK);
    }

    static Lab twoRouters() {
        return new Lab("ospf", Optional.of("/home/student/labs/ospf"),
                List.of(new LabSetting(Lab.DESCRIPTION, "Two routers, OSPF"), new LabSetting("LAB_AUTHOR", "A. Teacher")),
                List.of(new LabDevice("r1", "ospf-r1", List.of(), List.of(new LabSetting("image", "kathara/frr"),
                                new LabSetting("sysctl", "net.ipv4.ip_forward=1"))),
                        new LabDevice("pc1", "ospf-pc1", List.of("r1"), List.of(new LabSetting("mem", "64m"),
                                new LabSetting("shiny", "unknown keys are kept")))),
                List.of(new LabDomain("A", "ospf-A"), new LabDomain("B", "ospf-B")),
                List.of(new NodePosition(NodePosition.Kind.DEVICE, "r1", 120.5, 40),
                        new NodePosition(NodePosition.Kind.DOMAIN, "A", 60, 140)));
    }

    private static List<Instance> members() {
        return List.of(Instance.builder("ospf-r1").build(), Instance.builder("ospf-pc1").build());
    }

    private static List<Network> domains() {
        return List.of(new Network.Switch("ospf-A", false), new Network.Switch("ospf-B", false));
    }

    @Test
    void aLabIsSavedWithItsMembersAndReadBackByAFreshStore() throws Exception {
        labs.createWithMembers(twoRouters(), members(), domains());

        LabStore fresh = new LabStore(home.resolve("config/labs"), new InstanceStore(home.resolve("config/instances")),
                networks);
        assertThat(fresh.loadAll().labs()).containsExactly(twoRouters());
        assertThat(fresh.load("ospf")).isEqualTo(twoRouters());
        assertThat(instances.loadAll().instances()).extracting(Instance::name).containsExactly("ospf-pc1", "ospf-r1");
        assertThat(networks.loadAll().networks()).extracting(Network::name).contains("ospf-A", "ospf-B");
    }

    @Test
    void theFileFormatIsTheGoldenFile() throws Exception {
        String expected;
        try (var in = LabStoreTest.class.getResourceAsStream(GOLDEN)) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(new String(LabCodec.encode(twoRouters()), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(LabCodec.decode(expected.getBytes(StandardCharsets.UTF_8), "ospf"))
                .isEqualTo(new Decoded.Readable<>(twoRouters(), List.of()));
    }

    @Test
    void filesAreOwnerOnly() throws Exception {
        labs.createWithMembers(twoRouters(), members(), domains());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(labs.fileOf("ospf"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(labs.directory())))
                .isEqualTo("rwx------");
    }

    @Test
    void aTakenInstanceNameLeavesNothingOfTheLabAndTheExistingInstanceUntouched() throws Exception {
        Instance mine = Instance.builder("OSPF-PC1").notes("the user's own machine").build();
        instances.create(mine);
        byte[] before = Files.readAllBytes(instances.fileOf("OSPF-PC1"));

        assertThatThrownBy(() -> labs.createWithMembers(twoRouters(), members(), domains()))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(Reason.NAME_TAKEN))
                .hasMessageContaining("OSPF-PC1");

        assertThat(labs.loadAll().labs()).isEmpty();
        assertThat(instances.loadAll().instances()).containsExactly(mine);
        assertThat(Files.readAllBytes(instances.fileOf("OSPF-PC1"))).isEqualTo(before);
        assertThat(networks.loadAll().networks()).extracting(Network::name).containsExactly("default");
    }

    @Test
    void aTakenLabNameIsRefusedBeforeAnythingIsWritten() throws Exception {
        labs.createWithMembers(twoRouters(), members(), domains());

        Lab again = new Lab("OSPF", Optional.empty(), List.of(), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> labs.createWithMembers(again, List.of(Instance.builder("x").build()), List.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("A lab named 'ospf' already exists");
        assertThat(instances.existingName("x")).isEmpty();
    }

    @Test
    void deletingALabRemovesItsMembersAndSkipsOnesAlreadyGone() throws Exception {
        labs.createWithMembers(twoRouters(), members(), domains());
        instances.delete("ospf-pc1");
        instances.create(Instance.builder("bystander").build());

        labs.deleteWithMembers("ospf", List.of("ospf-r1", "ospf-pc1"), List.of("ospf-A", "ospf-B"));

        assertThat(labs.loadAll().labs()).isEmpty();
        assertThat(instances.loadAll().instances()).extracting(Instance::name).containsExactly("bystander");
        assertThat(networks.loadAll().networks()).extracting(Network::name).containsExactly("default");
    }

    @Test
    void anUnreadableLabIsMovedAsideAndReportedWhileTheOthersLoad() throws Exception {
        labs.createWithMembers(twoRouters(), members(), domains());
        Files.writeString(labs.fileOf("broken"), "{\"schemaVersion\": 1, \"name\": \"broken\", \"devics\": []}");

        LabLoadReport report = labs.loadAll();

        assertThat(report.labs()).containsExactly(twoRouters());
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("devics");
            assertThat(p.movedTo()).contains(labs.directory().resolve("broken.json.corrupt-20240506T070809Z"));
        });
        assertThat(Files.exists(labs.fileOf("broken"))).isFalse();
    }

    @Test
    void aLabFromANewerVersionIsLeftInPlaceAndNotOverwritten() throws Exception {
        Files.createDirectories(labs.directory());
        String newer = "{\"schemaVersion\": 99, \"name\": \"future\", \"warp\": true}\n";
        Files.writeString(labs.fileOf("future"), newer);

        assertThat(labs.loadAll().problems()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("newer UML Manager").contains("left untouched"));
        Lab future = new Lab("future", Optional.empty(), List.of(), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> labs.update(future)).isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(Reason.NEWER_VERSION));
        assertThat(Files.readString(labs.fileOf("future"))).isEqualTo(newer);
    }

    @Test
    void positionsAreSavedByUpdate() throws Exception {
        labs.createWithMembers(twoRouters(), members(), domains());
        Lab moved = twoRouters().withPositions(List.of(new NodePosition(NodePosition.Kind.DEVICE, "pc1", 1, 2)));

        labs.update(moved);

        assertThat(labs.load("ospf")).isEqualTo(moved);
    }

    @Test
    void aThreadHoldingTheLockMayTakeItAgainAndOnlyTheOutermostReleaseLetsItGo() throws Exception {
        Files.createDirectories(instances.directory());
        try (StoreLock outer = StoreLock.acquire(instances.directory(), Duration.ofSeconds(5))) {
            instances.create(Instance.builder("nested").build());
            // The nested hold of create() is over; another thread must still wait for the outer one.
            CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(() -> {
                try (StoreLock lock = StoreLock.acquire(instances.directory(), Duration.ofMillis(200))) {
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
            assertThat(other.get(60, TimeUnit.SECONDS)).isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(Reason.BUSY));
        }
        assertThat(instances.existingName("nested")).contains("nested");
        try (StoreLock again = StoreLock.acquire(instances.directory(), Duration.ofSeconds(5))) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    @Timeout(60)
    void oddLabFilesNeitherHangNorExhaustTheStoreAndStayReported() throws Exception {
        labs.createWithMembers(twoRouters(), members(), domains());
        Path dir = labs.directory();
        Path fifo = dir.resolve("pipe.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[2 * 1024 * 1024]);

        LabLoadReport first = labs.loadAll();
        assertThat(first.labs()).extracting(Lab::name).containsExactly("ospf");
        assertThat(first.problems()).extracting(p -> p.file().getFileName() + ": " + p.message()).satisfiesExactly(
                m -> assertThat(m).startsWith("big.json: not loaded: it is 2.0 MiB"),
                m -> assertThat(m).startsWith("pipe.json: not loaded: it is a FIFO"));
        assertThat(big).doesNotExist();
        assertThatThrownBy(() -> labs.load("pipe")).hasMessageContaining("is a FIFO");
        Lab pipe = new Lab("pipe", Optional.empty(), List.of(), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> labs.update(pipe)).hasMessageContaining("is a FIFO");

        LabLoadReport again = labs.loadAll();
        assertThat(again.problems()).extracting(p -> p.file().getFileName().toString()).containsExactly(
                "big.json.corrupt-20240506T070809Z", "pipe.json");
        assertThat(again.problems().get(0).message()).contains("moved aside earlier");
    }

    @Test
    void aLinkOutOfTheLabFolderIsNotFollowed() throws Exception {
        labs.createWithMembers(twoRouters(), members(), domains());
        Path outside = Files.writeString(home.resolve("elsewhere.json"), Files.readString(labs.fileOf("ospf")));
        Files.createSymbolicLink(labs.fileOf("linked"), outside);

        assertThat(labs.loadAll().problems()).singleElement().satisfies(p ->
                assertThat(p.message()).contains("outside").contains("not followed"));
        assertThat(labs.loadAll().labs()).extracting(Lab::name).containsExactly("ospf");
    }

    @Test
    @Timeout(120)
    void labsWaitForAnotherProgramsHoldOfTheInstancesLockAndNameIt() throws Exception {
        labs.createWithMembers(twoRouters(), members(), domains());
        LabStore impatient = new LabStore(home.resolve("config/labs"), instances, networks, CLOCK,
                Duration.ofMillis(500));
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockHoldingProcess.class.getName(),
                instances.directory().toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            assertThatThrownBy(impatient::loadAll).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.BUSY))
                    .hasMessageContaining("process " + holder.pid() + " (");
            assertThatThrownBy(() -> impatient.update(twoRouters())).hasMessageContaining("process " + holder.pid());
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        assertThat(impatient.load("ospf")).isEqualTo(twoRouters());
    }
}
