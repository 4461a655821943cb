package org.umlmanager.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.launch.HolderLauncher;
import org.umlmanager.launch.LaunchPlanner;
import org.umlmanager.model.Instance;

/**
 * A {@link RuntimeService} over a {@link GuestFixture}, with the configured instances in a list
 * the test fills. Every guest started through it is tracked for cleanup (its holder too).
 */
final class RuntimeFixture implements AutoCloseable {

    final GuestFixture guests;
    final List<Instance> instances = new CopyOnWriteArrayList<>();
    final RuntimeService runtime;

    RuntimeFixture(GuestFixture guests) {
        this.guests = guests;
        this.runtime = new RuntimeService(guests.layout(), HolderLauncher.forThisJvm(guests.layout().holdersDir()),
                () -> List.copyOf(instances), Runnable::run, Runnable::run);
    }

    /** Configures {@code instance}, starts it, tracks it and waits until it runs. */
    GuestStatus startRunning(Instance instance) throws Exception {
        GuestStatus started = start(instance);
        return runtime.whenRunning(started.name()).get();
    }

    GuestStatus start(Instance instance) throws Exception {
        instances.removeIf(i -> i.name().equals(instance.name()));
        instances.add(instance);
        GuestStatus s = runtime.start(instance).get();
        track(s, instance);
        return s;
    }

    void track(GuestStatus s, Instance instance) {
        guests.trackHolder(holderPid(s.name()));
        s.pid().ifPresent(pid -> guests.track(new GuestSnapshot(s.name(), s.umid(), s.state(), "",
                s.exitStatus(), s.pid(), holderPid(s.name()), java.util.Optional.empty(), 0, List.of(), s.since()),
                LaunchPlanner.umlDir(instance, guests.layout())));
    }

    private long holderPid(String name) {
        return org.umlmanager.launch.SessionFile.read(org.umlmanager.launch.SessionPaths.of(
                guests.layout().sessionsDir(), name).sessionFile()).map(r -> r.snapshot().holderPid()).orElse(-1L);
    }

    @Override
    public void close() throws Exception {
        try {
            runtime.close();
        } finally {
            guests.close();
        }
    }
}
