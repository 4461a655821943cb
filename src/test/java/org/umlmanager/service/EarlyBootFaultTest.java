package org.umlmanager.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.testing.Await;
import org.umlmanager.testing.UmlKernel;

/**
 * The UML kernel's intermittent early-boot fault (docs/KERNEL.md §7.1): the supervisor starts the
 * kernel once more, and only once. The fault cannot be provoked on demand, so the "kernel" here is
 * a script that prints what the real kernel prints when it happens and dies of SIGABRT as the real
 * one does, the first {@code N} times, and then runs the real kernel with the same arguments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EarlyBootFaultTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private RuntimeFixture f;

    @BeforeAll
    void fixture() throws Exception {
        f = new RuntimeFixture(GuestFixture.create());
    }

    @AfterAll
    void cleanUp() throws Exception {
        f.close();
    }

    /** A kernel that fails its early boot the first {@code failures} times; its starts are counted in {@code name}.count. */
    private Path faultyKernel(String name, int failures) throws Exception {
        Path count = f.guests.dir().resolve(name + ".count");
        Path script = f.guests.dir().resolve(name + "-kernel");
        Files.writeString(script, """
                #!/bin/sh
                n=$(cat '%s' 2>/dev/null || echo 0)
                echo $((n + 1)) > '%s'
                if [ "$n" -lt %d ]; then
                  echo 'Creating "x.cow" as COW file for "x.img"'
                  echo 'VFS: Cannot open root device "ubda" or unknown-block(98,0): error -12'
                  echo 'Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(98,0)'
                  kill -ABRT $$
                fi
                exec '%s' "$@"
                """.formatted(count, count, failures, UmlKernel.require()));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private int starts(String name) throws Exception {
        Path count = f.guests.dir().resolve(name + ".count");
        return Files.exists(count) ? Integer.parseInt(Files.readString(count).strip()) : 0;
    }

    @Test
    void aBootThatFailsEarlyIsStartedOnceMoreAndRuns() throws Exception {
        Instance guest = f.guests.instance("retried").kernel(faultyKernel("retried", 1).toString()).build();
        f.start(guest);
        GuestStatus up = f.runtime.whenRunning("retried").get(60, TimeUnit.SECONDS);
        assertThat(starts("retried")).isEqualTo(2);
        assertThat(up.state()).isEqualTo(InstanceState.RUNNING);
        long pid = up.pid().orElseThrow();
        assertThat(ProcessHandle.of(pid)).as("the second kernel runs").isPresent();
        Path log = f.guests.paths().logsDir().resolve("retried").resolve("con0.log");
        Await.until(WAIT, "the guest's shell", () -> Files.readString(log).contains("built-in shell"));
        assertThat(Files.readString(log)).contains("error -12").contains("[uml-manager: the kernel failed in its"
                + " early boot (VFS: Cannot open root device \"ubda\" or unknown-block(98,0): error -12)");
        GuestStatus end = f.runtime.stop("retried", StopMode.GRACEFUL, s -> { }).get(60, TimeUnit.SECONDS);
        assertThat(end.state()).isEqualTo(InstanceState.STOPPED);
        assertThat(ProcessHandle.of(pid)).isEmpty();
    }

    /**
     * A graceful stop of these guests goes through a reboot (their init reboots on Ctrl-Alt-Del;
     * the supervisor halts the new boot). When that boot meets the fault the guest is off, as asked.
     */
    @Test
    void aStopWhoseRebootMeetsTheFaultEndsStopped() throws Exception {
        Path count = f.guests.dir().resolve("stops.count");
        Path script = f.guests.dir().resolve("stops-kernel");
        // The kernel reboots by executing its argv[0] again: this script, the second time.
        Files.writeString(script, """
                #!/bin/bash
                n=$(cat '%s' 2>/dev/null || echo 0)
                echo $((n + 1)) > '%s'
                if [ "$n" -ge 1 ]; then
                  echo 'VFS: Cannot open root device "ubda" or unknown-block(98,0): error -12'
                  echo 'Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(98,0)'
                  kill -ABRT $$
                fi
                exec -a "$0" '%s' "$@"
                """.formatted(count, count, UmlKernel.require()));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Instance guest = f.guests.instance("stops").kernel(script.toString()).build();
        f.startRunning(guest);
        Path log = f.guests.paths().logsDir().resolve("stops").resolve("con0.log");
        Await.until(WAIT, "the guest's shell", () -> Files.readString(log).contains("built-in shell"));
        GuestStatus end = f.runtime.stop("stops", StopMode.GRACEFUL, s -> { }).get(60, TimeUnit.SECONDS);
        assertThat(starts("stops")).as("booted, then the reboot on the way down").isEqualTo(2);
        assertThat(end.state()).isEqualTo(InstanceState.STOPPED);
        assertThat(end.reason()).startsWith("stopped: the boot after its Ctrl-Alt-Del failed in the kernel's early"
                + " boot");
        assertThat(end.exitStatus()).hasValue(134);
    }

    @Test
    void aFaultThatComesBackIsTheCrashItIs() throws Exception {
        Instance guest = f.guests.instance("fails").kernel(faultyKernel("fails", 5).toString()).build();
        f.start(guest);
        Await.until(WAIT, "fails crashed", () -> f.runtime.status("fails").join().state() == InstanceState.CRASHED);
        assertThat(starts("fails")).as("started once more, not again").isEqualTo(2);
        assertThat(f.runtime.status("fails").join().exitStatus()).hasValue(134);
    }
}
