package org.umlmanager.launch;

import java.util.Objects;
import java.util.Optional;

/**
 * One console or serial line of a running guest that UML Manager shows in a terminal.
 *
 * @param name      the kernel's name of the line: {@code con0}, {@code con1}, {@code ssl0}, …
 * @param transport how the supervisor reaches it
 * @param device    the host device: {@code /dev/pts/5} for a pts line once the kernel has allocated it;
 *                  empty for the pty (the supervisor's own) and for a pts line the guest has not opened yet
 * @param connected whether bytes flow now; a pts line is connected only while the guest holds it open
 */
public record LineInfo(String name, Transport transport, Optional<String> device, boolean connected) {

    /** How a line reaches the supervisor. */
    public enum Transport {
        /** The pty UML runs on ({@code fd:0,fd:1}); also carries the kernel's own output. */
        PTY,
        /** A pts the kernel allocates when the guest opens the line. */
        PTS
    }

    public LineInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(device, "device");
    }
}
