package org.umlmanager.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.cow.CowFiles;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.testing.GuestReaper;
import org.umlmanager.testing.TestUmids;
import org.umlmanager.testing.UmlKernel;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.job.Cancellation;

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
        guest.assertCadPowersOff();
    }

    @Test
    void withoutPasswordCon0RunsARootShellWritingIntoItsCow() throws Exception {
        Path kernel = UmlKernel.require();
        ProvisionResult made = new Provisioner(paths.imagesDir()).create(
                ProvisionRequest.builder("bb2", new RootfsSource.Busybox()).kernel(kernel.toString()).cow(true).build(),
                ProgressListener.NONE, new Cancellation());
        assertThat(made.notes()).anyMatch(n -> n.contains("No root password"));
        Path cow = paths.imagesDir().resolve("bb2.cow");
        assertThat(made.cowFile()).contains(cow);
        assertThat(made.instance().disks()).containsExactly(Disk.cow(0, cow.toString(), made.image().toString()));
        assertThat(CowFiles.readHeader(cow).backingFile()).isEqualTo(made.image().toString());
        byte[] before = Files.readAllBytes(made.image());

        GuestProcess guest = boot(made.instance(), kernel);
        guest.await("bb2:\\S*# ", Duration.ofSeconds(60));
        guest.type("echo job-$((6*7)); tty; dd if=/dev/urandom of=/data bs=64k count=16 2>/dev/null; sync;"
                + " echo synced\n");
        guest.await("job-42", Duration.ofSeconds(10));
        guest.await("/dev/tty0", Duration.ofSeconds(10));
        guest.await("synced", Duration.ofSeconds(20));
        guest.assertCadPowersOff();
        assertThat(Files.readAllBytes(made.image())).as("the backing image is unchanged").isEqualTo(before);
        assertThat(CowFiles.info(cow).changedBytes()).isGreaterThanOrEqualTo(1L << 20);
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
