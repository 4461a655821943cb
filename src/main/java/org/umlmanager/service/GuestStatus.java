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
 * @param lines          the lines that can be opened with {@link GuestRuntime#openConsole} (holder guests only)
 * @param exitStatus     how the process ended (128+N for signal N, as a shell shows it; {@code reason} tells a
 *                       signal from an equal exit code), for a guest that ended under a holder
 * @param since          when the state began, as far as known
 */
public record GuestStatus(String name, InstanceState state, String reason, Origin origin, String umid,
                          OptionalLong pid, Optional<Path> mconsoleSocket, List<LineInfo> lines,
                          OptionalInt exitStatus, Instant since) {

    /** Where a status comes from. */
    public enum Origin {
        /** A UML Manager holder runs the guest: consoles, events, stop sequence, all available. */
        HOLDER,
        /** Running, but started outside UML Manager (or its holder died): mconsole and signals only. */
        EXTERNAL,
        /** Not running; the state its holder recorded when the guest ended (e.g. CRASHED with the panic). */
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

    /** A holder's snapshot as a status; {@code origin} is HOLDER for a live holder, RECORD for a session file. */
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

    /** The reason of a guest running without a holder because its holder ended. */
    public static final String HOLDER_GONE = "its holder process has ended (it was killed or failed), so its consoles"
            + " can no longer be reached";
    /** The reason of a guest UML Manager did not start. */
    public static final String STARTED_OUTSIDE = "started outside UML Manager";

    /** Whether its consoles can be opened and it can be stopped step by step (a holder runs it). */
    public boolean managed() {
        return origin == Origin.HOLDER;
    }

    /** For a running guest without a holder: why its consoles cannot be opened, and what still works. */
    public String consolesUnreachable() {
        String pidText = pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : "";
        String still = "'uml-manager mconsole " + name + " …' reaches its kernel and 'uml-manager stop " + name
                + "' stops it";
        if (reason.equals(HOLDER_GONE)) {
            return name + " is running" + pidText + ", but " + HOLDER_GONE + "; " + still;
        }
        return name + " was started outside UML Manager" + pidText + ", so its consoles are where that start put"
                + " them; " + still;
    }
}
