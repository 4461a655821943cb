package org.umlmanager.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.cmdline.ValidationContext;
import org.umlmanager.cmdline.Validator;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InterfaceAddress;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.VectorTransport;
import org.umlmanager.testing.UmlKernel;

class AttachmentsTest {

    private static final NetworkPaths PATHS = new NetworkPaths(Path.of("/run/user/1000/uml-manager/networks"));
    private static final Network LAN = new Network.Switch("lan", false);
    private static final Network TAP = new Network.HostDevice("tapnet", new VectorTransport.Tap(Optional.of("tap0")));
    private static final List<Network> NETWORKS = List.of(Network.builtInDefault(), LAN, TAP);

    private static NetworkAttachment eth(int unit, String network, String address) {
        return new NetworkAttachment(NetworkAttachment.Family.ETH, unit, network, Optional.of("52:54:00:00:00:0" + unit),
                Optional.ofNullable(address).flatMap(InterfaceAddress::parse));
    }

    private static Optional<Network> lookup(String name) {
        return NETWORKS.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    @Test
    void eachKindBecomesTheKernelSyntaxOfItsTransport() {
        Instance vm = Instance.builder("web")
                .network(eth(0, "default", null))
                .network(eth(1, "lan", "192.168.7.2/24"))
                .network(new NetworkAttachment(NetworkAttachment.Family.VEC, 0, "tapnet", Optional.empty(),
                        Optional.empty()))
                .network(new NetworkAttachment(NetworkAttachment.Family.VEC, 1, "lan", Optional.of("02:00:00:00:00:09"),
                        Optional.empty()))
                .build();

        List<String> args = CommandLineGenerator.kernelArgs(vm, GenerateOptions.none()
                .withAttachments(Attachments.resolver(AttachmentsTest::lookup, PATHS, "web")));

        assertThat(args).containsSubsequence(
                "eth0=vde,/run/user/1000/uml-manager/networks/default/switch,52:54:00:00:00:00,,,,uml-manager:web:eth0",
                "eth1=vde,/run/user/1000/uml-manager/networks/lan/switch,52:54:00:00:00:01,,,,uml-manager:web:eth1",
                "vec0:transport=tap,ifname=tap0",
                "vec1:transport=vde,vnl=vde:///run/user/1000/uml-manager/networks/lan/switch,mac=02:00:00:00:00:09");
        Instance resolved = Attachments.resolveAll(vm, AttachmentsTest::lookup, PATHS);
        assertThat(resolved.attachments()).isEmpty();
        assertThat(Validator.validate(resolved, ValidationContext.syntaxOnly())).filteredOn(Problem::isError)
                .isEmpty();
    }

    @Test
    void withoutTheNetworksAPreviewNamesTheNetworkInsteadOfInventingAPath() {
        Instance vm = Instance.builder("web").network(eth(0, "default", null)).build();

        assertThat(CommandLineGenerator.kernelArgs(vm, GenerateOptions.none()))
                .contains("eth0=network:default,52:54:00:00:00:00");
    }

    @Test
    void missingNetworksWrongFamiliesAndBadAddressesAreNamed() {
        Instance vm = Instance.builder("web")
                .network(eth(0, "Lan", null))
                .network(eth(1, "tapnet", null))
                .network(eth(2, "default", "10.0.3.9/24"))
                .network(eth(3, "default", "10.0.2.2/24"))
                .network(eth(4, "default", "10.0.2.20/16"))
                .network(eth(5, "nowhere", null))
                .build();

        assertThat(Attachments.check(vm, NETWORKS, KernelTransports.LEGACY))
                .extracting(p -> (p.isError() ? "E " : "W ") + p.field() + ": " + p.message())
                .satisfiesExactly(
                        m -> assertThat(m).startsWith("E networks[0].network").contains("did you mean 'lan'?"),
                        m -> assertThat(m).startsWith("E networks[1]:").contains("connect vec1 to it"),
                        m -> assertThat(m).startsWith("E networks[2].address").contains("not a host address"),
                        m -> assertThat(m).startsWith("E networks[3].address").contains("own gateway"),
                        m -> assertThat(m).startsWith("W networks[4].address").contains("DHCP range"),
                        m -> assertThat(m).startsWith("W networks[4].address").contains("Write 10.0.2.20/24"),
                        m -> assertThat(m).startsWith("E networks[5].network")
                                .contains("'uml-manager network create nowhere --switch'"));
    }

    @Test
    void aKernelWithoutLegacyTransportsNeedsVectorInterfaces() {
        Instance vm = Instance.builder("web").network(eth(0, "lan", null)).build();
        KernelTransports k616 = KernelTransports.fromVersion("6.16.2");

        assertThat(k616.legacy()).isFalse();
        assertThat(KernelTransports.fromVersion("6.1.176").legacy()).isTrue();
        assertThat(KernelTransports.fromVersion("5.10.0").legacy()).isTrue();
        assertThat(Attachments.check(vm, NETWORKS, k616)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Linux 6.16 removed them").contains("connect vec0"));
    }

    @Test
    void theInstalledKernelIsAskedForItsVersion() {
        Path kernel = UmlKernel.require();

        KernelTransports found = KernelTransports.of(kernel.toString());

        assertThat(found.version()).hasValueSatisfying(v -> assertThat(v).matches("\\d+\\.\\d+.*"));
        assertThat(found.legacy()).isEqualTo(KernelTransports.fromVersion(found.version().get()).legacy());
    }

    @Test
    void anAgentWhoseLineIsNotEmbeddedIsNamed() {
        Instance vm = Instance.builder("web").agent(org.umlmanager.model.AgentLine.DEFAULT).build();

        assertThat(Validator.validate(vm, ValidationContext.syntaxOnly())).filteredOn(p -> p.field().equals("agent"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("exec cannot reach the guest"));
        Instance fine = vm.toBuilder().console(org.umlmanager.model.ConsoleLine.ssl(63,
                org.umlmanager.model.LineSpec.of(org.umlmanager.model.ConsoleChannel.EMBEDDED))).build();
        assertThat(Validator.validate(fine, ValidationContext.syntaxOnly())).noneMatch(p -> p.field().equals("agent"));
    }

    @Test
    void theValidatorChecksWhatItCanWithoutTheNetworks() {
        Instance vm = Instance.builder("web").network(new NetworkAttachment(NetworkAttachment.Family.ETH, 0, "a b",
                Optional.empty(), InterfaceAddress.parse("10.0.2.0/24"))).build();

        assertThat(Validator.validate(vm, ValidationContext.syntaxOnly())).filteredOn(p -> p.field()
                .startsWith("networks[0]")).extracting(p -> p.field() + ": " + p.message()).satisfiesExactly(
                        m -> assertThat(m).startsWith("networks[0].network: 'a b' is not a valid network name"),
                        m -> assertThat(m).startsWith("networks[0].mac: without a MAC address"),
                        m -> assertThat(m).startsWith("networks[0].address: 10.0.2.0 is the network address"));
    }
}
