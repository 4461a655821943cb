package org.umlmanager.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetworkValuesTest {

    @Test
    void addressesReadOnlyDottedQuadsAndWriteThemBack() {
        assertThat(Ipv4Address.of("10.0.2.15").toString()).isEqualTo("10.0.2.15");
        assertThat(Ipv4Address.of("255.255.255.255").plus(1)).isEqualTo(Ipv4Address.of("0.0.0.0"));
        for (String bad : new String[] {"10.0.2", "10.0.2.256", "10.0.2.-1", "010.0.2.1", "a.b.c.d", "10.0.2.1 ",
            "", "1..2.3"}) {
            assertThat(Ipv4Address.parse(bad)).as(bad).isEmpty();
        }
        assertThat(Ipv4Address.of("192.168.0.1")).isGreaterThan(Ipv4Address.of("10.0.0.1"));
    }

    @Test
    void subnetsKnowTheirHostsAndOverlaps() {
        Subnet s = Subnet.of("10.0.2.0/24");
        assertThat(s.host(2)).isEqualTo(Ipv4Address.of("10.0.2.2"));
        assertThat(s.broadcast()).isEqualTo(Ipv4Address.of("10.0.2.255"));
        assertThat(s.netmask()).isEqualTo(Ipv4Address.of("255.255.255.0"));
        assertThat(s.isHost(Ipv4Address.of("10.0.2.0"))).isFalse();
        assertThat(s.isHost(Ipv4Address.of("10.0.2.254"))).isTrue();
        assertThat(s.contains(Ipv4Address.of("10.0.3.1"))).isFalse();
        assertThat(s.overlaps(Subnet.of("10.0.0.0/16"))).isTrue();
        assertThat(Subnet.of("10.0.0.0/16").overlaps(s)).isTrue();
        assertThat(s.overlaps(Subnet.of("10.0.3.0/24"))).isFalse();
    }

    @Test
    void aSubnetWrittenWithHostBitsSaysWhichNetworkWasMeant() {
        assertThat(Subnet.parse("10.0.2.15/24").problem()).hasValueSatisfying(m -> assertThat(m)
                .contains("did you mean 10.0.2.0/24"));
        assertThat(Subnet.parse("10.0.2.0").problem()).hasValueSatisfying(m -> assertThat(m)
                .contains("no prefix length"));
        assertThat(Subnet.parse("10.0.2.0/33").problem()).hasValueSatisfying(m -> assertThat(m)
                .contains("not a prefix length"));
        assertThat(Subnet.parse("10.0.2.300/24").problem()).hasValueSatisfying(m -> assertThat(m)
                .contains("not an IPv4 address"));
    }

    @Test
    void portForwardsDefaultToTcpOnTheHostsLoopbackAndTheFirstGuest() {
        Ipv4Address guest = Ipv4Address.of("10.0.2.15");
        PortForward f = PortForward.parse("8080:80", guest);
        assertThat(f).isEqualTo(new PortForward(PortForward.Protocol.TCP, PortForward.LOOPBACK, 8080, guest, 80));
        assertThat(PortForward.parse("udp:5353:53", guest).protocol()).isEqualTo(PortForward.Protocol.UDP);
        assertThat(PortForward.parse("8080:10.0.2.16:80", guest).guestAddress())
                .isEqualTo(Ipv4Address.of("10.0.2.16"));
        assertThat(PortForward.parse("0.0.0.0:8080:80", guest).hostAddress()).isEqualTo(Ipv4Address.of("0.0.0.0"));
        assertThat(PortForward.parse("tcp:192.168.1.5:2222:10.0.2.20:22", guest).describe())
                .isEqualTo("tcp 192.168.1.5:2222 -> 10.0.2.20:22");
        for (String bad : new String[] {"8080", "http:8080:80", "8080:", "70000:80", "a:b", "1:2:3:4:5"}) {
            assertThatThrownBy(() -> PortForward.parse(bad, guest)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        }
    }

    @Test
    void theBuiltInNetworkIsLibslirpsLayout() {
        Network.Nat d = Network.builtInDefault();
        assertThat(d.name()).isEqualTo("default");
        assertThat(d.gateway()).isEqualTo(Ipv4Address.of("10.0.2.2"));
        assertThat(d.dns()).isEqualTo(Ipv4Address.of("10.0.2.3"));
        assertThat(d.dhcpStart()).isEqualTo(Ipv4Address.of("10.0.2.15"));
        assertThat(d.dhcpEnd()).isEqualTo(Ipv4Address.of("10.0.2.30"));
    }

    @Test
    void macAddressesAreLocalUnicast() {
        for (int i = 0; i < 50; i++) {
            String mac = MacAddresses.random();
            int first = Integer.parseInt(mac.substring(0, 2), 16);
            assertThat(first & 1).isZero();
            assertThat(first & 2).isEqualTo(2);
        }
    }
}
