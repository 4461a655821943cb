package org.umlmanager.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.umlmanager.model.Lab;
import org.umlmanager.network.NetworkStatus;

/** A lab as it runs now: each device's guest and each collision domain's network. */
public record LabStatus(Lab lab, List<Device> devices, List<Domain> domains) {

    /** A device and its guest; empty status when its instance no longer exists. */
    public record Device(String device, String instance, Optional<GuestStatus> status) {
        public Device {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(status, "status");
        }

        public boolean running() {
            return status.map(s -> s.state().active()).orElse(false);
        }
    }

    /** A collision domain and its network's processes. */
    public record Domain(String domain, String network, NetworkStatus status) {
        public Domain {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(status, "status");
        }
    }

    public LabStatus {
        Objects.requireNonNull(lab, "lab");
        devices = List.copyOf(devices);
        domains = List.copyOf(domains);
    }

    public long running() {
        return devices.stream().filter(Device::running).count();
    }

    /** {@code running}, {@code stopped} or {@code partly running (3 of 5)}. */
    public String summary() {
        long n = running();
        if (n == 0) {
            return "stopped";
        }
        return n == devices.size() ? "running" : "partly running (" + n + " of " + devices.size() + ")";
    }
}
