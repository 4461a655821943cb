package org.umlmanager.launch.holder;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.umlmanager.launch.KernelFaults;
import org.umlmanager.model.InstanceState;

/**
 * What the end of the UML process means (docs/KERNEL.md §7): a halt is STOPPED, a panic or
 * a signal from outside is CRASHED, and an exit during boot is a failed start (CRASHED, with the
 * kernel's last words).
 *
 * <p>pty4j reports death by signal N as 128+N, the shells' convention, so a status from 129 to
 * 192 (signals go up to 64) is also what a guest gets by writing that number to
 * {@code /proc/exitcode} and halting. The status alone cannot tell them apart, and pty4j reaps the
 * kernel itself, so the raw wait status is out of reach. What tells them apart is the kernel's own
 * exit path: every orderly exit (halt, power-off, the SIGTERM/SIGINT/SIGHUP handler) removes the
 * umid directory, and death by a signal leaves it behind. A guest can only write
 * {@code /proc/exitcode} from user space, long after its mconsole (inside that directory) is up, so
 * whenever such an exit code is possible the evidence is there. Without it (the kernel died before
 * its mconsole came up, or someone removed the directory under it) the status is read as a signal.
 */
record ExitReport(InstanceState state, String reason) {

    private static final int SIGNAL_BASE = 128;
    /** SIGRTMAX on Linux: a status above 128 + this can only be an exit code. */
    private static final int HIGHEST_SIGNAL = 64;
    private static final int SIGABRT = 6;
    private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 6, "SIGABRT", 9, "SIGKILL",
            11, "SIGSEGV", 15, "SIGTERM");

    /**
     * @param status    the exit status as pty4j reports it (128+N for signal N)
     * @param before    the state when the process ended
     * @param panic     the panic message from the notify socket, if one came
     * @param lastLines the kernel's last output lines
     * @param exitPath  whether the kernel is known to have ended through its exit path (it removed
     *                  its umid directory), which rules out death by a signal
     */
    static ExitReport of(int status, InstanceState before, Optional<String> panic, List<String> lastLines,
                         boolean exitPath) {
        if (panic.isPresent()) {
            return new ExitReport(InstanceState.CRASHED, "kernel panic: " + panic.get());
        }
        if (status > SIGNAL_BASE && status <= SIGNAL_BASE + HIGHEST_SIGNAL && !exitPath) {
            int signal = status - SIGNAL_BASE;
            String name = SIGNALS.getOrDefault(signal, "signal " + signal);
            if (signal == SIGABRT && haltedFirst(lastLines)) {
                return new ExitReport(InstanceState.STOPPED, "powered off; the kernel then aborted on its way out"
                        + " (SIGABRT)");
            }
            if (before == InstanceState.STOPPING
                    && KernelFaults.abortedAfterMconsoleHalt(status, String.join("\n", lastLines))) {
                // Asked to halt (mconsole's halt prints nothing) and no word of a panic: the same abort.
                return new ExitReport(InstanceState.STOPPED, "halted; the kernel then aborted on its way out"
                        + " (SIGABRT)");
            }
            if (signal == SIGABRT) {
                return new ExitReport(InstanceState.CRASHED, "kernel panic (the kernel aborted with SIGABRT)"
                        + lastWords(lastLines));
            }
            if (before == InstanceState.STOPPING) {
                return new ExitReport(InstanceState.STOPPED, "stopped with " + name);
            }
            return new ExitReport(InstanceState.CRASHED, "killed by " + (SIGNALS.containsKey(signal)
                    ? name + " (signal " + signal + ")" : name));
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

    /**
     * A stop whose guest rebooted on the way down (Ctrl-Alt-Del) and whose new boot then met the
     * kernel's early-boot fault (docs/KERNEL.md §7.1): the guest is off, as asked, with nothing of
     * it run since; the status says what the process ended with.
     */
    static ExitReport stoppedByBootFault(String line) {
        return new ExitReport(InstanceState.STOPPED, "stopped: the boot after its Ctrl-Alt-Del failed in the"
                + " kernel's early boot (" + line + ")");
    }

    /**
     * The end of a kernel this process took over from a killed supervisor: only that supervisor
     * could learn the exit status, so only the panic message and the kernel's exit path tell.
     */
    static ExitReport ofUnknownStatus(InstanceState before, Optional<String> panic, boolean exitPath) {
        if (panic.isPresent()) {
            return new ExitReport(InstanceState.CRASHED, "kernel panic: " + panic.get());
        }
        if (before == InstanceState.STOPPING) {
            return new ExitReport(InstanceState.STOPPED, exitPath ? "halted" : "stopped with a signal");
        }
        return exitPath
                ? new ExitReport(InstanceState.STOPPED, "ended (exit status unknown: its supervisor was replaced)")
                : new ExitReport(InstanceState.CRASHED, "killed by a signal (which one is unknown: its supervisor"
                        + " was replaced)");
    }

    /**
     * Whether the guest had halted or powered off before the kernel died: now and then the kernel
     * aborts after it printed that, on its way out (docs/KERNEL.md §7.2).
     */
    private static boolean haltedFirst(List<String> lastLines) {
        return !lastLines.isEmpty() && KernelFaults.endsHalted(lastLines.get(lastLines.size() - 1));
    }

    private static String lastWords(List<String> lastLines) {
        return lastLines.isEmpty() ? "" : ": " + lastLines.get(lastLines.size() - 1);
    }
}
