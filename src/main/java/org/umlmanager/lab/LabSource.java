package org.umlmanager.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A lab directory as read from disk and checked: its lab.conf, its lab.dep (empty when it has none),
 * and what is worth knowing about its files.
 *
 * @param directory the lab directory, absolute and with its links resolved
 */
public record LabSource(Path directory, LabConf conf, LabDep dep, List<LabProblem> warnings) {
    public LabSource {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(conf, "conf");
        Objects.requireNonNull(dep, "dep");
        warnings = List.copyOf(warnings);
    }
}
