package org.umlmanager.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.InterfaceAddress;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.provision.GuestNetwork;
import org.umlmanager.provision.ProvisionRequest;
import org.umlmanager.provision.RootfsSource;
import org.umlmanager.testing.UmlKernel;

/** The wizard's form: a check per page, worded for the user, and the request it adds up to. */
class NewVmFormTest {

    private final NewVmForm form = new NewVmForm(Set.of("Taken"), "linux", List.of(Network.builtInDefault(), new Network.Switch("lab", false)));

    @Test
    void eachPageSaysWhatIsWrong() {
        assertThat(form.problem(WizardPage.NAME)).get().asString().contains("the name is empty");
        form.nameProperty().set("taken");
        assertThat(form.problem(WizardPage.NAME)).get().asString().contains("already exists");
        form.nameProperty().set("web 1");
        assertThat(form.problem(WizardPage.NAME)).get().asString().contains("not a valid name");
        form.nameProperty().set("web1");
        assertThat(form.problem(WizardPage.NAME)).isEmpty();

        form.kernelProperty().set("/nonexistent/linux");
        assertThat(form.problem(WizardPage.KERNEL)).get().asString().contains("not an executable file");

        form.sourceProperty().set(SourceKind.DIRECTORY);
        assertThat(form.problem(WizardPage.SOURCE)).get().asString().contains("choose the directory");
        form.directoryProperty().set("relative/dir");
        assertThat(form.problem(WizardPage.SOURCE)).get().asString().contains("full path");
        form.sourceProperty().set(SourceKind.DEBIAN);
        form.suiteProperty().set("Bookworm!");
        assertThat(form.problem(WizardPage.SOURCE)).get().asString().contains("not a Debian suite");
        form.suiteProperty().set("bookworm");
        form.passwordProperty().set("a");
        form.passwordAgainProperty().set("b");
        assertThat(form.problem(WizardPage.SOURCE)).get().asString().contains("passwords differ");
        form.passwordAgainProperty().set("a");
        form.hostnameProperty().set("-bad");
        assertThat(form.problem(WizardPage.SOURCE)).get().asString().contains("not a valid host name");
        form.hostnameProperty().set("");
        assertThat(form.problem(WizardPage.SOURCE)).isEmpty();

        form.sizeProperty().set("big");
        assertThat(form.problem(WizardPage.DISK)).get().asString().contains("'big' is not a size");
        form.sizeProperty().set("8M");
        assertThat(form.problem(WizardPage.DISK)).get().asString().contains("at least 16M");
        form.sizeProperty().set("");
        assertThat(form.problem(WizardPage.DISK)).isEmpty();

        form.memoryMibProperty().set("lots");
        assertThat(form.problem(WizardPage.MEMORY)).get().asString().contains("in MiB");

        form.networks().setAll(new NetworkRow("vec0:transport=nonsense"));
        assertThat(form.problem(WizardPage.NETWORK)).isPresent();
        form.networks().get(0).specProperty().set("vec0:transport=tap,ifname=tap0");
        form.networks().get(0).addressingProperty().set(Addressing.STATIC);
        form.networks().get(0).addressProperty().set("10.0.0.2");
        assertThat(form.problem(WizardPage.NETWORK)).get().asString().contains("prefix length");

        assertThat(form.problem(WizardPage.SUMMARY)).get().asString().startsWith("Kernel: ");
    }

    @Test
    void memoryFollowsTheSourceUntilTyped() {
        assertThat(form.memoryMibProperty().get()).isEqualTo("64");
        form.sourceProperty().set(SourceKind.DEBIAN);
        assertThat(form.memoryMibProperty().get()).isEqualTo("256");
    }

