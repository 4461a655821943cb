package org.umlmanager.launch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a session file holds: the supervisor's last snapshot plus what other programs need to find
 * and check the guest without asking the supervisor.
 *
 * @param snapshot      the last published snapshot (the final one after the guest ended)
 * @param umlDir        the guest's uml_dir
 */
public record SessionRecord(GuestSnapshot snapshot, Path umlDir) {

    public SessionRecord {
        Objects.requireNonNull(snapshot);
        Objects.requireNonNull(umlDir);
    }
}
