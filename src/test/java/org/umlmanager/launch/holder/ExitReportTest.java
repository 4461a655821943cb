package org.umlmanager.launch.holder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.umlmanager.model.InstanceState;

/**
 * The meaning of a kernel's end, per docs/KERNEL.md §7 and pty4j's 128+N for signals; a status
 * above 128 is an exit code when the kernel is known to have gone through its exit path.
 */
class ExitReportTest {

    @Test
    void haltIsStopped() {
        assertThat(ExitReport.of(0, InstanceState.STOPPING, Optional.empty(), List.of(), false))
                .isEqualTo(new ExitReport(InstanceState.STOPPED, "halted"));
        assertThat(ExitReport.of(0, InstanceState.RUNNING, Optional.empty(), List.of(), false))
                .isEqualTo(new ExitReport(InstanceState.STOPPED, "powered off"));
        assertThat(ExitReport.of(42, InstanceState.RUNNING, Optional.empty(), List.of(), false))
                .isEqualTo(new ExitReport(InstanceState.STOPPED, "exited with status 42"));
    }

    @Test
    void aTakenOverKernelsEndIsToldFromItsPanicAndItsExitPath() {
        assertThat(ExitReport.ofUnknownStatus(InstanceState.RUNNING, Optional.of("sysrq triggered crash"), false))
                .isEqualTo(new ExitReport(InstanceState.CRASHED, "kernel panic: sysrq triggered crash"));
        assertThat(ExitReport.ofUnknownStatus(InstanceState.STOPPING, Optional.empty(), true))
                .isEqualTo(new ExitReport(InstanceState.STOPPED, "halted"));
        assertThat(ExitReport.ofUnknownStatus(InstanceState.STOPPING, Optional.empty(), false))
                .isEqualTo(new ExitReport(InstanceState.STOPPED, "stopped with a signal"));
        assertThat(ExitReport.ofUnknownStatus(InstanceState.RUNNING, Optional.empty(), true))
                .isEqualTo(new ExitReport(InstanceState.STOPPED,
                        "ended (exit status unknown: its supervisor was replaced)"));
        assertThat(ExitReport.ofUnknownStatus(InstanceState.RUNNING, Optional.empty(), false).state())
                .isEqualTo(InstanceState.CRASHED);
    }

    @Test
    void anAbortAfterTheGuestHaltedIsAStop() {
        // Seen in CI: init wrote an exit code and ran poweroff -f, the kernel printed its last
        // line and then died of SIGABRT.
        assertThat(ExitReport.of(134, InstanceState.RUNNING, Optional.empty(),
                List.of("UMLM-SCRIPT-BOOTED", "reboot: System halted"), false))
                .isEqualTo(new ExitReport(InstanceState.STOPPED,
                        "powered off; the kernel then aborted on its way out (SIGABRT)"));
        assertThat(ExitReport.of(134, InstanceState.RUNNING, Optional.empty(), List.of("reboot: Power down"), false)
                .state()).isEqualTo(InstanceState.STOPPED);
        // A halt message earlier than the last line is not it.
        assertThat(ExitReport.of(134, InstanceState.RUNNING, Optional.empty(),
                List.of("reboot: System halted", "Kernel panic - not syncing: x"), false).state())
                .isEqualTo(InstanceState.CRASHED);
        // A panic the kernel reported stays a panic.
        assertThat(ExitReport.of(134, InstanceState.RUNNING, Optional.of("x"), List.of("reboot: Power down"), false)
                .state()).isEqualTo(InstanceState.CRASHED);
    }

