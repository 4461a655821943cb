package org.umlmanager.launch.holder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the supervisor picks out of the kernel's messages, from lines the real kernel prints. */
class KernelLogScannerTest {

    private static List<KernelLogScanner.Sighting> scan(String text) {
        List<KernelLogScanner.Sighting> seen = new ArrayList<>();
        KernelLogScanner scanner = new KernelLogScanner(seen::add);
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        // In two pieces, split inside a line, as the pty delivers it.
        scanner.feed(bytes, 7);
        scanner.feed(java.util.Arrays.copyOfRange(bytes, 7, bytes.length), bytes.length - 7);
        return seen;
    }

    @Test
    void theEarlyBootFaultIsSeenWhereTheKernelReportsIt() {
        assertThat(scan("""
                zswap: pool creation failed\r
                VFS: Cannot open root device "ubda" or unknown-block(98,0): error -12\r
                Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(98,0)\r
                """)).containsExactly(new KernelLogScanner.Sighting.EarlyBootFault(
                "VFS: Cannot open root device \"ubda\" or unknown-block(98,0): error -12"));
        assertThat(scan("Starting init: /sbin/init exists but couldn't execute it (error -12)\n"))
                .containsExactly(new KernelLogScanner.Sighting.EarlyBootFault(
                        "Starting init: /sbin/init exists but couldn't execute it (error -12)"));
    }

    @Test
    void otherRootAndInitFailuresAreNotIt() {
        // A missing or wrong root device, an init that is not there: no second start would help.
        assertThat(scan("""
                VFS: Cannot open root device "ubdb" or unknown-block(0,0): error -6
                VFS: Cannot open root device "ubda" or unknown-block(98,0): error -120
                Starting init: /sbin/init exists but couldn't execute it (error -8)
                Kernel panic - not syncing: No working init found.
                """)).isEmpty();
    }

    @Test
    void mconsolePtsAndRebootAreSeen() {
        assertThat(scan("""
                mconsole (version 2) initialized on /tmp/u/web/mconsole
                Serial line 0 assigned device '/dev/pts/7'
                Virtual console 2 assigned device '/dev/pts/8'
                reboot: Restarting system
                """)).containsExactly(new KernelLogScanner.Sighting.MconsoleReady("/tmp/u/web/mconsole"),
                new KernelLogScanner.Sighting.PtsAssigned("ssl0", "/dev/pts/7"),
                new KernelLogScanner.Sighting.PtsAssigned("con2", "/dev/pts/8"),
                new KernelLogScanner.Sighting.Restarting());
    }
}
