package org.umlmanager.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.model.DiskFlag;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.VectorInterface;

class InstanceEditorViewModelTest {

    private static final Executor DIRECT = Runnable::run;

    private static InstanceEditorViewModel editor(Instance i, InstanceChecker checker) {
        return new InstanceEditorViewModel(i, checker, inst -> "linux umid=" + inst.umid(), DIRECT, DIRECT);
    }

    @Test
    void loadingAndRebuildingGivesBackTheSameInstance() {
        Instance original = SampleInstances.everything();
        var vm = editor(original, i -> List.of());

        assertThat(vm.edited()).isEqualTo(original);
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.canSaveProperty().get()).isFalse();
        assertThat(vm.commandLineProperty().get()).isEqualTo("linux umid=web-1");
    }

    @Test
    void editsMakeItDirtyAndSaveableUntilTheCheckerFindsAnError() {
        var vm = editor(Instance.builder("a").build(), i -> i.memory().filter(m -> m.mebibytes() < 16).isPresent()
                ? List.of(Problem.error("memory", "mem=" + i.memory().get(), "too little memory; give at least 16M"))
                : List.of());

        vm.general().memoryAmountProperty().set("512");
        assertThat(vm.edited().memory()).contains(MemorySize.ofMebibytes(512));
        assertThat(vm.canSaveProperty().get()).isTrue();

        vm.general().memoryAmountProperty().set("8");
        assertThat(vm.problemsFor("memory")).extracting(Problem::message)
                .containsExactly("too little memory; give at least 16M");
        assertThat(vm.canSaveProperty().get()).isFalse();

        vm.general().memoryUnitProperty().set(MemoryUnit.GIB);
        assertThat(vm.edited().memory()).contains(MemorySize.ofMebibytes(8 * 1024));
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.canSaveProperty().get()).isTrue();

        vm.revert();
        assertThat(vm.edited().memory()).isEmpty();
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void umidFollowsTheNameUntilTheUserSetsItApart() {
        var vm = editor(Instance.builder("a").build(), i -> List.of());

        vm.general().nameProperty().set("alpha");
        assertThat(vm.edited().umid()).isEqualTo("alpha");
        vm.general().umidProperty().set("other");
        vm.general().nameProperty().set("beta");
        assertThat(vm.edited().umid()).isEqualTo("other");
    }

    @Test
    void checksRunInTheBackgroundAndOnlyTheNewestResultIsShown() {
        List<Runnable> queued = new ArrayList<>();
        var vm = new InstanceEditorViewModel(Instance.builder("a").build(),
                i -> List.of(Problem.warning("name", i.name(), "checked " + i.name())),
                i -> i.name(), queued::add, DIRECT);
        vm.general().nameProperty().set("b");
        vm.general().nameProperty().set("c");
        assertThat(vm.checkingProperty().get()).isTrue();
        assertThat(vm.canSaveProperty().get()).isFalse();

        new ArrayList<>(queued).forEach(Runnable::run);

        assertThat(vm.problems()).extracting(Problem::message).containsExactly("checked c");
        assertThat(vm.commandLineProperty().get()).isEqualTo("c");
        assertThat(vm.checkingProperty().get()).isFalse();
    }

    @Test
    void disksAreAddedOnFreeUnitsAndMovingSwapsUnits() {
        var vm = editor(SampleInstances.everything(), i -> List.of());
        var disks = vm.disks();

        disks.add().orElseThrow().imageProperty().set("/srv/data.img");
        assertThat(vm.edited().disk(2).map(d -> d.image())).contains("/srv/data.img");

        disks.selectedProperty().set(1);
        disks.moveSelected(-1);
        assertThat(vm.edited().disk(1).map(d -> d.image())).contains("/srv/root.img");
        assertThat(vm.edited().disk(0).map(d -> d.image())).contains("/srv/base.img");
        assertThat(disks.selectedProperty().get()).isZero();

        disks.disks().get(1).flagProperty(DiskFlag.DATA).set(true);
        disks.disks().get(1).useCowProperty().set(false);
        assertThat(vm.edited().disks().get(1).flags()).contains(DiskFlag.DATA, DiskFlag.SYNC);
        assertThat(vm.edited().disks().get(1).cowFile()).isEmpty();

        disks.selectedProperty().set(2);
        disks.removeSelected();
        assertThat(vm.edited().disks()).hasSize(2);
    }

    @Test
    void networkTransportSwitchKeepsTypedFieldsAndANewInterfaceGetsALocalMac() {
        var vm = editor(Instance.builder("a").build(), i -> List.of());

        // A new interface is on the built-in NAT network, with a locally administered MAC of its own.
        InterfaceViewModel nic = vm.network().add();
        NetworkAttachment attached = (NetworkAttachment) vm.edited().networks().get(0);
        assertThat(attached.network()).isEqualTo(Network.DEFAULT_NAME);
        String mac = attached.mac().orElseThrow();
        assertThat(mac).matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
        assertThat(Integer.parseInt(mac.substring(0, 2), 16) & 0x03).isEqualTo(0x02);

        // As a host device in the kernel's syntax it keeps that address through transport changes.
        vm.network().connect(0, Optional.empty());
        assertThat(vm.edited().networks().get(0)).isInstanceOf(VectorInterface.class);
        nic.transportProperty().set(NetTransport.VEC_GRE);
        nic.value("rx_key").set("0x10");
        nic.value("tx_key").set("17");
        nic.value("v6").set("true");
        assertThat(vm.edited().networks().get(0).transportName()).isEqualTo("gre");
        assertThat(vm.edited().networks().get(0).toString()).contains("rxKey=OptionalLong[16]", "v6=Optional[true]");

        nic.transportProperty().set(NetTransport.MCAST);
        nic.value("port").set("1200");
        assertThat(vm.edited().networks().get(0).deviceName()).isEqualTo("eth0");
        assertThat(vm.edited().networks().get(0).toString()).contains("mac=Optional[" + mac + "]",
                "port=OptionalInt[1200]");
    }

    @Test
    void consolesAndHostAccess() {
        var vm = editor(Instance.builder("a").build(), i -> List.of());

        LineViewModel line = vm.consoles().add(LineKind.SSL);
        line.input().typeProperty().set(ChannelType.PORT);
        line.input().valueProperty().set("9100");
        assertThat(vm.edited().consoles().get(0).toString()).contains("SSL", "Port[port=9100]");
        assertThat(vm.consoles().add(LineKind.SSL).name()).isEqualTo("ssl1");

        // An instance without hostfs= (as imported lines often are) is unrestricted, and says so.
        assertThat(vm.hostAccess().accessProperty().get()).isEqualTo(HostAccess.UNRESTRICTED);
        assertThat(vm.hostAccess().unrestrictedProperty().get()).isTrue();
        assertThat(vm.edited().hostfs()).isEmpty();
        vm.hostAccess().accessProperty().set(HostAccess.FOLDER);
        vm.hostAccess().directoryProperty().set("/srv/share ");
        assertThat(vm.edited().hostfs()).contains(HostfsShare.folder("/srv/share"));
        assertThat(vm.hostAccess().unrestrictedProperty().get()).isFalse();
        assertThat(vm.hostAccess().sharingProperty().get()).isTrue();
        vm.hostAccess().accessProperty().set(HostAccess.NONE);
        assertThat(vm.edited().hostfs()).contains(HostfsShare.off());
        assertThat(vm.edited().hostfs().orElseThrow().directory()).isEqualTo("/dev/null");
    }

    @Test
    void anInstanceWithoutHostAccessLoadsAsNoneAndASharedFolderAsFolder() {
        var none = editor(Instance.builder("a").hostfs(HostfsShare.off()).build(), i -> List.of());
        assertThat(none.hostAccess().accessProperty().get()).isEqualTo(HostAccess.NONE);
        assertThat(none.hostAccess().directoryProperty().get()).isEmpty();
        var shared = editor(Instance.builder("b").hostfs(new HostfsShare("/srv/x", true)).build(), i -> List.of());
        assertThat(shared.hostAccess().accessProperty().get()).isEqualTo(HostAccess.FOLDER);
        assertThat(shared.hostAccess().directoryProperty().get()).isEqualTo("/srv/x");
        assertThat(shared.edited().hostfs()).contains(new HostfsShare("/srv/x", true));
    }
}
