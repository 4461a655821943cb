package org.umlmanager.launch.holder;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.umlmanager.model.InstanceState;

/**
 * What the end of the UML process means (uml-interfaces.md §7): a halt is STOPPED, a panic or
 * a signal from outside is CRASHED, and an exit during boot is a failed start (CRASHED, with the
 * kernel's last words).
 */
record ExitReport(InstanceState state, String reason) {

    private static final int SIGNAL_BASE = 128;
    private static final int SIGABRT = 6;
    private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 6, "SIGABRT", 9, "SIGKILL",
            11, "SIGSEGV", 15, "SIGTERM");

    /**
     * @param status    the exit status as pty4j reports it (128+N for signal N)
     * @param before    the state when the process ended
     * @param panic     the panic message from the notify socket, if one came
     * @param lastLines the kernel's last output lines
     */
    static ExitReport of(int status, InstanceState before, Optional<String> panic, List<String> lastLines) {
        if (panic.isPresent()) {
            return new ExitReport(InstanceState.CRASHED, "kernel panic: " + panic.get());
        }
        if (status > SIGNAL_BASE) {
            int signal = status - SIGNAL_BASE;
            String name = SIGNALS.getOrDefault(signal, "signal " + signal);
            if (signal == SIGABRT) {
                return new ExitReport(InstanceState.CRASHED, "kernel panic (the kernel aborted with SIGABRT)"
                        + lastWords(lastLines));
            }
            if (before == InstanceState.STOPPING) {
                return new ExitReport(InstanceState.STOPPED, "stopped with " + name);
            }
            return new ExitReport(InstanceState.CRASHED, "killed by " + name + " (signal " + signal + ")");
        }
        if (before == InstanceState.STARTING) {
            return new ExitReport(InstanceState.CRASHED, "the kernel exited with status " + status
                    + " while booting" + lastWords(lastLines));
        }
        if (status == 0) {
            return new ExitReport(InstanceState.STOPPED, before == InstanceState.STOPPING ? "halted" : "powered off");
        }
        return new ExitReport(InstanceState.STOPPED, "exited with status " + status);
    }

    private static String lastWords(List<String> lastLines) {
        return lastLines.isEmpty() ? "" : ": " + lastLines.get(lastLines.size() - 1);
    }
}
