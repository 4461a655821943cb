package org.umlmanager.launch.holder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.umlmanager.launch.GuestEvent;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.model.InstanceState;

class GuestStateMachineTest {

    private final List<GuestEvent> events = new CopyOnWriteArrayList<>();
    private final GuestStateMachine machine = new GuestStateMachine(new GuestSnapshot("g", "g", InstanceState.STOPPED,
            "", OptionalInt.empty(), OptionalLong.empty(), 1, Optional.empty(), 0, List.of(), Instant.EPOCH),
            events::add);

    @Test
    void followsTheLifeCycleAndPublishesEachChange() {
        assertThat(machine.transition(InstanceState.STARTING, "")).isTrue();
        assertThat(machine.transition(InstanceState.RUNNING, "")).isTrue();
        assertThat(machine.transition(InstanceState.PAUSED, "paused")).isTrue();
        assertThat(machine.transition(InstanceState.RUNNING, "")).isTrue();
        assertThat(machine.transition(InstanceState.STOPPING, "stop requested")).isTrue();
        assertThat(machine.transition(InstanceState.STOPPED, "halted")).isTrue();
        assertThat(events).extracting(e -> ((GuestEvent.StateChanged) e).from()).containsExactly(
                InstanceState.STOPPED, InstanceState.STARTING, InstanceState.RUNNING, InstanceState.PAUSED,
                InstanceState.RUNNING, InstanceState.STOPPING);
        assertThat(machine.current().reason()).isEqualTo("halted");
    }

    @Test
    void refusesMovesTheLifeCycleDoesNotHave() {
        assertThat(machine.transition(InstanceState.RUNNING, "")).isFalse();
        machine.transition(InstanceState.STARTING, "");
        machine.transition(InstanceState.STOPPING, "");
        assertThat(machine.transition(InstanceState.RUNNING, "")).isFalse();
        assertThat(machine.transition(InstanceState.PAUSED, "")).isFalse();
        assertThat(machine.current().state()).isEqualTo(InstanceState.STOPPING);
        assertThat(events).hasSize(2);
    }

    @Test
    void aTransitionAppliesOnlyFromTheStatesItNames() {
        machine.transition(InstanceState.STARTING, "");
        machine.transition(InstanceState.RUNNING, "");
        // A "go" reply arriving after the guest was paused and resumed elsewhere changes nothing.
        assertThat(machine.transition(EnumSet.of(InstanceState.PAUSED), InstanceState.RUNNING, "")).isFalse();
        assertThat(events).hasSize(2);
    }

    @Test
    void racingObserversApplyExactlyOneEnd() throws Exception {
        machine.transition(InstanceState.STARTING, "");
        machine.transition(InstanceState.RUNNING, "");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger applied = new AtomicInteger();
        for (int i = 0; i < 8; i++) {
            InstanceState end = i % 2 == 0 ? InstanceState.CRASHED : InstanceState.STOPPED;
            pool.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (machine.transition(EnumSet.of(InstanceState.RUNNING), end, "")) {
                    applied.incrementAndGet();
                }
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(applied).hasValue(1);
        assertThat(events).hasSize(3);
    }
}
