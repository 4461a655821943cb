package org.umlmanager.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.testing.GuestReaper;
import org.umlmanager.testing.TestUmids;
import org.umlmanager.testing.UmlKernel;

/** Busybox VMs made through the provisioning API boot in the real kernel to a shell on con0. */
class BusyboxVmBootTest {

    private Path home;
    private AppPaths paths;
    private final GuestReaper reaper = new GuestReaper();

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createTempDirectory(Path.of("/tmp"), "um");
        paths = AppPaths.under(home);
    }

    @AfterEach
    void tearDown() throws IOException {
        reaper.close();
        Trees.deleteRecursively(home);
    }

    @Test
    void withPasswordTheConsoleAsksForItAndRefusesAWrongOne() throws Exception {
        Path kernel = UmlKernel.require();
        String password = "pw-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        RecordingListener listener = new RecordingListener();
        ProvisionResult made = new Provisioner(paths.imagesDir()).create(
                ProvisionRequest.builder("bb1", new RootfsSource.Busybox()).hostname("bbtest")
                        .kernel(kernel.toString())
                        .rootPassword(PasswordHash.sha512(password.toCharArray())).build(),
                listener, new Cancellation());

        assertThat(made.image()).isEqualTo(paths.imagesDir().resolve("bb1.img"));
        assertThat(list(paths.imagesDir())).containsExactly("bb1.img");
        assertThat(made.instance().disks()).containsExactly(Disk.of(0, made.image().toString()));
        assertThat(listener.progress).last().isEqualTo(1.0);
        assertThat(listener.stages).anyMatch(s -> s.startsWith("Making the disk image bb1.img"));

        GuestProcess guest = boot(made.instance(), kernel);
        guest.await("bbtest login: ", Duration.ofSeconds(60));
        guest.type("root\n");
        guest.await("Password: ", Duration.ofSeconds(10));
        guest.type("wrong-" + password + "\n");
        guest.await("Login incorrect", Duration.ofSeconds(15));
        guest.await("bbtest login: ", Duration.ofSeconds(15));
        guest.type("root\n");
        guest.await("Password: ", Duration.ofSeconds(10));
        guest.type(password + "\n");
        guest.await("bbtest:\\S*# ", Duration.ofSeconds(15));
        guest.type("echo sum-$((40+2)) on $(hostname); touch /written && echo rw-ok\n");
        guest.await("sum-42 on bbtest", Duration.ofSeconds(10));
        guest.await("rw-ok", Duration.ofSeconds(10));
        assertGracefulStop(guest);
    }

    @Test
    void withoutPasswordCon0RunsARootShell() throws Exception {
        Path kernel = UmlKernel.require();
        ProvisionResult made = new Provisioner(paths.imagesDir()).create(
                ProvisionRequest.builder("bb2", new RootfsSource.Busybox()).kernel(kernel.toString()).build(),
                ProgressListener.NONE, new Cancellation());
        assertThat(made.notes()).anyMatch(n -> n.contains("No root password"));

        GuestProcess guest = boot(made.instance(), kernel);
        guest.await("bb2:\\S*# ", Duration.ofSeconds(60));
        guest.type("echo job-$((6*7)); tty\n");
        guest.await("job-42", Duration.ofSeconds(10));
        guest.await("/dev/tty0", Duration.ofSeconds(10));
        assertGracefulStop(guest);
    }

    /** mconsole cad is the graceful stop: our inittab turns it into a power-off, so the kernel exits 0. */
    static void assertGracefulStop(GuestProcess guest) throws Exception {
        Path mconsole = guest.mconsole();
        Path tool = UmlKernel.requireTool("uml_mconsole", "apt-get install uml-utilities");
        Process cad = new ProcessBuilder(tool.toString(), mconsole.toString(), "cad").redirectErrorStream(true).start();
        assertThat(new String(cad.getInputStream().readAllBytes())).contains("OK");
        assertThat(guest.process().waitFor(60, TimeUnit.SECONDS)).as("guest powered off after cad").isTrue();
        assertThat(guest.process().exitValue()).isZero();
    }

    private GuestProcess boot(Instance instance, Path kernel) throws IOException {
        Path umlDir = home.resolve("uml");
        Files.createDirectories(umlDir);
        Instance running = instance.toBuilder().umid(TestUmids.next("pv")).build();
        List<String> argv = CommandLineGenerator.launchCommand(running,
                new GenerateOptions(Optional.of(umlDir), Optional.empty())).argv();
        return GuestProcess.start(argv, home, reaper, umlDir.resolve(running.umid()));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
