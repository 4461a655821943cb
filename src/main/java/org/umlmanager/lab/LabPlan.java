package org.umlmanager.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Lab;
import org.umlmanager.model.Network;

/**
 * What importing a lab directory makes: the lab, an instance per device, a switch network per
 * collision domain, a copy-on-write file per device over its base, and what the user should know.
 * Nothing of it exists yet.
 */
public record LabPlan(Lab lab, List<Instance> instances, List<Network> networks, List<DeviceDisk> disks,
                      List<LabProblem> warnings) {

    /** A device's copy-on-write file and the base image under it. */
    public record DeviceDisk(String device, Path cowFile, LabBase base, Path baseImage) {
        public DeviceDisk {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(cowFile, "cowFile");
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(baseImage, "baseImage");
        }
    }

    public LabPlan {
        Objects.requireNonNull(lab, "lab");
        instances = List.copyOf(instances);
        networks = List.copyOf(networks);
        disks = List.copyOf(disks);
        warnings = List.copyOf(warnings);
    }

    /** The bases the devices need, each once. */
    public List<LabBase> bases() {
        return disks.stream().map(DeviceDisk::base).distinct().toList();
    }
}
