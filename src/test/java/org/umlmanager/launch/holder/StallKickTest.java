package org.umlmanager.launch.holder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StallKickTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger kicks = new AtomicInteger();
    private final StallKick kick = new StallKick(kicks::incrementAndGet, now::get);

    private void after(long millis) {
        now.addAndGet(millis * 1_000_000);
    }

    @Test
    void kicksOnceWhenOutputIsFollowedBySilence() {
        kick.check();
        assertThat(kicks).as("no output yet").hasValue(0);
        kick.noteRead(80);
        after(299);
        kick.check();
        assertThat(kicks).hasValue(0);

        after(1);
        kick.check();
        kick.check();
        assertThat(kicks).hasValue(1);
    }

    @Test
    void outputStillComingPutsTheKickOff() {
        kick.noteRead(16 * 1024);
        after(200);
        kick.noteRead(10);
        after(200);
        kick.check();
        assertThat(kicks).as("output came 200 ms ago").hasValue(0);
        after(100);
        kick.check();
        assertThat(kicks).hasValue(1);
    }
}
