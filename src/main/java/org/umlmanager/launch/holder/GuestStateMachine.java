package org.umlmanager.launch.holder;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.umlmanager.launch.GuestEvent;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.model.InstanceState;

/**
 * The life cycle of the holder's guest. A transition names the states it may leave and applies
 * only if the current state is one of them (compare-and-set), so that racing observers — the
 * exit watcher, the stop sequence, a notify message — cannot undo each other. Every applied
 * change is handed to the publisher in the order it happened. Thread-safe.
 */
final class GuestStateMachine {

    private static final Map<InstanceState, Set<InstanceState>> ALLOWED = new EnumMap<>(InstanceState.class);
    private static final Set<InstanceState> FROM_ANY = EnumSet.allOf(InstanceState.class);

    static {
        ALLOWED.put(InstanceState.STOPPED, EnumSet.of(InstanceState.STARTING));
        ALLOWED.put(InstanceState.CRASHED, EnumSet.of(InstanceState.STARTING));
        ALLOWED.put(InstanceState.STARTING, EnumSet.of(InstanceState.RUNNING, InstanceState.STOPPING,
                InstanceState.STOPPED, InstanceState.CRASHED));
        ALLOWED.put(InstanceState.RUNNING, EnumSet.of(InstanceState.PAUSED, InstanceState.STOPPING,
                InstanceState.STOPPED, InstanceState.CRASHED));
        ALLOWED.put(InstanceState.PAUSED, EnumSet.of(InstanceState.RUNNING, InstanceState.STOPPING,
                InstanceState.STOPPED, InstanceState.CRASHED));
        ALLOWED.put(InstanceState.STOPPING, EnumSet.of(InstanceState.STOPPED, InstanceState.CRASHED));
    }

    private final Consumer<GuestEvent> publisher;
    private GuestSnapshot current;

    GuestStateMachine(GuestSnapshot initial, Consumer<GuestEvent> publisher) {
        this.current = initial;
        this.publisher = publisher;
    }

    synchronized GuestSnapshot current() {
        return current;
    }

    /** Moves to {@code to} if the move is allowed from the current state; false (and no event) otherwise. */
    boolean transition(InstanceState to, String reason) {
        return transition(FROM_ANY, to, reason);
    }

    /** Moves to {@code to} only from one of {@code from}, and only along an allowed edge. */
    synchronized boolean transition(Set<InstanceState> from, InstanceState to, String reason) {
        InstanceState now = current.state();
        if (!from.contains(now) || !ALLOWED.get(now).contains(to)) {
            return false;
        }
        current = current.withState(to, reason, Instant.now());
        publisher.accept(new GuestEvent.StateChanged(current, now));
        return true;
    }

    /** Changes facts other than the state (pid, lines, exit status); publishes nothing by itself. */
    synchronized GuestSnapshot update(UnaryOperator<GuestSnapshot> change) {
        current = change.apply(current);
        return current;
    }

    /** Applies {@code change} and publishes the event it makes from the result, in order with transitions. */
    synchronized GuestSnapshot updateAndPublish(UnaryOperator<GuestSnapshot> change,
                                                Function<GuestSnapshot, GuestEvent> event) {
        current = change.apply(current);
        publisher.accept(event.apply(current));
        return current;
    }

    /** Publishes an event that changes no fact, in order with the transitions. */
    synchronized void publish(GuestEvent event) {
        publisher.accept(event);
    }
}
