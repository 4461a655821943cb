package org.umlmanager.network;

import java.time.Duration;
import java.util.List;

/** Runs a command as root in a guest that has UML Manager's agent, for {@link MconsoleReplug}. */
@FunctionalInterface
public interface GuestShell {

    /** What a command did: its exit status and its output, both streams. */
    record Result(int status, String output) {
    }

    /** @throws Exception with a message for the user when the guest cannot be reached */
    Result run(GuestRegistration guest, List<String> argv, Duration timeout) throws Exception;
}
