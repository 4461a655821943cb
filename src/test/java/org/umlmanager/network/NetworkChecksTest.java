package org.umlmanager.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.model.Ipv4Address;
import org.umlmanager.model.Network;
import org.umlmanager.model.PortForward;
import org.umlmanager.model.Subnet;
import org.umlmanager.model.VectorTransport;

class NetworkChecksTest {

    private static final Network DEFAULT = Network.builtInDefault();

    @Test
    void theDefaultNetworkAndASwitchPass() {
        assertThat(NetworkChecks.check(DEFAULT, List.of(DEFAULT))).isEmpty();
        assertThat(NetworkChecks.check(new Network.Switch("lan", false), List.of(DEFAULT))).isEmpty();
    }

    @Test
    void anOverlappingSubnetIsRefusedWithAFreeOneSuggested() {
        Network lab = Network.Nat.withDefaults("lab", Subnet.of("10.0.0.0/16"));

        List<Problem> problems = NetworkChecks.check(lab, List.of(DEFAULT, lab));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("subnet");
            assertThat(p.message()).contains("overlaps network 'default' (10.0.2.0/24)")
                    .contains("such as 10.1.0.0/16");
        });
    }

    @Test
    void freeSubnetsSkipTheTakenOnes() {
        Network a = Network.Nat.withDefaults("a", Subnet.of("10.0.0.0/24"));
        assertThat(NetworkChecks.freeSubnet(List.of(a, DEFAULT), 24)).contains(Subnet.of("10.0.1.0/24"));
    }

    @Test
    void addressesOutsideTheSubnetAndTinyOrReservedSubnetsAreNamed() {
        Network.Nat nat = Network.Nat.withDefaults("x", Subnet.of("10.9.0.0/24"));
        Network.Nat bad = new Network.Nat("x", nat.subnet(), Ipv4Address.of("10.9.1.2"), Ipv4Address.of("10.9.0.2"),
                Ipv4Address.of("10.9.0.250"), List.of());

        assertThat(NetworkChecks.check(bad, List.of())).extracting(Problem::field)
                .containsExactly("gateway", "dhcpStart");
        assertThat(NetworkChecks.check(Network.Nat.withDefaults("t", Subnet.of("10.9.0.0/29")), List.of()))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("prefix length from 8 to 27"));
        assertThat(NetworkChecks.check(Network.Nat.withDefaults("l", Subnet.of("127.1.0.0/24")), List.of()))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("reserved"));
    }

    @Test
    void forwardsMustGoToAGuestFromAnUnprivilegedPortOnce() {
        Ipv4Address guest = Ipv4Address.of("10.0.2.15");
        Network.Nat nat = Network.builtInDefault().withForwards(List.of(
                PortForward.parse("8080:80", guest), PortForward.parse("8080:81", guest),
                PortForward.parse("80:80", guest), PortForward.parse("9000:10.0.2.2:80", guest),
                PortForward.parse("9001:10.0.9.9:80", guest)));

        assertThat(NetworkChecks.check(nat, List.of())).extracting(p -> p.field() + ": " + p.message())
                .satisfiesExactly(
                        m -> assertThat(m).startsWith("forwards[1]").contains("forwarded twice"),
                        m -> assertThat(m).startsWith("forwards[2]").contains("below 1024"),
                        m -> assertThat(m).startsWith("forwards[3]").contains("own gateway or DNS"),
                        m -> assertThat(m).startsWith("forwards[4]").contains("not a guest address"));
    }

    @Test
    void aHostDeviceGetsTheKernelsChecksOfItsTransport() {
        Network raw = new Network.HostDevice("veth", new VectorTransport.Raw(Optional.empty()));

        assertThat(NetworkChecks.check(raw, List.of())).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("transport.ifname");
            assertThat(p.message()).contains("raw needs ifname=");
        });
    }

    @Test
    void invalidNamesAreRefused() {
        assertThat(NetworkChecks.check(new Network.Switch("../x", false), List.of())).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not a valid network name"));
    }
}
