package org.umlmanager.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.cow.CowFiles;
import org.umlmanager.job.Cancellation;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.lab.BootHook;
import org.umlmanager.lab.LabImportException;
import org.umlmanager.lab.LabProblem;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Lab;
import org.umlmanager.model.LabDevice;
import org.umlmanager.model.LabDomain;
import org.umlmanager.model.LabSetting;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.network.NetworkPaths;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.storage.LabStore;
import org.umlmanager.storage.NetworkStore;
import org.umlmanager.testing.LabDirectories;
import org.umlmanager.testing.UmlKernel;

/** Importing lab directories through the service, with real stores, base image and COW files. */
class LabImportTest {

    @TempDir
    Path tmp;
    AppPaths paths;
    InstanceStore instances;
    NetworkStore networks;
    LabStore labs;
    LabService service;

    @BeforeEach
    void setUp() {
        UmlKernel.requireBusybox();
        UmlKernel.requireMkfsExt4();
        paths = AppPaths.under(tmp.resolve("home"));
        instances = new InstanceStore(paths.instancesDir());
        networks = new NetworkStore(paths.networksDir(), paths.instancesDir());
        labs = new LabStore(paths.labsDir(), instances, networks);
        service = new LabService(labs, instances, networks, paths.labsDataDir(),
                new NetworkPaths(paths.networksRuntimeDir()), Runnable::run);
    }

    private LabImportResult importLab(Path dir, String name) throws Exception {
        try {
            return service.importLab(new LabImportRequest(dir, Optional.ofNullable(name), Optional.of("busybox"),
                    Instance.DEFAULT_KERNEL), ProgressListener.NONE, new Cancellation()).join();
        } catch (CompletionException e) {
            throw (Exception) e.getCause();
        }
    }

    private LabImportException importFails(Path dir, String name) {
        Throwable t = null;
        try {
            importLab(dir, name);
        } catch (Exception e) {
            t = e;
        }
        assertThat(t).isInstanceOf(LabImportException.class);
        return (LabImportException) t;
    }

    /** Everything under the home directory, for "nothing changed" checks. */
    private Map<String, String> snapshot() throws Exception {
        Path home = tmp.resolve("home");
        if (!Files.exists(home)) {
            return Map.of();
        }
        try (Stream<Path> walk = Files.walk(home)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(".lock"))
                    .collect(Collectors.toMap(p -> home.relativize(p).toString(), p -> {
                        try {
                            return Long.toString(Files.size(p)) + ":" + Files.getLastModifiedTime(p);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
        }
    }

    @Test
    void theTwoRouterLabBecomesInstancesOnSwitchNetworksWithCowFiles() throws Exception {
        Path dir = LabDirectories.twoRouters(tmp.resolve("two routers"));

        LabImportResult result = importLab(dir, "lab1");

        Lab lab = result.lab();
        assertThat(lab.name()).isEqualTo("lab1");
        assertThat(lab.directory()).contains(dir.toRealPath().toString());
        assertThat(lab.meta(Lab.DESCRIPTION)).contains("Two routers, three hosts, three collision domains");
        assertThat(lab.devices()).extracting(LabDevice::name).containsExactly("r1", "r2", "h1", "h2", "h3");
        assertThat(lab.device("h1").orElseThrow().after()).containsExactly("r1", "r2");
        assertThat(lab.device("h1").orElseThrow().settings()).containsExactly(
                new LabSetting("shiny", "an option nobody knows"));
        assertThat(lab.domains()).containsExactly(new LabDomain("A", "lab1-A"), new LabDomain("B", "lab1-B"),
                new LabDomain("C", "lab1-C"));
        assertThat(labs.load("lab1")).isEqualTo(lab);
        assertThat(result.warnings()).extracting(LabProblem::message)
                .anySatisfy(m -> assertThat(m).contains("h1[shiny]", "kept with the lab"));

        assertThat(networks.loadAll().networks()).contains(new Network.Switch("lab1-A", false),
                new Network.Switch("lab1-B", false), new Network.Switch("lab1-C", false));
        Instance r1 = instances.load("lab1-r1");
        assertThat(r1.attachments()).containsExactly(
                new NetworkAttachment(NetworkAttachment.Family.ETH, 0, "lab1-A", Optional.empty(), Optional.empty()),
                new NetworkAttachment(NetworkAttachment.Family.ETH, 1, "lab1-B", Optional.empty(), Optional.empty()));
        assertThat(BootHook.deviceOf(r1.extraArgs())).contains("r1");
        assertThat(BootHook.values(r1.extraArgs(), BootHook.SYSCTL_ARG)).containsExactly("net.ipv4.conf.all.rp_filter=0");
        Instance h3 = instances.load("lab1-h3");
        assertThat(h3.memory()).contains(MemorySize.ofMebibytes(48));
        assertThat(h3.attachments().get(0).mac()).contains(LabDirectories.H3_MAC);
        // The directory has a space, which hostfs= cannot hold: the devices share it through a link.
        Path share = paths.labsDataDir().resolve("lab1/lab-directory");
        assertThat(h3.hostfs()).contains(new HostfsShare(share.toString(), false));
        assertThat(share.toRealPath()).isEqualTo(dir.toRealPath());

        Path base = paths.labsDataDir().resolve("bases/busybox-h" + BootHook.VERSION + ".img");
        for (String device : List.of("r1", "r2", "h1", "h2", "h3")) {
            Path cow = paths.labsDataDir().resolve("lab1/" + device + ".cow");
            Instance i = instances.load("lab1-" + device);
            assertThat(i.disks()).singleElement().satisfies(d -> {
                assertThat(d.cowFile()).contains(cow.toString());
                assertThat(d.image()).isEqualTo(base.toString());
            });
            assertThat(CowFiles.readHeader(cow).backingFile()).isEqualTo(base.toString());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cow))).isEqualTo("rw-------");
        }
    }

