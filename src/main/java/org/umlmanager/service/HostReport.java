package org.umlmanager.service;

import java.util.List;
import org.umlmanager.job.HostCheck;

/**
 * What {@link HostService#check} found.
 *
 * @param missing the features this host cannot offer, each with the package that brings what it needs
 */
public record HostReport(List<HostCheck.Missing> missing) {

    public HostReport {
        missing = List.copyOf(missing);
    }

    /** Whether every feature can be offered. */
    public boolean complete() {
        return missing.isEmpty();
    }

    /** The one {@code apt-get install} line for everything missing. */
    public String installCommand() {
        return HostCheck.installCommand(missing);
    }
}
