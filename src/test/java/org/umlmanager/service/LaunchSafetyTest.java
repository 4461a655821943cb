package org.umlmanager.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.launch.ConsoleWatcher;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.SessionPaths;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.model.MemorySize;
import org.umlmanager.testing.BusyboxImage;

/**
 * Every refusal before a start, each with the field it concerns and what to do. One guest runs
 * for the checks that need a running guest; nothing refused is started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LaunchSafetyTest {

    private RuntimeFixture f;
    private Instance running;
    private Path runningCow;

    @BeforeAll
    void startOne() throws Exception {
        f = new RuntimeFixture(GuestFixture.create());
        running = f.guests.instance("running").build();
        runningCow = Path.of(running.disks().get(0).cowFile().orElseThrow());
        f.startRunning(running);
        // The kernel creates the COW file when it mounts the root: wait for userspace.
        try (ConsoleStream con0 = f.runtime.openConsole("running", "con0").get(10, TimeUnit.SECONDS);
             ConsoleWatcher w = new ConsoleWatcher(con0.input())) {
            w.await(BusyboxImage.READY_MARKER, Duration.ofSeconds(60));
        }
    }

    @AfterAll
    void cleanUp() throws Exception {
        f.close();
    }

    @Test
    void missingKernelIsRefused() {
        assertRefused(base("nokernel").kernel("/nonexistent/linux").build(), "kernel",
                "give the path of a UML kernel");
    }

    @Test
    void kernelThatIsNotExecutableIsRefused() throws Exception {
        Path fake = Files.createFile(f.guests.dir().resolve("linux-noexec"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        assertRefused(base("noexec").kernel(fake.toString()).build(), "kernel", "not an executable file");
    }

    @Test
    void missingImageIsRefused() {
        assertRefused(base("noimage").disks(List.of(Disk.of(0, f.guests.dir().resolve("gone.img").toString())))
                .build(), "disks[0].image", "does not exist");
    }

    @Test
    void missingBackingFileOfACowIsRefusedButAMissingCowFileIsNot() throws Exception {
        assertRefused(base("nobacking").disks(List.of(Disk.cow(0, f.guests.dir().resolve("nb.cow").toString(),
                f.guests.dir().resolve("gone.img").toString()))).build(), "disks[0].image", "does not exist");
        // The kernel creates a COW file that does not exist yet: that is fine.
        assertThat(check(base("newcow").build())).isEmpty();
    }

    @Test
    void alreadyRunningIsRefused() {
        assertRefused(running, "name", "already running");
    }

    @Test
    void fileWrittenByARunningGuestIsRefused() {
        Instance sameCow = base("samecow").disks(List.of(Disk.cow(0, runningCow.toString(),
                f.guests.image().toString()))).build();
        assertRefused(sameCow, "disks[0].cowFile", "writes to this file; stop it first");
    }

    @Test
    void writingTheBackingFileOfARunningGuestIsRefused() {
        Instance writesBacking = base("backing").disks(List.of(Disk.of(0, f.guests.image().toString()))).build();
        assertRefused(writesBacking, "disks[0].image", "backing file of running guest 'running'");
    }

    @Test
    void umidInUseIsRefused() {
        assertRefused(base("sameumid").umid(running.umid()).build(), "umid", "already in use by pid");
    }

    @Test
    void cowWhoseBackingFileChangedIsRefused() throws Exception {
        // The running guest's COW file was written by the kernel for the shared image; a copy of the
        // image has the same size but another modification time.
        Path cow = Files.copy(runningCow, f.guests.dir().resolve("stale.cow"));
        Path backing = Files.copy(f.guests.image(), f.guests.dir().resolve("copy.img"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Instance stale = base("stale").disks(List.of(Disk.cow(0, cow.toString(), backing.toString()))).build();
        assertThat(check(stale)).isEmpty();
        Files.setLastModifiedTime(backing, FileTime.fromMillis(Files.getLastModifiedTime(backing).toMillis()
                + 60_000));
        assertRefused(stale, "disks[0].cowFile", "mtime mismatch");
        assertRefused(stale, "disks[0].cowFile", "restore the time: touch -d @");
    }

    @Test
    void invalidConfigurationIsRefused() {
        assertRefused(base("tiny").memory(MemorySize.ofMebibytes(1)).build(), "memory", "too little memory");
    }

    private Instance.Builder base(String name) {
        return f.guests.instance(name);
    }

    private List<Problem> check(Instance instance) throws Exception {
        return LaunchSafety.check(instance, f.guests.layout(), List.of());
    }

    private void assertRefused(Instance instance, String field, String message) {
        f.instances.add(instance);
        assertThatThrownBy(() -> f.runtime.start(instance).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(LaunchRefusedException.class, e -> {
                    assertThat(e.problems()).as(e.getMessage()).anySatisfy(p -> {
                        assertThat(p.field()).isEqualTo(field);
                        assertThat(p.message()).contains(message);
                    });
                    assertThat(e.problems()).allMatch(Problem::isError);
                });
        if (!instance.name().equals(running.name())) {
            assertThat(SessionPaths.of(f.guests.layout().sessionsDir(), instance.name()).directory()).doesNotExist();
        }
    }
}