    @Test
    void exportThenImportGivesTheSameLab() throws Exception {
        Path dir = LabDirectories.twoRouters(tmp.resolve("lab"));
        Lab first = importLab(dir, "first").lab();

        Path exported = service.export("first", tmp.resolve("exported")).join().directory();
        Lab second = importLab(exported, "second").lab();

        assertThat(Files.readString(exported.resolve("h1/etc/motd"))).isEqualTo(LabDirectories.MOTD + "\n");
        assertThat(Files.readString(exported.resolve("r1.startup"))).isEqualTo(Files.readString(dir.resolve("r1.startup")));
        assertThat(second.metadata()).isEqualTo(first.metadata());
        assertThat(second.devices()).extracting(LabDevice::name, LabDevice::after, LabDevice::settings)
                .isEqualTo(first.devices().stream().map(d -> org.assertj.core.groups.Tuple.tuple(d.name(), d.after(),
                        d.settings())).toList());
        assertThat(second.domains()).extracting(LabDomain::name).isEqualTo(first.domains().stream()
                .map(LabDomain::name).toList());
        for (LabDevice d : first.devices()) {
            Instance a = instances.load("first-" + d.name());
            Instance b = instances.load("second-" + d.name());
            assertThat(b.attachments()).extracting(NetworkAttachment::unit, NetworkAttachment::mac)
                    .isEqualTo(a.attachments().stream().map(x -> org.assertj.core.groups.Tuple.tuple(x.unit(), x.mac()))
                            .toList());
            assertThat(b.attachments()).extracting(NetworkAttachment::network).isEqualTo(a.attachments().stream()
                    .map(x -> x.network().replaceFirst("^first-", "second-")).toList());
            assertThat(b.memory()).isEqualTo(a.memory());
            assertThat(b.extraArgs()).isEqualTo(a.extraArgs());
        }
    }

