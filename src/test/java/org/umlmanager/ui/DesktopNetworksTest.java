package org.umlmanager.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.launch.ConsoleWatcher;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.network.NetworkFixture;
import org.umlmanager.network.NetworkStatus;
import org.umlmanager.service.GuestStatus;
import org.umlmanager.testing.Await;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.testing.UmlKernel;

/**
 * The desktop app starts a guest on a saved network as the CLI does: through the runtime that
 * {@link DesktopWiring} builds, the network's switch starts first, the guest is registered with it
 * and its kernel gets the interface as the network resolves it; the switch stops with the guest.
 * A real kernel and vde_switch; no window (the wiring is what is under test).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DesktopNetworksTest {

    private static final String MAC = "02:4e:00:00:00:31";

    @Test
    void aGuestOnASavedSwitchStartsWithItsNetworkAndTheSwitchEndsWithIt() throws Exception {
        UmlKernel.requireTool("vde_switch", "apt-get install vde2 libvdeplug-slirp");
        try (GuestFixture f = GuestFixture.create(); NetworkFixture nets = new NetworkFixture(f.paths().runtime());
             DesktopFixture desktop = DesktopFixture.withoutWindow(f, UmlKernel.require().toString())) {
            nets.track("lab");
            desktop.networks().create(new Network.Switch("lab", false)).get(30, TimeUnit.SECONDS);
            Instance guest = f.instance("onlab").network(new NetworkAttachment(NetworkAttachment.Family.ETH, 0,
                    "lab", Optional.of(MAC), Optional.empty())).build();
            desktop.instances().create(guest).get(30, TimeUnit.SECONDS);

            GuestStatus started;
            try {
                started = desktop.runtime().start(guest).get(120, TimeUnit.SECONDS);
            } finally {
                f.trackSession("onlab");
            }
            desktop.runtime().whenRunning("onlab").get(120, TimeUnit.SECONDS);

            NetworkStatus lab = desktop.networks().get("lab").get(30, TimeUnit.SECONDS).status();
            assertThat(lab.running()).as("the switch runs for its guest").isTrue();
            String device = "eth0=vde," + lab.switchDir() + "," + MAC;
            assertThat(lab.guests()).singleElement().satisfies(r -> {
                assertThat(r.instance()).isEqualTo("onlab");
                assertThat(r.devices()).singleElement().asString().startsWith(device);
            });
            long pid = started.pid().orElseThrow();
            List<String> argv = List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid),
                    "cmdline")), StandardCharsets.UTF_8).split("\0"));
            assertThat(argv).as("the kernel's arguments").anyMatch(a -> a.startsWith(device));

            desktop.runtime().stop("onlab", StopMode.FORCE, step -> { }).get(60, TimeUnit.SECONDS);
            Await.until(Duration.ofSeconds(60), "the switch stopping with its last guest",
                    () -> !desktop.networks().get("lab").get(30, TimeUnit.SECONDS).status().running());
        }
    }

    /**
     * An interface plugged into a running guest, not saved, is registered with its network (which
     * starts for it); removing it unregisters it, found by the guest's registration, and the network
     * stops with it; plugged in again, the network stops when the guest does.
     */
    @Test
    void aHotPluggedInterfaceIsForgottenByItsNetworkWhenRemovedAndWhenTheGuestStops() throws Exception {
        UmlKernel.requireTool("vde_switch", "apt-get install vde2 libvdeplug-slirp");
        try (GuestFixture f = GuestFixture.create(); NetworkFixture nets = new NetworkFixture(f.paths().runtime());
             DesktopFixture desktop = DesktopFixture.withoutWindow(f, UmlKernel.require().toString())) {
            nets.track("lab");
            desktop.networks().create(new Network.Switch("lab", false)).get(30, TimeUnit.SECONDS);
            Instance guest = f.instance("plugged").build();
            desktop.instances().create(guest).get(30, TimeUnit.SECONDS);
            try {
                desktop.runtime().start(guest).get(120, TimeUnit.SECONDS);
            } finally {
                f.trackSession("plugged");
            }
            desktop.runtime().whenRunning("plugged").get(120, TimeUnit.SECONDS);
            // Running is not booted: a device plugged while the kernel still boots is refused (a CI
            // run under load got there first). Its console says when init is up.
            try (ConsoleStream con0 = desktop.runtime().openConsole("plugged", "con0").get(30, TimeUnit.SECONDS);
                 ConsoleWatcher console = new ConsoleWatcher(con0.input())) {
                console.await(BusyboxImage.READY_MARKER, Duration.ofSeconds(120));
            }
            NetworkAttachment nic = new NetworkAttachment(NetworkAttachment.Family.ETH, 0, "lab", Optional.of(MAC),
                    Optional.empty());

            desktop.runtime().addInterface(guest, nic).get(60, TimeUnit.SECONDS);
            assertThat(registered(desktop)).as("the plugged interface, registered with lab").singleElement()
                    .asString().startsWith("eth0=vde,");
            // The saved configuration has no interface: the network is found by the registration.
            desktop.runtime().removeDevice(guest, "eth0").get(60, TimeUnit.SECONDS);
            assertThat(registered(desktop)).as("lab forgot the removed interface").isEmpty();
            Await.until(Duration.ofSeconds(60), "lab stopping with its last guest's interface gone",
                    () -> !desktop.networks().get("lab").get(30, TimeUnit.SECONDS).status().running());

            desktop.runtime().addInterface(guest, nic).get(60, TimeUnit.SECONDS);
            assertThat(registered(desktop)).as("plugged in again").hasSize(1);
            desktop.runtime().stop("plugged", StopMode.FORCE, step -> { }).get(60, TimeUnit.SECONDS);
            Await.until(Duration.ofSeconds(60), "lab stopping with the guest its interface was plugged into",
                    () -> !desktop.networks().get("lab").get(30, TimeUnit.SECONDS).status().running());
            assertThat(registered(desktop)).isEmpty();
        }
    }

    /** The devices lab counts for the guest "plugged". */
    private static List<String> registered(DesktopFixture desktop) throws Exception {
        return desktop.networks().get("lab").get(30, TimeUnit.SECONDS).status().guests().stream()
                .filter(g -> g.instance().equals("plugged")).flatMap(g -> g.devices().stream()).toList();
    }
}