    @Test
    void anAbortWhileStoppingWithNoWordOfAPanicIsAStop() {
        // mconsole's halt prints no halt message; the kernel then aborted all the same (docs/KERNEL.md §7.2).
        assertThat(ExitReport.of(134, InstanceState.STOPPING, Optional.empty(), List.of("Run /init as init"), false))
                .isEqualTo(new ExitReport(InstanceState.STOPPED, "halted; the kernel then aborted on its way out"
                        + " (SIGABRT)"));
        assertThat(ExitReport.of(134, InstanceState.STOPPING, Optional.empty(),
                List.of("Kernel panic - not syncing: Attempted to kill init!"), false).state())
                .isEqualTo(InstanceState.CRASHED);
        assertThat(ExitReport.of(134, InstanceState.STOPPING, Optional.empty(), List.of("Kernel panic - not syncing: x",
                "CPU: 0 PID: 1 Comm: init Not tainted 6.1.0", "Stack:", " 6001b2c0 60039a5d", "Call Trace:",
                " [<60032e29>] ? panic+0x1a9/0x3b0"), false).state()).isEqualTo(InstanceState.CRASHED);
        assertThat(ExitReport.of(134, InstanceState.STOPPING, Optional.of("x"), List.of(), false).state())
                .isEqualTo(InstanceState.CRASHED);
        assertThat(ExitReport.of(134, InstanceState.RUNNING, Optional.empty(), List.of("Run /init as init"), false)
                .state()).isEqualTo(InstanceState.CRASHED);
    }

    @Test
    void panicIsCrashedWithItsMessage() {
        assertThat(ExitReport.of(134, InstanceState.RUNNING, Optional.of("sysrq triggered crash"), List.of(), false))
                .isEqualTo(new ExitReport(InstanceState.CRASHED, "kernel panic: sysrq triggered crash"));
        assertThat(ExitReport.of(134, InstanceState.RUNNING, Optional.empty(), List.of("Kernel panic - not syncing: x"), false))
                .isEqualTo(new ExitReport(InstanceState.CRASHED,
                        "kernel panic (the kernel aborted with SIGABRT): Kernel panic - not syncing: x"));
    }

    @Test
    void signalFromOutsideIsCrashedButOurOwnKillIsAStop() {
        assertThat(ExitReport.of(137, InstanceState.RUNNING, Optional.empty(), List.of(), false))
                .isEqualTo(new ExitReport(InstanceState.CRASHED, "killed by SIGKILL (signal 9)"));
        assertThat(ExitReport.of(137, InstanceState.STOPPING, Optional.empty(), List.of(), false))
                .isEqualTo(new ExitReport(InstanceState.STOPPED, "stopped with SIGKILL"));
    }

    @Test
    void anExitWhileBootingIsAFailedStartWithTheKernelsLastWords() {
        assertThat(ExitReport.of(1, InstanceState.STARTING, Optional.empty(),
                List.of("Too few physical memory! Needed=1, given=2"), false))
                .isEqualTo(new ExitReport(InstanceState.CRASHED, "the kernel exited with status 1 while booting:"
                        + " Too few physical memory! Needed=1, given=2"));
    }

    @Test
    void aHighExitCodeIsAnExitWhenTheKernelWentThroughItsExitPath() {
        assertThat(ExitReport.of(137, InstanceState.RUNNING, Optional.empty(), List.of(), true))
                .isEqualTo(new ExitReport(InstanceState.STOPPED, "exited with status 137"));
        assertThat(ExitReport.of(134, InstanceState.RUNNING, Optional.empty(), List.of(), true))
                .isEqualTo(new ExitReport(InstanceState.STOPPED, "exited with status 134"));
        assertThat(ExitReport.of(129, InstanceState.STOPPING, Optional.empty(), List.of(), true))
                .isEqualTo(new ExitReport(InstanceState.STOPPED, "exited with status 129"));
        // A panic stays a panic whatever the evidence.
        assertThat(ExitReport.of(134, InstanceState.RUNNING, Optional.of("x"), List.of(), true))
                .isEqualTo(new ExitReport(InstanceState.CRASHED, "kernel panic: x"));
    }

    @Test
    void aStatusNoSignalCanGiveIsAnExitCode() {
        assertThat(ExitReport.of(200, InstanceState.RUNNING, Optional.empty(), List.of(), false))
                .isEqualTo(new ExitReport(InstanceState.STOPPED, "exited with status 200"));
        assertThat(ExitReport.of(192, InstanceState.RUNNING, Optional.empty(), List.of(), false))
                .isEqualTo(new ExitReport(InstanceState.CRASHED, "killed by signal 64"));
        assertThat(ExitReport.of(128, InstanceState.RUNNING, Optional.empty(), List.of(), false))
                .isEqualTo(new ExitReport(InstanceState.STOPPED, "exited with status 128"));
    }
}
