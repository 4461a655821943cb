package org.umlmanager.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.model.Instance;
import org.umlmanager.provision.ProvisionRequest;
import org.umlmanager.provision.ProvisionResult;
import org.umlmanager.provision.RootfsSource;
import org.umlmanager.service.InstanceService;
import org.umlmanager.service.JobService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.UmlKernel;

/** Make-then-save, with everything on the calling thread. */
class CreationJobTest {

    @TempDir
    Path home;

    private CreationJob job(InstanceStore store) {
        return new CreationJob(new JobService(home.resolve("images"), new InstanceService(store, Runnable::run),
                Runnable::run, Runnable::run), Runnable::run);
    }

    private String[] images() throws Exception {
        if (!Files.exists(home.resolve("images"))) {
            return new String[0];
        }
        try (Stream<Path> s = Files.list(home.resolve("images"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void aBusyboxMachineIsMadeSavedAndLogged() throws Exception {
        UmlKernel.requireBusybox();
        InstanceStore store = new InstanceStore(home.resolve("instances"));
        CreationJob job = job(store);

        Optional<ProvisionResult> made = job.start(ProvisionRequest.builder("bb", new RootfsSource.Busybox()).build())
                .get();

        assertThat(made).isPresent();
        assertThat(store.load("bb")).isEqualTo(made.get().instance());
        assertThat(images()).containsExactly("bb.img");
        assertThat(job.errorProperty().get()).isEmpty();
        assertThat(job.runningProperty().get()).isFalse();
        assertThat(job.progressProperty().get()).isEqualTo(1.0);
        assertThat(job.stageProperty().get()).startsWith("Making the disk image bb.img");
        assertThat(job.log()).contains("== Building a busybox system").anyMatch(l -> l.startsWith("Made "));
    }

    @Test
    void whenSavingFailsTheNewImageIsRemovedAgain() throws Exception {
        UmlKernel.requireBusybox();
        InstanceStore store = new InstanceStore(home.resolve("instances"));
        store.create(Instance.builder("BB").build());
        CreationJob job = job(store);

        Optional<ProvisionResult> made = job.start(ProvisionRequest.builder("bb", new RootfsSource.Busybox()).build())
                .get();

        assertThat(made).isEmpty();
        assertThat(job.errorProperty().get()).startsWith("Could not save bb: ");
        assertThat(images()).isEmpty();
    }

    @Test
    void aFailureIsShownAndLeavesNothing() throws Exception {
        CreationJob job = job(new InstanceStore(home.resolve("instances")));
        Optional<ProvisionResult> made = job.start(ProvisionRequest.builder("d", new RootfsSource.Directory(
                home.resolve("missing"))).build()).get();
        assertThat(made).isEmpty();
        assertThat(job.errorProperty().get()).isEqualTo("Could not create d: dir:" + home.resolve("missing")
                + " is not a directory");
        assertThat(images()).isEmpty();
    }

    @Test
    void theLogKeepsOnlyTheNewestLines() {
        CreationJob job = job(new InstanceStore(home.resolve("instances")));
        for (int i = 0; i < CreationJob.MAX_LOG_LINES + 150; i++) {
            job.listener().log("line " + i);
        }
        assertThat(job.log()).hasSize(CreationJob.MAX_LOG_LINES)
                .startsWith("line 150").endsWith("line " + (CreationJob.MAX_LOG_LINES + 149));
    }
}
