package org.umlmanager.testing;

import java.util.regex.Pattern;

/**
 * The UML kernel's own early-boot fault (docs/KERNEL.md §7.1), as tests that start the kernel
 * without the supervisor recognise it: the supervisor starts such a boot again itself
 * (launch.holder.KernelLogScanner and GuestSession), a test that runs the kernel directly has to.
 */
public final class KernelFaults {

    private static final Pattern EARLY_BOOT_FAULT = Pattern.compile(
            "VFS: Cannot open root device .*: error -12(?!\\d)|couldn't execute it \\(error -12\\)");

    private KernelFaults() {
    }

    private static final Pattern HALTED_LAST = Pattern.compile("reboot: (System halted|Power down)\\s*$");

    /**
     * Whether a kernel that died of SIGABRT had halted first ({@code console} ends with its halt
     * message): the abort on its way out (docs/KERNEL.md §7.2), not a panic of the guest's.
     */
    public static boolean abortedAfterHalt(int status, CharSequence console) {
        return status == 128 + 6 && HALTED_LAST.matcher(console).find();
    }

    /**
     * Whether a kernel asked to halt through mconsole, which prints no halt message, died of
     * SIGABRT with no word of a panic in {@code consoleSinceHalt}: the same abort on its way out.
     */
    public static boolean abortedAfterMconsoleHalt(int status, CharSequence consoleSinceHalt) {
        return status == 128 + 6 && !consoleSinceHalt.toString().contains("Kernel panic");
    }

    /** Whether {@code console} (a kernel's output) shows the early-boot fault. */
    public static boolean earlyBootFault(CharSequence console) {
        return EARLY_BOOT_FAULT.matcher(console).find();
    }
}
