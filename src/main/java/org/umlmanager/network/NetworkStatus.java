package org.umlmanager.network;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A network's processes as a program finds them: whether they run, what their keeper last reported,
 * and the guests that use them.
 *
 * @param name      the network's name
 * @param running   whether its keeper runs (its processes run, or are being started or restarted)
 * @param pinned    started on its own ({@code network start}): it keeps running without guests
 * @param state     the keeper's last report, also of a keeper that has ended (why it stopped or failed)
 * @param guests    the guests registered with it that run or are starting
 * @param switchDir the directory guests plug into
 */
public record NetworkStatus(String name, boolean running, boolean pinned, Optional<NetworkState> state,
                            List<GuestRegistration> guests, Path switchDir) {

    public NetworkStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        guests = List.copyOf(guests);
        Objects.requireNonNull(switchDir, "switchDir");
    }

    /** {@code running}, {@code restarting}, {@code stopped}, {@code failed}, …; {@code stopped} if it never ran. */
    public String stateWord() {
        if (running) {
            return state.map(s -> s.phase().word()).orElse("starting");
        }
        return state.map(s -> s.phase() == NetworkState.Phase.FAILED ? "failed" : "stopped").orElse("stopped");
    }
}
