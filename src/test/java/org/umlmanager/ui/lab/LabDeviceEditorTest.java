package org.umlmanager.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.lab.LabBase;
import org.umlmanager.lab.LabDirectory;
import org.umlmanager.lab.LabPlanner;
import org.umlmanager.model.Instance;
import org.umlmanager.network.NetworkPaths;
import org.umlmanager.testing.LabDirectories;
import org.umlmanager.ui.editor.InstanceEditorViewModel;

/** A lab device's instance opens in the editor as it is: nothing to save until the user changes something. */
class LabDeviceEditorTest {

    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path tmp;

    @Test
    void everyDeviceOfTheTwoRouterLabLoadsIntoTheEditorUnchanged() throws Exception {
        Path dir = LabDirectories.twoRouters(tmp.resolve("lab"));
        List<Instance> devices = LabPlanner.plan(LabDirectory.read(dir), new LabPlanner.Options("lab1",
                LabBase.busybox(), LabBase.defaultBase(), tmp.resolve("labs"), tmp.resolve("bases"), dir, "linux",
                new NetworkPaths(tmp.resolve("run"))), new LabPlanner.Taken(java.util.Set.of(), java.util.Set.of()))
                .instances();

        for (Instance device : devices) {
            var vm = new InstanceEditorViewModel(device, i -> List.of(), i -> "linux", DIRECT, DIRECT);
            assertThat(vm.edited()).as(device.name()).isEqualTo(device);
            assertThat(vm.dirtyProperty().get()).as(device.name()).isFalse();
        }
        assertThat(devices).extracting(Instance::name).contains("lab1-h3");
        assertThat(Optional.of(devices.get(0).extraArgs())).isPresent();
    }
}
