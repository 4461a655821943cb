package org.umlmanager.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.launch.KernelFaults;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.testing.GuestReaper;
import org.umlmanager.testing.TestUmids;
import org.umlmanager.testing.UmlKernel;

/**
 * A command line imported with the CLI comes back out of {@code export-script} as a script that
 * boots the real kernel: the guest's init runs, sets an exit code and powers off.
 */
class CliRealBootTest {

    private static final String BOOTED = "UMLM-SCRIPT-BOOTED";
    private static final String INIT = """
            #!/bin/sh
            mount -t proc proc /proc
            echo %s
            echo 42 > /proc/exitcode
            poweroff -f
            """.formatted(BOOTED);

    @TempDir
    Path home;
    private final GuestReaper reaper = new GuestReaper();
    private Path dir;

    @AfterEach
    void tearDown() throws Exception {
        reaper.close();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anImportedCommandLineExportsAScriptThatBootsTheKernel() throws Exception {
        Path kernel = UmlKernel.require();
        // Short, so that uml_dir/umid/mconsole stays within the 107 bytes of an AF_UNIX path.
        dir = Files.createTempDirectory(Path.of("/tmp"), "um");
        Path image = BusyboxImage.build(dir.resolve("root.img"), 16, INIT);
        String umid = TestUmids.next("cli");

        CliRun imported = CliRun.run(home, "import", "bb", "--kernel", kernel.toString(), "--", "mem=64M",
                "umid=" + umid, "uml_dir=" + dir, "ubd0=" + image, "root=/dev/ubda", "con=null", "con0=fd:0,fd:1");
        assertThat(imported.status()).as(imported.err()).isZero();
        CliRun exported = CliRun.run(home, "export-script", "bb");
        assertThat(exported.status()).as(exported.err()).isZero();
        Path script = dir.resolve("bb.sh");
        Files.writeString(script, exported.out());
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

        ProcessBuilder builder = new ProcessBuilder(script.toString()).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("HOME", dir.toString());
        Process guest;
        String console;
        for (int attempt = 1; ; attempt++) {
            guest = builder.start();
            // The script execs the kernel, so the script's PID is the guest's.
            reaper.track(guest.pid(), dir.resolve(umid));
            // Its stdin stays open: end of input on con0 would hang up the guest's console.
            console = new String(guest.getInputStream().readAllBytes(), UTF_8);
            assertThat(guest.waitFor(60, TimeUnit.SECONDS)).isTrue();
            // The kernel's own faults (docs/KERNEL.md §7.1, §7.2): once more, as a user would.
            boolean fault = KernelFaults.earlyBootFault(console) && !console.contains(BOOTED)
                    || KernelFaults.abortedAfterHalt(guest.exitValue(), console);
            if (attempt == 2 || !fault) {
                break;
            }
        }

        assertThat(guest.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(console).contains(BOOTED);
        assertThat(guest.exitValue()).as(console).isEqualTo(42);
        assertThat(dir.resolve(umid)).doesNotExist();
    }
}
