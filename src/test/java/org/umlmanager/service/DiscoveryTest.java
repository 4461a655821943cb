package org.umlmanager.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.StopMode;
import org.umlmanager.launch.StopStep;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.testing.TestUmids;

/**
 * Guests UML Manager did not start: one is run here as a plain process in the default uml_dir,
 * as a user would from a shell. It is listed and reported as running, answers mconsole, counts
 * for the safety checks (from its own command line), and is stopped. Stale umid directories of
 * dead guests are removed; directories that are not the kernel's are left alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DiscoveryTest {

    private RuntimeFixture f;
    private Process external;
    private String umid;
    private Path cow;
    private Path umidDir;

    @BeforeAll
    void startOutside() throws Exception {
        f = new RuntimeFixture(GuestFixture.create());
        umid = TestUmids.next("ext");
        cow = f.guests.dir().resolve("ext.cow");
        Path umlDir = f.guests.layout().defaultUmlDir();
        umidDir = umlDir.resolve(umid);
        Files.createDirectories(umlDir);
        List<String> argv = new ArrayList<>(List.of(f.guests.instance("x").build().kernel(), "mem=64M", "umid=" + umid,
                "uml_dir=" + umlDir, "ubd0=" + cow + "," + f.guests.image(), "root=/dev/ubda", "con=null",
                "con0=null"));
        external = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(f.guests.dir().resolve("ext.log").toFile()).start();
        f.guests.trackOutside(external.pid(), umidDir);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(umidDir.resolve("mconsole")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        f.instances.add(f.guests.instance("configured").umid(umid).build());
    }

    @AfterAll
    void cleanUp() throws Exception {
        f.close();
    }

    @Test
    void externalGuestIsListedAndUsable() throws Exception {
        List<GuestStatus> all = f.runtime.list().get(30, TimeUnit.SECONDS);
        assertThat(all).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("configured");
            assertThat(s.state()).isEqualTo(InstanceState.RUNNING);
            assertThat(s.origin()).isEqualTo(GuestStatus.Origin.EXTERNAL);
            assertThat(s.pid()).hasValue(external.pid());
            assertThat(s.reason()).isEqualTo("started outside UML Manager");
        });
        assertThat(f.runtime.command("configured", "version").get(10, TimeUnit.SECONDS).formatted())
                .startsWith("OK Linux ");
        assertThatThrownBy(() -> f.runtime.openConsole("configured", "con0").get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(GuestException.class)
                .hasMessageContaining("was started outside UML Manager (pid " + external.pid() + "), so its consoles are");
    }

    @Test
    void externalGuestsFilesCountForTheSafetyChecks() {
        Instance sameCow = f.guests.instance("intruder").disks(List.of(Disk.cow(0, cow.toString(),
                f.guests.image().toString()))).build();
        f.instances.add(sameCow);
        assertThatThrownBy(() -> f.runtime.start(sameCow).get(30, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(LaunchRefusedException.class, e ->
                        assertThat(e.problems()).anySatisfy(p -> assertThat(p.message())
                                .contains("running guest 'configured' (pid " + external.pid() + ") writes to this file")));
    }

    @Test
    void staleDirectoriesAreRemovedAndForeignOnesKept() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        Path umlDir = f.guests.layout().defaultUmlDir();
        Path stale = Files.createDirectories(umlDir.resolve("stale1"));
        Files.writeString(stale.resolve("pid"), done.pid() + "\n");
        Files.createFile(stale.resolve("mconsole"));
        Path foreign = Files.createDirectories(umlDir.resolve("foreign1"));
        Files.writeString(foreign.resolve("pid"), done.pid() + "\n");
        Files.writeString(foreign.resolve("notes.txt"), "not the kernel's");
        f.runtime.list().get(30, TimeUnit.SECONDS);
        assertThat(stale).doesNotExist();
        assertThat(foreign.resolve("notes.txt")).exists();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void externalGuestIsStoppedLast() throws Exception {
        List<StopStep> steps = new CopyOnWriteArrayList<>();
        GuestStatus end = f.runtime.stop("configured", StopMode.GRACEFUL, steps::add).get(60, TimeUnit.SECONDS);
        assertThat(external.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(end.state()).isEqualTo(InstanceState.STOPPED);
        assertThat(steps).extracting(StopStep::step).containsExactly(StopStep.Step.SYSRQ_SYNC,
                StopStep.Step.SYSRQ_UNMOUNT, StopStep.Step.HALT, StopStep.Step.STOPPED);
        assertThat(external.exitValue()).isZero();
        assertThat(umidDir).doesNotExist();
    }
}
