package org.umlmanager.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.model.Instance;

/**
 * A {@link RuntimeService} over a {@link GuestFixture}, with the configured instances in a list
 * the test fills. Every guest started through it is tracked for cleanup (its supervisor too).
 */
final class RuntimeFixture implements AutoCloseable {

    final GuestFixture guests;
    final List<Instance> instances = new CopyOnWriteArrayList<>();
    final RuntimeService runtime;
    private final ExecutorService work = Executors.newCachedThreadPool();
    private final ExecutorService events = Executors.newSingleThreadExecutor();

    /** A runtime with a pool for work and one event thread, as the desktop app runs it. */
    RuntimeFixture(GuestFixture guests) {
        this.guests = guests;
        this.runtime = new RuntimeService(guests.layout(), SupervisorLauncher.forThisJvm(guests.layout()),
                () -> List.copyOf(instances), work, events);
    }

    /** Configures {@code instance}, starts it, tracks it and waits until it runs. */
    GuestStatus startRunning(Instance instance) throws Exception {
        GuestStatus started = start(instance);
        return runtime.whenRunning(started.name()).get(60, TimeUnit.SECONDS);
    }

    GuestStatus start(Instance instance) throws Exception {
        instances.removeIf(i -> i.name().equals(instance.name()));
        instances.add(instance);
        GuestStatus s = runtime.start(instance).get(60, TimeUnit.SECONDS);
        guests.trackSession(instance.name());
        return s;
    }

    @Override
    public void close() throws Exception {
        try {
            runtime.close();
            work.shutdownNow();
            events.shutdownNow();
        } finally {
            guests.close();
        }
    }
}
