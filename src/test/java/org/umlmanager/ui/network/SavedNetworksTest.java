package org.umlmanager.ui.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Network;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.network.KeeperNetworks;
import org.umlmanager.network.NetworkPaths;
import org.umlmanager.service.NetworkService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.storage.NetworkStore;

/**
 * The previews' resolver works over the networks as last read and never reads the files (so the
 * FX thread may call it): a saved switch resolves to its vde form once the list was read, and
 * still does after its file is gone from the disk, until the list is read again.
 */
class SavedNetworksTest {

    private final Path home;

    SavedNetworksTest() throws Exception {
        home = Files.createTempDirectory(Path.of("/tmp"), "umsaved");
    }

    @AfterEach
    void cleanUp() throws Exception {
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void previewsResolveOverTheNetworksLastReadWithoutReadingTheFiles() throws Exception {
        AppPaths paths = AppPaths.under(home);
        NetworkStore store = new NetworkStore(paths.networksDir(), paths.instancesDir());
        NetworkPaths runtime = new NetworkPaths(paths.networksRuntimeDir());
        NetworkService service = new NetworkService(store, new InstanceStore(paths.instancesDir()),
                KeeperNetworks.forThisJvm(runtime), runtime, Runnable::run);
        SavedNetworks saved = new SavedNetworks(service, Runnable::run);
        store.create(new Network.Switch("lab", false));
        Instance web = Instance.builder("web").network(new NetworkAttachment(NetworkAttachment.Family.ETH, 0, "lab",
                Optional.of("02:00:00:00:00:07"), Optional.empty())).build();
        String lab = "eth0=vde," + runtime.switchDir("lab") + ",02:00:00:00:00:07";

        assertThat(line(saved, web)).as("not read yet: only the built-in network is known").doesNotContain(lab);
        saved.refresh().get(30, TimeUnit.SECONDS);
        assertThat(line(saved, web)).contains(lab);

        store.delete("lab");
        assertThat(line(saved, web)).as("resolved from what was read, not from the files").contains(lab);
        saved.refresh().get(30, TimeUnit.SECONDS);
        assertThat(line(saved, web)).as("read again: lab is gone").doesNotContain(lab);
    }

    private static String line(SavedNetworks saved, Instance instance) {
        return String.join(" ", CommandLineGenerator.kernelArgs(instance,
                GenerateOptions.none().withAttachments(saved.resolver(instance.name()))));
    }
}
