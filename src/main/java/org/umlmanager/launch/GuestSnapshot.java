package org.umlmanager.launch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.umlmanager.model.InstanceState;

/**
 * What the supervisor knows about a guest at one moment. Immutable.
 *
 * @param name           the instance's name
 * @param umid           the umid the guest was started with
 * @param state          the life-cycle state
 * @param reason         why it is in that state when that matters ("kernel panic: …", "killed by signal 9");
 *                       empty otherwise
 * @param exitStatus     the process's exit status once it ended, as a shell shows it: 128+N when it died on
 *                       signal N, which a guest's own exit code can equal; {@code reason} says which
 * @param umlPid         the UML process (also its process group) once spawned
 * @param holderPid      the supervisor process that holds the guest
 * @param mconsoleSocket the guest's mconsole socket, as the kernel reported it (it differs from the
 *                       requested one when the umid was busy)
 * @param boots          how many times the kernel booted in this session (a reboot from inside re-execs)
 * @param lines          the lines shown in terminals
 * @param since          when the state was entered
 */
public record GuestSnapshot(String name, String umid, InstanceState state, String reason, OptionalInt exitStatus,
                            OptionalLong umlPid, long holderPid, Optional<String> mconsoleSocket, int boots,
                            List<LineInfo> lines, Instant since) {

    public GuestSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(umid, "umid");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(exitStatus, "exitStatus");
        Objects.requireNonNull(umlPid, "umlPid");
        Objects.requireNonNull(mconsoleSocket, "mconsoleSocket");
        lines = List.copyOf(lines);
        Objects.requireNonNull(since, "since");
    }

    public Optional<LineInfo> line(String lineName) {
        return lines.stream().filter(l -> l.name().equals(lineName)).findFirst();
    }

    public GuestSnapshot withState(InstanceState newState, String newReason, Instant at) {
        return new GuestSnapshot(name, umid, newState, newReason, exitStatus, umlPid, holderPid, mconsoleSocket, boots,
                lines, at);
    }

    public GuestSnapshot withExitStatus(int status) {
        return new GuestSnapshot(name, umid, state, reason, OptionalInt.of(status), umlPid, holderPid, mconsoleSocket,
                boots, lines, since);
    }

    public GuestSnapshot withUmlPid(long pid) {
        return new GuestSnapshot(name, umid, state, reason, exitStatus, OptionalLong.of(pid), holderPid,
                mconsoleSocket, boots, lines, since);
    }

    public GuestSnapshot withBoot(String socket) {
        return new GuestSnapshot(name, umid, state, reason, exitStatus, umlPid, holderPid, Optional.of(socket),
                boots + 1, lines, since);
    }

    public GuestSnapshot withLine(LineInfo line) {
        List<LineInfo> updated = lines.stream().map(l -> l.name().equals(line.name()) ? line : l).toList();
        return new GuestSnapshot(name, umid, state, reason, exitStatus, umlPid, holderPid, mconsoleSocket, boots,
                updated, since);
    }
}