    @Test
    void aCompleteFormIsTheRequest(@TempDir Path dir) throws Exception {
        Path kernel = UmlKernel.require();
        Path rootfs = Files.createDirectory(dir.resolve("rootfs"));
        form.nameProperty().set("web1");
        form.kernelProperty().set(kernel.toString());
        form.sourceProperty().set(SourceKind.DIRECTORY);
        form.directoryProperty().set(rootfs.toString());
        form.hostnameProperty().set("web");
        form.passwordProperty().set("pw");
        form.passwordAgainProperty().set("pw");
        form.sizeProperty().set("1G");
        form.cowProperty().set(true);
        form.memoryMibProperty().set("512");
        form.networks().setAll(new NetworkRow("vec0:transport=tap,ifname=tap0"));
        form.networks().get(0).addressingProperty().set(Addressing.STATIC);
        form.networks().get(0).addressProperty().set("10.0.2.15/24,10.0.2.2");
        form.consolesProperty().set(2);
        assertThat(form.problem(WizardPage.SUMMARY)).isEmpty();

        ProvisionRequest r = form.request();
        assertThat(r.name()).isEqualTo("web1");
        assertThat(r.source()).isEqualTo(new RootfsSource.Directory(rootfs));
        assertThat(r.size()).contains(MemorySize.parse("1G").orElseThrow());
        assertThat(r.cow()).isTrue();
        assertThat(r.memory()).contains(MemorySize.ofMebibytes(512));
        assertThat(r.hostname()).contains("web");
        assertThat(r.rootPassword().orElseThrow().matches("pw".toCharArray())).isTrue();
        assertThat(r.networks()).singleElement().isInstanceOf(VectorInterface.class);
        assertThat(r.guestNetworks()).containsExactly(new GuestNetwork("vec0",
                new GuestNetwork.Addressing.Static("10.0.2.15", 24, Optional.of("10.0.2.2"))));
        assertThat(r.consoles()).contains(ConsoleLine.con(0, LineSpec.of(ConsoleChannel.EMBEDDED)),
                ConsoleLine.con(1, LineSpec.of(ConsoleChannel.EMBEDDED))).hasSize(3);
    }

    /** A new machine is on the built-in NAT network with DHCP, as libvirt's are; a second interface goes on a switch. */
    @Test
    void aNewMachineIsOnTheDefaultNatNetworkAndMayJoinASwitch(@TempDir Path dir) throws Exception {
        form.nameProperty().set("net1");
        form.kernelProperty().set(UmlKernel.require().toString());
        assertThat(form.networks()).singleElement().satisfies(row ->
                assertThat(row.networkProperty().get()).isEqualTo(Network.DEFAULT_NAME));
        assertThat(form.problem(WizardPage.SUMMARY)).isEmpty();

        ProvisionRequest r = form.request();
        assertThat(r.networks()).singleElement().isInstanceOfSatisfying(NetworkAttachment.class, a -> {
            assertThat(a.deviceName()).isEqualTo("eth0");
            assertThat(a.network()).isEqualTo("default");
            assertThat(a.mac()).isPresent();
            assertThat(a.address()).isEmpty();
        });
        assertThat(r.guestNetworks()).containsExactly(GuestNetwork.dhcp("eth0"));
        assertThat(r.networkDefinitions()).extracting(Network::name).contains("default", "lab");

        NetworkRow lan = NetworkRow.on("lab");
        lan.addressingProperty().set(Addressing.STATIC);
        lan.addressProperty().set("192.168.50.2/24");
        form.networks().add(lan);
        ProvisionRequest two = form.request();
        assertThat(two.networks()).extracting(n -> n.deviceName()).containsExactly("eth0", "eth1");
        assertThat(((NetworkAttachment) two.networks().get(1)).address())
                .isEqualTo(InterfaceAddress.parse("192.168.50.2/24"));
        assertThat(two.guestNetworks()).contains(new GuestNetwork("eth1",
                new GuestNetwork.Addressing.Static("192.168.50.2", 24, Optional.empty())));

        lan.networkProperty().set("gone");
        assertThat(form.problem(WizardPage.NETWORK)).get().asString().contains("no network named 'gone'");
    }

    @Test
    void freeNamesSkipTakenOnesWhateverTheirCase() {
        assertThat(NewVmWizard.freeName("demo", Set.of())).isEqualTo("demo");
        assertThat(NewVmWizard.freeName("demo", Set.of("Demo", "demo2"))).isEqualTo("demo3");
    }
}
