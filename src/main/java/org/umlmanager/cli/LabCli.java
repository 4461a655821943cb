package org.umlmanager.cli;

import org.umlmanager.model.AppPaths;
import org.umlmanager.network.NetworkPaths;
import org.umlmanager.service.LabService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.storage.LabStore;
import org.umlmanager.storage.NetworkStore;

/** The lab service as the CLI uses it: sequential, on the calling thread. */
final class LabCli {

    private LabCli() {
    }

    static LabService open(CliContext context) {
        AppPaths paths = context.environment().paths();
        InstanceStore instances = new InstanceStore(paths.instancesDir());
        NetworkStore networks = new NetworkStore(paths.networksDir(), paths.instancesDir());
        return new LabService(new LabStore(paths.labsDir(), instances, networks), instances, networks,
                paths.labsDataDir(), new NetworkPaths(paths.networksRuntimeDir()), Runnable::run);
    }
}
