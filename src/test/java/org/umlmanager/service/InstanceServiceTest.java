package org.umlmanager.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.model.Instance;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.storage.SampleInstances;
import org.umlmanager.storage.StoreException;
import org.umlmanager.storage.StoreException.Reason;

class InstanceServiceTest {

    @TempDir
    Path dir;
    InstanceStore store;
    InstanceService service;

    @BeforeEach
    void setUp() {
        store = new InstanceStore(dir);
        service = new InstanceService(store, Runnable::run);
    }

    @Test
    void workRunsOnTheInjectedExecutorNotTheCaller() throws Exception {
        Queue<Runnable> queued = new ArrayDeque<>();
        InstanceService deferred = new InstanceService(store, queued::add);

        CompletableFuture<Instance> created = deferred.create(SampleInstances.full("vm"));

        assertThat(created).isNotDone();
        assertThat(store.fileOf("vm")).doesNotExist();
        queued.remove().run();
        assertThat(created).isCompletedWithValue(SampleInstances.full("vm"));
        assertThat(store.load("vm")).isEqualTo(SampleInstances.full("vm"));
    }

    @Test
    void configurationLifeCycle() {
        Instance vm = SampleInstances.minimal("vm");
        Instance changed = SampleInstances.full("vm");

        assertThat(service.create(vm)).isCompletedWithValue(vm);
        assertThat(service.update(changed)).isCompletedWithValue(changed);
        assertThat(service.get("vm")).isCompletedWithValue(changed);
        assertThat(service.rename("vm", "renamed")).isCompletedWithValue(changed.withName("renamed"));
        assertThat(service.list().join().instances()).containsExactly(changed.withName("renamed"));
        assertThat(service.delete("renamed")).isCompleted();
        assertThat(service.list().join().instances()).isEmpty();
    }

    @Test
    void storeRefusalsFailTheFutureWithTheStoreException() {
        service.create(SampleInstances.minimal("vm")).join();

        assertThat(service.create(SampleInstances.minimal("VM"))).failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NAME_TAKEN));
        assertThat(service.get("nope")).isCompletedExceptionally();
    }

    @Test
    void aRejectingExecutorFailsTheFutureInsteadOfThrowing() {
        Executor closed = r -> {
            throw new RejectedExecutionException("shut down");
        };

        assertThat(new InstanceService(store, closed).list()).isCompletedExceptionally();
    }
}
