package org.umlmanager.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.cow.CowFiles;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.SessionPaths;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.testing.TestUmids;

/**
 * The start checks of issue 12's drills, against real kernels: a disk shared through a hard link
 * or a symbolic link, a kernel started outside UML Manager with a uml_dir of its own (found from
 * its command line, and from its open files after its disk was renamed), a COW file whose backing
 * file is gone, and arguments after {@code --} that the kernel still applies. Each was started
 * and then panicked or broke the other guest's disk before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StartChecksTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Prints the memory the kernel gave it and its arguments, then powers off. */
    private static final String REPORT_INIT = """
            #!/bin/sh
            mount -t proc proc /proc
            echo "init-args: $@"
            grep MemTotal /proc/meminfo
            poweroff -f
            """;

    private RuntimeFixture f;
    private Path managedCow;
    private Process outside;
    private Path outsideCow;
    private String outsideUmid;

    @BeforeAll
    void startTwo() throws Exception {
        f = new RuntimeFixture(GuestFixture.create());
        Instance managed = f.guests.instance("managed").build();
        managedCow = Path.of(managed.disks().get(0).cowFile().orElseThrow());
        f.startRunning(managed);

        // A guest started from a shell, with a uml_dir UML Manager knows nothing about.
        Path ownUmlDir = Files.createDirectories(f.guests.dir().resolve("elsewhere"));
        outsideUmid = TestUmids.next("out");
        outsideCow = f.guests.dir().resolve("outside.cow");
        List<String> argv = new ArrayList<>(List.of(managed.kernel(), "mem=64M", "umid=" + outsideUmid,
                "uml_dir=" + ownUmlDir, "ubd0=" + outsideCow + "," + f.guests.image(), "root=/dev/ubda",
                "con=null", "con0=null,fd:1"));
        Path log = f.guests.dir().resolve("outside.log");
        outside = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        f.guests.trackOutside(outside.pid(), ownUmlDir.resolve(outsideUmid));
        awaitText(log, BusyboxImage.READY_MARKER);
        awaitText(f.guests.paths().logsDir().resolve("managed/con0.log"), BusyboxImage.READY_MARKER);
    }

    @AfterAll
    void cleanUp() throws Exception {
        f.close();
    }

    @Test
    void aHardLinkOrASymbolicLinkToARunningGuestsCowFileIsTheSameFile() throws Exception {
        Path hard = Files.createLink(f.guests.dir().resolve("hard.img"), managedCow);
        Path soft = Files.createSymbolicLink(f.guests.dir().resolve("soft.img"), managedCow);
        for (Path alias : List.of(hard, soft)) {
            assertRefused(base("alias" + alias.getFileName().toString().charAt(0)).disks(List.of(Disk.of(0,
                    alias.toString()))).build(), "disks[0].image", "running guest 'managed' (pid ",
                    "writes to this file");
        }
    }

    @Test
    void aKernelStartedOutsideWithItsOwnUmlDirCountsByItsCommandLine() {
        Instance same = base("same").disks(List.of(Disk.cow(0, outsideCow.toString(), f.guests.image().toString())))
                .build();
        assertRefused(same, "disks[0].cowFile", "a UML kernel started outside UML Manager (pid " + outside.pid()
                + ", umid " + outsideUmid + ") writes to this file");
    }

    @Test
    void aKernelStartedOutsideCountsByItsOpenFilesWhenItsDiskHasAnotherNameNow() throws Exception {
        Path renamed = f.guests.dir().resolve("outside-renamed.cow");
        Files.move(outsideCow, renamed);
        try {
            assertRefused(base("renamed").disks(List.of(Disk.of(0, renamed.toString()))).build(), "disks[0].image",
                    "started outside UML Manager (pid " + outside.pid());
        } finally {
            Files.move(renamed, outsideCow);
        }
    }

    @Test
    void aCowFileWhoseBackingFileIsGoneIsRefusedWithTheReason() throws Exception {
        Path backing = Files.copy(f.guests.image(), f.guests.dir().resolve("soon-gone.img"));
        Path cow = f.guests.dir().resolve("orphan.cow");
        CowFiles.create(cow, backing);
        Files.delete(backing);
        assertRefused(base("orphan").disks(List.of(Disk.of(0, cow.toString()))).build(), "disks[0].image",
                "Couldn't stat backing file \"" + backing + "\"", "the guest would not boot from it");
    }

    /**
     * The kernel applies mem= after '--' (the guest gets 144 MiB, not the 64 MiB set before it),
     * and loses its root device when '--' comes without one: so both are refused at import.
     */
    @Test
    void argumentsAfterDashesAreReadAsTheKernelReadsThem() throws Exception {
        try (GuestFixture g = GuestFixture.create(REPORT_INIT)) {
            String kernel = base("x").build().kernel();
            List<String> common = List.of(kernel, "mem=64M", "uml_dir=" + g.dir(), "ubd0=" + g.image(), "con=null",
                    "con0=null,fd:1");
            String applied = boot(g, common, List.of("umid=" + TestUmids.next("dash"), "root=/dev/ubda", "--",
                    "single", "mem=144M"), "init-args:");
            assertThat(applied).contains("init-args: single mem=144M");
            long kib = Long.parseLong(applied.replaceAll("(?s).*MemTotal:\\s+(\\d+) kB.*", "$1"));
            assertThat(kib).as("MemTotal with mem=64M before '--' and mem=144M after it").isGreaterThan(100_000);
            String panicked = boot(g, common, List.of("umid=" + TestUmids.next("dash"), "--", "single"),
                    "Kernel panic");
            assertThat(panicked).contains("VFS: Unable to mount root fs");

            ImportResult memory = importLine(List.of("mem=64M", "ubd0=" + g.image(), "root=/dev/ubda", "--", "single",
                    "mem=144M"));
            assertThat(memory.saved()).isFalse();
            assertThat(memory.problems()).filteredOn(Problem::isError).singleElement().satisfies(p -> {
                assertThat(p.subject()).isEqualTo("mem=144M");
                assertThat(p.message()).contains("UML applies mem= even after '--'");
            });
            ImportResult noRoot = importLine(List.of("mem=64M", "ubd0=" + g.image(), "--", "single"));
            assertThat(noRoot.saved()).isFalse();
            assertThat(noRoot.problems()).filteredOn(Problem::isError).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("no longer reads it", "panics"));
        }
    }

    private ImportResult importLine(List<String> args) throws Exception {
        InstanceService service = new InstanceService(new org.umlmanager.storage.InstanceStore(
                f.guests.paths().instancesDir()), Runnable::run);
        return service.importCommandLine(new ImportRequest("dashes", java.util.Optional.empty(), args, false,
                org.umlmanager.cmdline.ValidationContext.defaults())).get(10, TimeUnit.SECONDS);
    }

    /** Runs the kernel to its end (it powers off or panics) and returns what it printed. */
    private String boot(GuestFixture g, List<String> common, List<String> more, String expected) throws Exception {
        List<String> argv = new ArrayList<>(common);
        argv.addAll(more);
        Path log = Files.createTempFile(g.dir(), "boot", ".log");
        Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        g.trackOutside(p.pid(), g.dir().resolve(more.get(0).substring("umid=".length())));
        assertThat(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the kernel ended").isTrue();
        String text = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertThat(text).contains(expected);
        return text;
    }

    private Instance.Builder base(String name) {
        return f.guests.instance(name);
    }

    private void assertRefused(Instance instance, String field, String... message) {
        f.instances.add(instance);
        assertThatThrownBy(() -> f.runtime.start(instance).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(LaunchRefusedException.class, e ->
                        assertThat(e.problems()).as(e.getMessage()).anySatisfy(p -> {
                            assertThat(p.field()).isEqualTo(field);
                            assertThat(p.message()).contains(message);
                        }));
        assertThat(SessionPaths.of(f.guests.layout().sessionsDir(), instance.name()).directory()).doesNotExist();
    }

    private static void awaitText(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!(Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text))) {
            assertThat(System.nanoTime()).as("'%s' in %s", text, log).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
