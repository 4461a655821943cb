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

    /** Whether {@code console} (a kernel's output) shows the early-boot fault. */
    public static boolean earlyBootFault(CharSequence console) {
        return EARLY_BOOT_FAULT.matcher(console).find();
    }
}
