package org.umlmanager.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Parsing timer_list as the 6.1 kernel wrote it (excerpts of a real guest's, running and stopped). */
class KernelTimersTest {

    private static final String RUNNING = """
            now at 2420209280 nsecs
            active timers:
             #0: <000000003a1b57dc>, tick_sched_timer, S:01
             # expires at 2430000000-2430000000 nsecs [in 9790720 to 9790720 nsecs]
             #1: <0000000060422489>, hrtimer_wakeup, S:01
             # expires at 2604589952-2604639952 nsecs [in 184380672 to 184430672 nsecs]
            """;

    private static final String STOPPED = """
            now at 2831815552 nsecs
            active timers:
             #0: <000000003a1b57dc>, tick_sched_timer, S:01
             # expires at 2430000000-2430000000 nsecs [in -401815552 to -401815552 nsecs]
             #1: <0000000060422489>, hrtimer_wakeup, S:01
             # expires at 2604589952-2604639952 nsecs [in -227225600 to -227175600 nsecs]
            """;

    @Test
    void aRunningKernelHasNoOverdueTimer() {
        assertThat(KernelTimers.mostOverdue(RUNNING)).isZero();
        assertThat(KernelTimers.frozen(RUNNING, Duration.ofMillis(100))).isFalse();
    }

    @Test
    void aStoppedKernelsTimersAreOverdue() {
        assertThat(KernelTimers.mostOverdue(STOPPED)).isEqualTo(Duration.ofNanos(401815552));
        assertThat(KernelTimers.frozen(STOPPED, Duration.ofMillis(100))).isTrue();
        assertThat(KernelTimers.frozen(STOPPED, Duration.ofMillis(500))).isFalse();
    }
}
