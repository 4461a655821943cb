package org.umlmanager.service;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.launch.LineInfo;
import org.umlmanager.model.InstanceState;

/**
 * The run state of one guest as the service found it.
 *
 * @param name           the instance's name (for an unknown guest found in a uml_dir: its umid)
 * @param state          the life-cycle state
 * @param reason         why, when it matters: "kernel panic: …", "killed by SIGKILL (signal 9)", …
 * @param origin         where the facts come from, which decides what can be done with the guest
 * @param umid           the guest's umid
 * @param pid            the UML process, while it runs
 * @param mconsoleSocket the guest's mconsole socket, while it runs
 * @param lines          the lines that can be opened with {@link GuestRuntime#openConsole} (guests the supervisor holds)
 * @param exitStatus     how the process ended (128+N for signal N, as a shell shows it; {@code reason} tells a
 *                       signal from an equal exit code), for a guest that ended under the supervisor
 * @param since          when the state began, as far as known
 */
public record GuestStatus(String name, InstanceState state, String reason, Origin origin, String umid,
                          OptionalLong pid, Optional<Path> mconsoleSocket, List<LineInfo> lines,
                          OptionalInt exitStatus, Instant since) {

    /** Where a status comes from. */
    public enum Origin {
        /** UML Manager's supervisor holds the guest: consoles, events, stop sequence, all available. */
        SUPERVISOR,
        /** Running, but started outside UML Manager (or no supervisor could take it over): mconsole and signals only. */
        EXTERNAL,
        /** Not running; the state the supervisor recorded when the guest ended (e.g. CRASHED with the panic). */
        RECORD,
        /** Not running and never started here: plain STOPPED. */
        NONE
    }

    public GuestStatus {
        Objects.requireNonNull(name);
        Objects.requireNonNull(state);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(origin);
        Objects.requireNonNull(umid);
        Objects.requireNonNull(pid);
        Objects.requireNonNull(mconsoleSocket);
        lines = List.copyOf(lines);
        Objects.requireNonNull(exitStatus);
        Objects.requireNonNull(since);
    }

    /** A supervisor's snapshot as a status; {@code origin} is SUPERVISOR for a live one, RECORD for a session file. */
    public static GuestStatus of(GuestSnapshot s, Origin origin) {
        boolean running = s.state().active();
        return new GuestStatus(s.name(), s.state(), s.reason(), origin, s.umid(),
                running ? s.umlPid() : OptionalLong.empty(),
                running ? s.mconsoleSocket().map(Path::of) : Optional.empty(), running ? s.lines() : List.of(),
                s.exitStatus(), s.since());
    }

    /** A guest nobody here knows anything about. */
    public static GuestStatus stopped(String name, String umid) {
        return new GuestStatus(name, InstanceState.STOPPED, "", Origin.NONE, umid, OptionalLong.empty(),
                Optional.empty(), List.of(), OptionalInt.empty(), Instant.EPOCH);
    }

    /** The reason of a guest running unheld because its supervisor ended and no successor could take it over. */
    public static final String SUPERVISOR_GONE = "the supervisor that held it has ended (it was killed or failed) and"
            + " no new one could take it over, so its consoles can no longer be reached";
    /** The reason of a guest UML Manager did not start. */
    public static final String STARTED_OUTSIDE = "started outside UML Manager";

    /** Whether its consoles can be opened and it can be stopped step by step (the supervisor holds it). */
    public boolean managed() {
        return origin == Origin.SUPERVISOR;
    }

    /** For a running guest no supervisor holds: why its consoles cannot be opened, and what still works. */
    public String consolesUnreachable() {
        String pidText = pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "";
        String still = "'uml-manager mconsole " + name + " …' reaches its kernel and 'uml-manager stop " + name
                + "' stops it";
        if (reason.equals(SUPERVISOR_GONE)) {
            return name + " is running" + pidText + ", but " + SUPERVISOR_GONE + "; " + still;
        }
        return name + " was started outside UML Manager" + pidText + ", so its consoles are where that start put"
                + " them; " + still;
    }
}