    @Test
    void aNameTakenByAnExistingInstanceImportsNothingAndLeavesItAlone() throws Exception {
        Instance mine = Instance.builder("lab1-h2").notes("mine").build();
        instances.create(mine);
        Map<String, String> before = snapshot();
        Path dir = LabDirectories.twoRouters(tmp.resolve("lab"));

        LabImportException e = importFails(dir, "lab1");

        assertThat(e.errors()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("lab.conf line 14");
            assertThat(p.message()).contains("an instance named 'lab1-h2' already exists", "--name");
        });
        assertThat(snapshot()).isEqualTo(before);
        assertThat(instances.loadAll().instances()).containsExactly(mine);
        assertThat(labs.loadAll().labs()).isEmpty();
    }

    @Test
    void aDependencyCycleImportsNothing() throws Exception {
        Path dir = LabDirectories.twoRouters(tmp.resolve("lab"));
        Files.writeString(dir.resolve("lab.dep"), "r1: r2\nr2: r1\n");

        LabImportException e = importFails(dir, "lab1");

        assertThat(e.errors()).singleElement().satisfies(p -> assertThat(p.message()).contains("r1 → r2 → r1"));
        assertThat(snapshot()).isEmpty();
    }

    @Test
    void aFailedImportsFutureHandsTheWindowTheDirectorysProblems() throws Exception {
        Path dir = LabDirectories.twoRouters(tmp.resolve("lab"));
        Files.writeString(dir.resolve("lab.dep"), "r1: r2\nr2: r1\n");
        CompletableFuture<LabImportResult> future = service.importLab(new LabImportRequest(dir, Optional.of("lab1"),
                Optional.of("busybox"), Instance.DEFAULT_KERNEL), ProgressListener.NONE, new Cancellation());

        Throwable failure = future.handle((r, t) -> t).join();

        assertThat(LabService.importProblems(failure)).hasValueSatisfying(problems -> assertThat(problems)
                .singleElement().satisfies(p -> assertThat(p.message()).contains("r1 → r2 → r1")));
        assertThat(LabService.importProblems(new CompletionException(new IOException("disk full")))).isEmpty();
    }

    @Test
    void aStartupFileThatIsNoFileImportsNothing() throws Exception {
        Path dir = LabDirectories.twoRouters(tmp.resolve("lab"));
        Files.delete(dir.resolve("r2.startup"));
        Files.createDirectory(dir.resolve("r2.startup"));

        LabImportException e = importFails(dir, "lab1");

        assertThat(e.errors()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("r2.startup");
            assertThat(p.message()).contains("is not a file");
        });
        assertThat(snapshot()).isEmpty();
    }

    @Test
    void aDeviceWithoutStartupFileIsImportedWithAWarningNamingACaseMismatch() throws Exception {
        Path dir = LabDirectories.twoRouters(tmp.resolve("lab"));
        Files.move(dir.resolve("h3.startup"), dir.resolve("H3.startup"));

        LabImportResult result = importLab(dir, "lab1");

        assertThat(result.warnings()).anySatisfy(p -> assertThat(p.message())
                .contains("h3 has no h3.startup", "there is H3.startup", "case-sensitive"));
    }

    @Test
    void moreInterfacesThanTheKernelTakesIsAnError() throws Exception {
        Path dir = tmp.resolve("big");
        StringBuilder conf = new StringBuilder();
        for (int i = 0; i <= 64; i++) {
            conf.append("r1[").append(i).append("]=d").append(i).append('\n');
        }
        LabDirectories.write(dir, "lab.conf", conf.toString());

        LabImportException e = importFails(dir, "big");

        assertThat(e.errors()).anySatisfy(p -> assertThat(p.message()).contains("r1 has 65 interfaces",
                "at most 64"));
        assertThat(snapshot()).isEmpty();
    }

    @Test
    void anInvalidLabNameIsRefusedAndTheDirectorysOwnNameIsTheDefault() throws Exception {
        Path dir = LabDirectories.twoRouters(tmp.resolve("ospf"));

        assertThat(importFails(dir, "no/slash").errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not a valid lab name"));
        assertThat(importLab(dir, null).lab().name()).isEqualTo("ospf");
        assertThat(importFails(dir, null).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("a lab named 'ospf' already exists"));
    }

    @Test
    void deleteListsWhatItRemovesAndKeepsTheLabDirectoryAndTheBase() throws Exception {
        Path dir = LabDirectories.twoRouters(tmp.resolve("lab"));
        importLab(dir, "lab1");
        instances.create(Instance.builder("bystander").build());

        List<String> removed = service.delete("lab1", true).join();

        assertThat(removed).contains("instance lab1-r1", "network lab1-C",
                "file " + paths.labsDataDir().resolve("lab1/h3.cow"));
        assertThat(labs.loadAll().labs()).isEmpty();
        assertThat(instances.loadAll().instances()).extracting(Instance::name).containsExactly("bystander");
        assertThat(networks.loadAll().networks()).extracting(Network::name).containsExactly("default");
        assertThat(paths.labsDataDir().resolve("lab1")).doesNotExist();
        assertThat(paths.labsDataDir().resolve("bases/busybox-h" + BootHook.VERSION + ".img")).exists();
        assertThat(dir.resolve("lab.conf")).exists();
    }

    @Test
    void anExportNeverWritesIntoADirectoryThatHasFiles() throws Exception {
        importLab(LabDirectories.twoRouters(tmp.resolve("lab")), "lab1");
        Path taken = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(taken.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> service.export("lab1", taken).join()).hasCauseInstanceOf(java.io.IOException.class)
                .hasMessageContaining("not an empty directory");
        assertThat(Files.list(taken).toList()).containsExactly(taken.resolve("keep.txt"));
    }
}
