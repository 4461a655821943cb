package org.umlmanager.model;

import java.util.Objects;

/**
 * One {@code key=value} of a lab.conf, kept as written (quotes removed): a {@code LAB_*} line of the
 * lab, or a {@code device[key]} line of a device other than its interfaces.
 */
public record LabSetting(String key, String value) {
    public LabSetting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
