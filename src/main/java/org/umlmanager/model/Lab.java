package org.umlmanager.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved group of machines wired together, as a Netkit or Kathará lab directory describes one:
 * its devices are instances, its collision domains are switch networks. The instances and networks
 * are saved on their own (and can be edited, started and inspected like any other); the lab holds
 * what ties them together: which instance is which device, which network is which domain, the
 * lab's metadata, the start order, and where the topology view draws each node.
 *
 * @param name      unique name of the lab (also its file name); prefixes its instances and networks
 * @param directory the lab directory the devices read their startup files and trees from (shared
 *                  read-only through hostfs); empty for a lab with no directory
 * @param metadata  the lab's {@code LAB_*} settings, in file order, kept verbatim
 * @param devices   the devices, in file order
 * @param domains   the collision domains, in order of first use
 * @param positions where the topology view draws nodes; nodes without one are placed automatically
 */
public record Lab(String name, Optional<String> directory, List<LabSetting> metadata, List<LabDevice> devices,
                  List<LabDomain> domains, List<NodePosition> positions) {

    /** The lab.conf keys Kathará and Netkit know as lab metadata. */
    public static final String DESCRIPTION = "LAB_DESCRIPTION";
    public static final String VERSION = "LAB_VERSION";
    public static final String AUTHOR = "LAB_AUTHOR";
    public static final String EMAIL = "LAB_EMAIL";
    public static final String WEB = "LAB_WEB";

    public Lab {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
        metadata = List.copyOf(metadata);
        devices = List.copyOf(devices);
        domains = List.copyOf(domains);
        positions = List.copyOf(positions);
    }

    /** The value of a {@code LAB_*} key, if the lab sets it. */
    public Optional<String> meta(String key) {
        return metadata.stream().filter(s -> s.key().equals(key)).map(LabSetting::value).reduce((a, b) -> b);
    }

    public Optional<LabDevice> device(String deviceName) {
        return devices.stream().filter(d -> d.name().equals(deviceName)).findFirst();
    }

    /** The device whose instance is {@code instance}. */
    public Optional<LabDevice> deviceOfInstance(String instance) {
        return devices.stream().filter(d -> d.instance().equals(instance)).findFirst();
    }

    public Optional<LabDomain> domain(String domainName) {
        return domains.stream().filter(d -> d.name().equals(domainName)).findFirst();
    }

    /** The domain whose network is {@code network}. */
    public Optional<LabDomain> domainOfNetwork(String network) {
        return domains.stream().filter(d -> d.network().equals(network)).findFirst();
    }

    public List<String> instances() {
        return devices.stream().map(LabDevice::instance).toList();
    }

    public List<String> networks() {
        return domains.stream().map(LabDomain::network).toList();
    }

    public Optional<NodePosition> position(NodePosition.Kind kind, String node) {
        return positions.stream().filter(p -> p.kind() == kind && p.name().equals(node)).findFirst();
    }

    public Lab withPositions(List<NodePosition> v) {
        return new Lab(name, directory, metadata, devices, domains, v);
    }
}
