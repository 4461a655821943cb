package org.umlmanager.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KernelFaultsTest {

    @Test
    void theEarlyBootFaultIsTheRootMountOrInitFailingWithErrorMinus12() {
        assertThat(KernelFaults.earlyBootFault("VFS: Cannot open root device \"ubda\" or unknown-block(98,0): error -12"))
                .isTrue();
        assertThat(KernelFaults.earlyBootFault("Requested init /init failed (error -12).\n"
                + "Run /init as init process\n... couldn't execute it (error -12)")).isTrue();
        // Another errno, or a longer number, is another failure.
        assertThat(KernelFaults.earlyBootFault("VFS: Cannot open root device \"ubda\" or unknown-block(0,0): error -6"))
                .isFalse();
        assertThat(KernelFaults.earlyBootFault("VFS: Cannot open root device \"x\": error -123")).isFalse();
    }

    @Test
    void anAbortCountsAsOneAfterAHaltOnlyWhenTheHaltMessageCameLast() {
        assertThat(KernelFaults.abortedAfterHalt(134, "exit 42\nreboot: System halted\n")).isTrue();
        assertThat(KernelFaults.abortedAfterHalt(134, "reboot: Power down")).isTrue();
        assertThat(KernelFaults.abortedAfterHalt(0, "reboot: Power down")).isFalse();
        assertThat(KernelFaults.abortedAfterHalt(134, "reboot: Power down\nKernel panic - not syncing: x\n")).isFalse();
    }

    @Test
    void anAbortAfterAnMconsoleHaltMustNotFollowAPanicLine() {
        assertThat(KernelFaults.abortedAfterMconsoleHalt(134, "")).isTrue();
        assertThat(KernelFaults.abortedAfterMconsoleHalt(134, "Kernel panic - not syncing: Attempted to kill init!"))
                .isFalse();
        assertThat(KernelFaults.abortedAfterMconsoleHalt(137, "")).isFalse();
    }

    @Test
    void aBootWithoutTheBannerIsBeforeIt() {
        String checks = "reboot: Restarting system\nCore dump limits :\nChecking if /dev/shm is on tmpfs...OK\n"
                + "Adding 353046528 bytes to physical memory to account for exec-shield gap\n";
        assertThat(KernelFaults.beforeBanner(checks)).isTrue();
        assertThat(KernelFaults.beforeBanner(checks + "Linux version 6.1.176 (buildd@x) #1 SMP\nZone ranges:\n"))
                .isFalse();
    }
}
