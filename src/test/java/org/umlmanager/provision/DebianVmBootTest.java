package org.umlmanager.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.junit.jupiter.api.Timeout;
import org.umlmanager.cli.Cli;
import org.umlmanager.cli.CliEnvironment;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.GuestReaper;
import org.umlmanager.testing.TestUmids;
import org.umlmanager.testing.UmlKernel;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.job.CancelledException;
import org.umlmanager.job.Cancellation;

/** A Debian minbase VM made from the CLI boots to a login prompt on con0 and takes its password. */
class DebianVmBootTest {

    private Path home;
    private final GuestReaper reaper = new GuestReaper();

    @BeforeEach
    void setUp() throws IOException {
        UmlKernel.requireTool("mmdebstrap", "apt-get install mmdebstrap");
        try {
            Privilege.detect();
        } catch (ProvisionException e) {
            UmlKernel.requireTool("root or user namespaces", Optional.empty(), e.getMessage());
        }
        home = Files.createTempDirectory(Path.of("/tmp"), "um");
    }

    @AfterEach
    void tearDown() throws IOException {
        reaper.close();
        Trees.deleteRecursively(home);
    }

    @Test
    @Timeout(600)
    void debianMadeFromTheCliBootsToLoginAndAcceptsThePassword() throws Exception {
        Path kernel = UmlKernel.require();
        AppPaths paths = AppPaths.under(home);
        String password = "pw-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        Path passwordFile = Files.writeString(home.resolve("root-password"), password + "\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int status = Cli.run(new CliEnvironment(paths, home, new PrintWriter(out), new PrintWriter(err)), "create",
                "deb1", "--rootfs", "debian:bookworm", "--hostname", "debtest", "--password-file",
                passwordFile.toString(), "--kernel", kernel.toString());

        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Created instance 'deb1'.");
        assertThat(err.toString()).contains("%] Installing Debian bookworm with mmdebstrap…", "%]   success in ");
        assertThat(names(paths.imagesDir())).containsExactly("deb1.img");
        Instance made = new InstanceStore(paths.instancesDir()).load("deb1");
        assertThat(Files.readString(new InstanceStore(paths.instancesDir()).fileOf("deb1")) + out + err)
                .doesNotContain(password);

        Path umlDir = Files.createDirectories(home.resolve("uml"));
        Instance running = made.toBuilder().umid(TestUmids.next("deb")).build();
        GuestProcess guest = GuestProcess.start(CommandLineGenerator.launchCommand(running,
                new GenerateOptions(Optional.of(umlDir), Optional.empty())).argv(), home, reaper,
                umlDir.resolve(running.umid()));
        guest.await("debtest login: ", Duration.ofSeconds(240));
        guest.type("root\n");
        guest.await("Password: ", Duration.ofSeconds(30));
        guest.type("not-" + password + "\n");
        guest.await("Login incorrect", Duration.ofSeconds(30));
        guest.await("debtest login: ", Duration.ofSeconds(30));
        guest.type("root\n");
        guest.await("Password: ", Duration.ofSeconds(30));
        guest.type(password + "\n");
        guest.await("root@debtest:~# ", Duration.ofSeconds(60));
        // Modules are in place and loadable (kmod-static-nodes would fail otherwise); no unit failed.
        guest.type("echo sum-$((40+2)); ls /lib/modules; systemctl is-system-running --wait\n");
        guest.await("sum-42", Duration.ofSeconds(30));
        guest.await("\n" + kernelVersion(kernel) + "\\s", Duration.ofSeconds(30));
        guest.await("\nrunning\\s", Duration.ofSeconds(120));
        guest.assertCadPowersOff();
    }

    @Test
    @Timeout(300)
    void cancellingMmdebstrapLeavesNoProcessMountOrFile() throws Exception {
        Path images = AppPaths.under(home).imagesDir();
        List<String> tempBefore = mmdebstrapTempDirs();
        Cancellation cancellation = new Cancellation();
        ProgressListener cancelWhileInstalling = new ProgressListener() {
            @Override
            public void stage(String title) {
            }

            @Override
            public void progress(double fraction) {
            }

            @Override
            public void log(String line) {
                if (line.startsWith("I: extracting archives")) {
                    cancellation.cancel();
                }
            }
        };
        assertThatThrownBy(() -> new Provisioner(images).create(
                ProvisionRequest.builder("deb2", RootfsSource.Debian.of("bookworm")).build(),
                cancelWhileInstalling, cancellation)).isInstanceOf(CancelledException.class);

        // Zombies do not count: they run nothing and hold nothing, and a test JVM that is (or was) a
        // child subreaper for other tests adopts a killed tool's orphans and never collects them.
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(h -> h.pid() + " " + h.info() + " " + stat(h.pid())).filter(p -> !p.contains(") Z ")))
                .isEmpty();
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(home.toString());
        assertThat(names(images)).isEmpty();
        assertThat(mmdebstrapTempDirs()).as("mmdebstrap's temporary directories").isEqualTo(tempBefore);
    }

    /** The kernel's view of a process: state, parent, and more (a zombie's command line is gone). */
    private static String stat(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "stat")).strip();
        } catch (IOException e) {
            return "(gone)";
        }
    }

    private static List<String> mmdebstrapTempDirs() throws IOException {
        return names(Path.of(System.getProperty("java.io.tmpdir"))).stream()
                .filter(n -> n.startsWith("mmdebstrap.")).sorted().toList();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static String kernelVersion(Path kernel) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(kernel.toString(), "--version").redirectErrorStream(true).start();
        String v = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return v.replace(".", "\\.");
    }
}
