package org.umlmanager.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.umlmanager.model.LabSetting;

/**
 * What a {@code lab.conf} says, as {@link LabConfParser} read it: the {@code LAB_*} metadata and the
 * devices in order of first mention, each with its interfaces and its other settings.
 */
public record LabConf(List<LabSetting> metadata, List<Device> devices) {

    public LabConf {
        metadata = List.copyOf(metadata);
        devices = List.copyOf(devices);
    }

    /** One {@code DEVICE[N]=DOMAIN[/MAC]} line: interface ethN on a collision domain. */
    public record Interface(int index, String domain, Optional<String> mac, int line) {
        public Interface {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(mac, "mac");
        }
    }

    /** One {@code DEVICE[key]=VALUE} line other than an interface. */
    public record Setting(String key, String value, int line) {
        public Setting {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        public LabSetting toLabSetting() {
            return new LabSetting(key, value);
        }
    }

    /** A device and everything lab.conf says about it, in file order. */
    public record Device(String name, int firstLine, List<Interface> interfaces, List<Setting> settings) {
        public Device {
            Objects.requireNonNull(name, "name");
            interfaces = List.copyOf(interfaces);
            settings = List.copyOf(settings);
        }

        /** The last value of a setting (a later line overrides an earlier one). */
        public Optional<Setting> setting(String key) {
            Setting found = null;
            for (Setting s : settings) {
                if (s.key().equals(key)) {
                    found = s;
                }
            }
            return Optional.ofNullable(found);
        }
    }

    public Optional<Device> device(String name) {
        return devices.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The collision domains in order of first use. */
    public List<String> domains() {
        List<String> out = new ArrayList<>();
        for (Device d : devices) {
            for (Interface i : d.interfaces()) {
                if (!out.contains(i.domain())) {
                    out.add(i.domain());
                }
            }
        }
        return out;
    }
}
