package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.model.AppPaths;
import org.umlmanager.network.NetworkFixture;

/** What a user sees when a network cannot be made or started, and that nothing is saved then. */
class NetworkErrorsTest {

    @TempDir
    Path home;

    @Test
    void invalidNamesSubnetsAndForwardsAreRefusedWithTheFixAndNothingIsSaved() {
        CliRun badName = CliRun.run(home, "network", "create", "../lan", "--switch");
        CliRun overlap = CliRun.run(home, "network", "create", "lab", "--nat", "--subnet", "10.0.0.0/16");
        CliRun hostBits = CliRun.run(home, "network", "create", "lab", "--nat", "--subnet", "10.0.5.7/24");
        CliRun forward = CliRun.run(home, "network", "create", "lab", "--nat", "--forward", "8080");
        CliRun lowPort = CliRun.run(home, "network", "create", "lab", "--nat", "--forward", "80:80");
        CliRun both = CliRun.run(home, "network", "create", "lab", "--nat", "--switch");

        for (CliRun r : List.of(badName, overlap, hostBits, forward, lowPort, both)) {
            assertThat(r.status()).as(r.err()).isEqualTo(2);
        }
        assertThat(badName.err()).contains("'../lan' is not a valid network name");
        assertThat(overlap.err()).contains("overlaps network 'default' (10.0.2.0/24)", "such as 10.1.0.0/16");
        assertThat(hostBits.err()).contains("did you mean 10.0.5.0/24?");
        assertThat(forward.err()).contains("--forward 8080: '8080' is not a port forward; write [udp:]HOSTPORT:GUESTPORT");
        assertThat(lowPort.err()).contains("below 1024, which only root may open");
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(CliRun.run(home, "network", "list").out().lines()).hasSize(2);
    }

    @Test
    void deletingAUsedNetworkNamesItsUsersAndTheBuiltInOneStays() {
        CliRun.run(home, "network", "create", "lan", "--switch");
        CliRun.run(home, "import", "vm1", "--", "mem=64M", "ubd0=/dev/null");
        Path vm1 = AppPaths.under(home).instancesDir().resolve("vm1.json");
        try {
            Files.writeString(vm1, Files.readString(vm1).replace("\"networks\" : [ ]", "\"networks\" : [ {\"type\" :"
                    + " \"network\", \"family\" : \"eth\", \"unit\" : 0, \"network\" : \"lan\"} ]"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        CliRun used = CliRun.run(home, "network", "delete", "lan");
        CliRun builtIn = CliRun.run(home, "network", "delete", "default");

        assertThat(used.status()).isEqualTo(2);
        assertThat(used.err()).contains("network 'lan' is used by vm1; connect their interfaces to another network");
        assertThat(builtIn.status()).isEqualTo(2);
        assertThat(builtIn.err()).contains("built in and cannot be deleted");
        assertThat(CliRun.run(home, "show", "vm1").out()).contains("eth0  network lan");
    }

    @Test
    void withoutVde2TheErrorGivesTheAptLine() throws Exception {
        Path cli = Files.createDirectory(home.resolve("home"));
        List<String> command = new ArrayList<>(CliProcess.command());
        command.addAll(List.of("network", "start", "default"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put(AppPaths.HOME_VARIABLE, cli.toString());
        pb.environment().put("PATH", home.resolve("no-such-dir").toString());
        try (AutoCloseable subreaper = org.umlmanager.launch.GuestFixture.subreaperScope()) {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(p.exitValue()).as(out).isEqualTo(2);
            assertThat(out).contains("networks need vde_switch, which is not installed; install it with:"
                    + " sudo apt-get install vde2 libvdeplug-slirp");
            Path state = AppPaths.under(cli).networksRuntimeDir().resolve("default/state");
            long keeper = Files.readAllLines(state).stream().filter(l -> l.startsWith("keeperPid="))
                    .map(l -> Long.parseLong(l.substring(10))).findFirst().orElseThrow();
            NetworkFixture.await("the failed keeper to end", java.time.Duration.ofSeconds(10),
                    () -> !org.umlmanager.launch.Posix.alive(keeper));
            org.umlmanager.launch.GuestFixture.collectOrphan(keeper);
        }
    }
}
