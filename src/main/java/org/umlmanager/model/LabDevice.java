package org.umlmanager.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One device of a lab: a saved instance, and what the lab says about it beyond the instance.
 *
 * @param name     the device's name in the lab ({@code r1}); its startup file is {@code r1.startup}
 * @param instance the instance that is this device
 * @param after    the devices that must be up before this one starts ({@code lab.dep})
 * @param settings the device's lab.conf settings other than its interfaces ({@code image},
 *                 {@code mem}, {@code sysctl}, unknown keys …), in file order, verbatim
 */
public record LabDevice(String name, String instance, List<String> after, List<LabSetting> settings) {

    public LabDevice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(instance, "instance");
        after = List.copyOf(after);
        settings = List.copyOf(settings);
    }

    /** The last value of {@code key} (lab.conf lets a later line override an earlier one). */
    public Optional<String> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).map(LabSetting::value).reduce((a, b) -> b);
    }

    /** Every value of a key that may repeat, such as {@code sysctl}. */
    public List<String> settings(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).map(LabSetting::value).toList();
    }
}
