package org.umlmanager.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.testing.GuestReaper;
import org.umlmanager.testing.TestUmids;
import org.umlmanager.testing.UmlKernel;

/** A Debian minbase VM made with mmdebstrap boots to a login prompt on con0 and takes its password. */
class DebianVmBootTest {

    private Path home;
    private final GuestReaper reaper = new GuestReaper();

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createTempDirectory(Path.of("/tmp"), "um");
    }

    @AfterEach
    void tearDown() throws IOException {
        reaper.close();
        Trees.deleteRecursively(home);
    }

    @Test
    @Timeout(600)
    void debianBootsToLoginAndAcceptsThePassword() throws Exception {
        Path kernel = UmlKernel.require();
        UmlKernel.requireTool("mmdebstrap", "apt-get install mmdebstrap");
        AppPaths paths = AppPaths.under(home);
        String password = "pw-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        RecordingListener listener = new RecordingListener();
        ProvisionResult made = new Provisioner(paths.imagesDir()).create(
                ProvisionRequest.builder("deb1", RootfsSource.Debian.of("bookworm")).hostname("debtest")
                        .kernel(kernel.toString()).rootPassword(PasswordHash.sha512(password.toCharArray())).build(),
                listener, new Cancellation());
        assertThat(listener.log).anyMatch(l -> l.startsWith("I: success"));
        assertThat(names(paths.imagesDir())).containsExactly("deb1.img");

        Path umlDir = Files.createDirectories(home.resolve("uml"));
        Instance running = made.instance().toBuilder().umid(TestUmids.next("deb")).build();
        GuestProcess guest = GuestProcess.start(TestArgv.of(running, kernel, umlDir), home, reaper,
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
        BusyboxVmBootTest.assertGracefulStop(guest);
    }

    @Test
    @Timeout(300)
    void cancellingMmdebstrapLeavesNoProcessMountOrFile() throws Exception {
        UmlKernel.requireTool("mmdebstrap", "apt-get install mmdebstrap");
        Path images = AppPaths.under(home).imagesDir();
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

        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(h -> h.info().commandLine().orElse("?"))).isEmpty();
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(home.toString());
        assertThat(names(images)).isEmpty();
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
