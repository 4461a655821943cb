package org.umlmanager.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.umlmanager.model.Ipv4Address;
import org.umlmanager.model.Network;
import org.umlmanager.model.PortForward;
import org.umlmanager.testing.UmlKernel;

/** A network's real processes, without guests: started, found again, restarted, stopped without a trace. */
class NetworkProcessesTest {

    private static void requireVde() {
        UmlKernel.requireTool("vde_switch", "apt-get install vde2 libvdeplug-slirp");
    }

    @Test
    void aPinnedSwitchRunsUntilStoppedAndLeavesNothing() throws Exception {
        requireVde();
        try (NetworkFixture f = new NetworkFixture()) {
            f.track("lan");
            NetworkStatus started = f.owner().start(new Network.Switch("lan", false), true);

            assertThat(started.running()).isTrue();
            assertThat(started.stateWord()).isEqualTo("running");
            assertThat(started.switchDir().resolve("ctl")).exists();
            long keeper = started.state().orElseThrow().keeper().getAsLong();
            long sw = started.state().orElseThrow().switchPid().getAsLong();
            assertThat(ProcessHandle.of(sw).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)).contains(keeper);
            assertThat(Files.readString(Path.of("/proc", Long.toString(sw), "cmdline"))).contains("vde_switch")
                    .contains(started.switchDir().toString());
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    f.paths().dir("lan")))).isEqualTo("rwx------");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    f.paths().root()))).isEqualTo("rwx------");

            // Found again by another owner, as by the next CLI run.
            KeeperNetworks again = KeeperNetworks.forThisJvm(f.paths());
            assertThat(again.status("lan").running()).isTrue();
            again.stop("lan");

            NetworkFixture.await("the keeper and the switch to end", Duration.ofSeconds(20),
                    () -> !alive(keeper) && !alive(sw));
            assertThat(again.status("lan").running()).isFalse();
            assertThat(again.status("lan").stateWord()).isEqualTo("stopped");
            try (Stream<Path> left = Files.walk(f.paths().dir("lan"))) {
                assertThat(left.filter(p -> !Files.isDirectory(p)).map(p -> p.getFileName().toString()))
                        .allMatch(n -> n.endsWith(".log") || n.equals("state") || n.equals("network.properties")
                                || n.equals("keeper.lock"));
            }
        }
    }

    @Test
    void aNatNetworkForwardsOnTheHostsLoopbackOnlyAndRefusesATakenPort() throws Exception {
        requireVde();
        try (NetworkFixture f = new NetworkFixture(); ServerSocket probe = new ServerSocket(0, 1,
                InetAddress.getLoopbackAddress())) {
            int free;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                free = s.getLocalPort();
            }
            Ipv4Address guest = Ipv4Address.of("10.0.2.15");
            Network.Nat nat = Network.builtInDefault().withForwards(List.of(PortForward.parse(free + ":80", guest)));
            f.track("default");
            f.owner().start(nat, true);

            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), free)) {
                assertThat(s.isConnected()).isTrue();
            }
            assertThat(Files.readString(Path.of("/proc/net/tcp"))).contains(String.format("0100007F:%04X", free));

            Network.Nat taken = Network.Nat.withDefaults("other", org.umlmanager.model.Subnet.of("10.0.7.0/24"))
                    .withForwards(List.of(PortForward.parse(probe.getLocalPort() + ":80", guest)));
            f.track("other");
            assertThatThrownBy(() -> f.owner().start(taken, true)).isInstanceOfSatisfying(NetworkException.class,
                    e -> {
                        assertThat(e.userFixable()).isTrue();
                        assertThat(e.getMessage()).contains("forwards tcp port " + probe.getLocalPort())
                                .contains("give the forward another host port");
                    });
            assertThat(f.owner().status("other").running()).isFalse();
        }
    }

    @Test
    void aSwitchKilledWithSigkillIsReportedAndRestarted() throws Exception {
        requireVde();
        try (NetworkFixture f = new NetworkFixture()) {
            f.track("lan");
            long first = f.owner().start(new Network.Switch("lan", false), true).state().orElseThrow().switchPid()
                    .getAsLong();

            ProcessHandle.of(first).orElseThrow().destroyForcibly();

            NetworkFixture.await("the switch to run again", Duration.ofSeconds(30), () -> {
                NetworkState s = f.owner().status("lan").state().orElseThrow();
                return s.phase() == NetworkState.Phase.RUNNING && s.switchPid().isPresent()
                        && s.switchPid().getAsLong() != first && alive(s.switchPid().getAsLong());
            });
            NetworkState s = f.owner().status("lan").state().orElseThrow();
            assertThat(s.restarts()).isEqualTo(1);
            assertThat(s.events()).anySatisfy(e -> assertThat(e).contains("the switch ended unexpectedly (killed by"
                    + " signal 9); restarting it"));
            assertThat(f.paths().switchDir("lan").resolve("ctl")).exists();
        }
    }

    @Test
    void aSocketDirectoryThatVanishedIsMadeAgain() throws Exception {
        requireVde();
        try (NetworkFixture f = new NetworkFixture()) {
            f.track("lan");
            long first = f.owner().start(new Network.Switch("lan", false), true).state().orElseThrow().switchPid()
                    .getAsLong();

            NetworkKeeper.deleteTree(f.paths().switchDir("lan"));

            NetworkFixture.await("the switch to run again", Duration.ofSeconds(30), () -> {
                NetworkState s = f.owner().status("lan").state().orElseThrow();
                return s.phase() == NetworkState.Phase.RUNNING && s.switchPid().isPresent()
                        && s.switchPid().getAsLong() != first;
            });
            assertThat(f.paths().switchDir("lan").resolve("ctl")).exists();
            assertThat(f.owner().status("lan").state().orElseThrow().events()).anySatisfy(e -> assertThat(e)
                    .contains("socket directory " + f.paths().switchDir("lan") + " vanished; restarting it"));
            assertThat(alive(first)).isFalse();
        }
    }

    @Test
    void aKeeperWhoseRuntimeDirectoryVanishedStopsItsProcesses() throws Exception {
        requireVde();
        try (NetworkFixture f = new NetworkFixture()) {
            NetworkState s = f.owner().start(new Network.Switch("lan", false), true).state().orElseThrow();

            NetworkKeeper.deleteTree(f.paths().dir("lan"));

            NetworkFixture.await("the keeper and its switch to end", Duration.ofSeconds(30),
                    () -> !alive(s.keeper().getAsLong()) && !alive(s.switchPid().getAsLong()));
            org.umlmanager.launch.GuestFixture.collectOrphan(s.keeper().getAsLong());
        }
    }

    /** Zombies count as ended: this JVM is a subreaper and collects them when the fixture closes. */
    private static boolean alive(long pid) {
        return org.umlmanager.launch.Posix.alive(pid);
    }
}
