package org.umlmanager.launch;

import java.util.regex.Pattern;

/**
 * The UML kernel's own faults, as its output shows them (docs/KERNEL.md §7): the supervisor reads
 * them to start a failed boot again and to tell a stop from a crash, and tests that run the
 * kernel without the supervisor read them the same way, from this one place.
 */
public final class KernelFaults {

    /** 128 + SIGABRT: how the kernel ends on a panic, and now and then after a clean halt. */
    public static final int ABORTED = 134;

    private static final Pattern EARLY_BOOT_FAULT = Pattern.compile(
            "VFS: Cannot open root device .*: error -12(?!\\d)|couldn't execute it \\(error -12\\)");
    private static final Pattern HALTED_LAST = Pattern.compile("reboot: (System halted|Power down)\\s*$");
    private static final String PANIC = "Kernel panic";
    private static final String BANNER = "Linux version ";

    private KernelFaults() {
    }

    /**
     * Whether {@code output} shows the early-boot fault (§7.1): the root filesystem or init could
     * not be had for lack of memory the guest has.
     */
    public static boolean earlyBootFault(CharSequence output) {
        return EARLY_BOOT_FAULT.matcher(output).find();
    }

    /**
     * Whether {@code output}, all a boot printed so far (since its start, or since the reboot that
     * began it), lacks the kernel's banner: the host checks ran, and then nothing (§7.3).
     */
    public static boolean beforeBanner(CharSequence output) {
        return !output.toString().contains(BANNER);
    }

    /** Whether {@code output} ends with the kernel's halt or power-off message. */
    public static boolean endsHalted(CharSequence output) {
        return HALTED_LAST.matcher(output).find();
    }

    /** Whether {@code output} has the kernel's panic line. */
    public static boolean panicked(CharSequence output) {
        return output.toString().contains(PANIC);
    }

    /**
     * Whether a kernel that ended with {@code status} had halted first: its output ends with the
     * halt message, and it then died of SIGABRT on its way out (§7.2), not of a panic.
     */
    public static boolean abortedAfterHalt(int status, CharSequence output) {
        return status == ABORTED && endsHalted(output);
    }

    /**
     * The same after a halt asked through mconsole, which prints no halt message: SIGABRT with no
     * panic line in what the kernel printed since the request.
     */
    public static boolean abortedAfterMconsoleHalt(int status, CharSequence outputSinceHalt) {
        return status == ABORTED && !panicked(outputSinceHalt);
    }
}
