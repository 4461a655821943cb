package org.umlmanager.testing;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a guest kernel's {@code /proc/timer_list} (through mconsole {@code proc timer_list}) for
 * the positive sign that the guest is frozen: a running kernel fires its timers on time, a
 * stopped one ({@code stop}, the app's Pause) lists them as overdue while its clock goes on. A
 * test that waits for a timer to be well overdue proves the freeze without waiting a guessed
 * time and then finding that nothing happened.
 */
public final class KernelTimers {

    /** "# expires at A-B nsecs [in X to Y nsecs]": X is negative once the timer is overdue. */
    private static final Pattern EXPIRY = Pattern.compile("# expires at \\S+ nsecs \\[in (-?\\d+) to -?\\d+ nsecs]");

    private KernelTimers() {
    }

    /** How long the most overdue active timer is past its expiry (zero when none is). */
    public static Duration mostOverdue(String timerList) {
        Matcher m = EXPIRY.matcher(timerList);
        long worst = 0;
        while (m.find()) {
            worst = Math.max(worst, -Long.parseLong(m.group(1)));
        }
        return Duration.ofNanos(worst);
    }

    /** Whether a timer is more than {@code late} past its expiry: the kernel has not run its timers since. */
    public static boolean frozen(String timerList, Duration late) {
        return mostOverdue(timerList).compareTo(late) > 0;
    }
}
