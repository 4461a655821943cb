package org.umlmanager.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.cmdline.ValidationContext;
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

    @Test
    void importSavesAValidCommandLineAndKeepsItsWarnings() throws Exception {
        Files.write(dir.resolve("root.img"), new byte[4096]);

        ImportResult result = service.importCommandLine(request("vm", false, "umid=vm", "ubd0=root.img")).join();

        assertThat(result.saved()).isTrue();
        assertThat(result.hasErrors()).isFalse();
        assertThat(result.problems()).isNotEmpty().noneMatch(Problem::isError);
        assertThat(store.load("vm")).isEqualTo(result.instance());
        assertThat(result.instance().kernel()).isEqualTo(dir.resolve("linux").toString());
    }

    @Test
    void importWithErrorsOrAsADryRunSavesNothing() throws Exception {
        Files.write(dir.resolve("root.img"), new byte[4096]);

        ImportResult invalid = service.importCommandLine(request("bad", false, "ubd0=root.img", "con1=/dev/tty8"))
                .join();
        ImportResult dryRun = service.importCommandLine(request("dry", true, "umid=dry", "ubd0=root.img")).join();

        assertThat(invalid.saved()).isFalse();
        assertThat(invalid.problems()).filteredOn(Problem::isError).singleElement()
                .satisfies(p -> assertThat(p.subject()).isEqualTo("con1=/dev/tty8"));
        assertThat(dryRun.saved()).isFalse();
        assertThat(dryRun.hasErrors()).isFalse();
        assertThat(store.loadAll().instances()).isEmpty();
    }

    @Test
    void importReportsATakenNameAsAProblemOfTheNameField() throws IOException {
        service.create(SampleInstances.minimal("vm")).join();

        ImportResult result = service.importCommandLine(request("VM", true, "umid=x")).join();

        assertThat(result.problems()).filteredOn(Problem::isError).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("name"));
    }

    /** The validator checks that the kernel is an executable file; this one is never run. */
    private ImportRequest request(String name, boolean dryRun, String... args) throws IOException {
        Path kernel = dir.resolve("linux");
        if (!Files.exists(kernel)) {
            Files.createFile(kernel, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return new ImportRequest(name, Optional.of(kernel.toString()), List.of(args), dryRun,
                ValidationContext.forSaving(Optional.empty(), dir));
    }
}
