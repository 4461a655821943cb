package org.umlmanager.cmdline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.umlmanager.launch.KernelFaults;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Disk;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.MemorySize;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.testing.GuestReaper;
import org.umlmanager.testing.TestUmids;
import org.umlmanager.testing.UmlKernel;

/**
 * Boots the real kernel from an {@link Instance} through the generated argv (issue 2, item 8):
 * the embedded console becomes the process's stdin/stdout, the guest's init prints its marker,
 * and the guest is halted through that console (or through mconsole), leaving no umid directory.
 */
class GeneratedCommandLineBootTest {

    private static final long BOOT_SECONDS = 60;

    private Path kernel;
    private Path dir;
    private GuestReaper reaper;

    @BeforeEach
    void setUp() throws IOException {
        kernel = UmlKernel.require();
        // Short, so that uml_dir/umid/mconsole stays far below the 107-byte socket path limit.
        dir = Files.createTempDirectory(Path.of("/tmp"), "umcl");
        reaper = new GuestReaper();
    }

    @AfterEach
    void tearDown() throws IOException {
        reaper.close();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Instance.Builder instance(Disk disk) {
        return Instance.builder("boot").umid(TestUmids.next("cl")).kernel(kernel.toString())
                .memory(MemorySize.ofMebibytes(64)).root("/dev/ubda").disk(disk)
                .console(ConsoleLine.allOf(LineKind.CON, LineSpec.of(ConsoleChannel.NULL)))
                .console(ConsoleLine.con(0, LineSpec.of(ConsoleChannel.EMBEDDED)))
                .console(ConsoleLine.ssl(0, LineSpec.of(ConsoleChannel.EMBEDDED)))
                .hostfs(new HostfsShare(dir.toString(), false));
    }

    /** A started guest: its process and everything it printed so far. */
    private record Guest(Process process, StringBuffer output, Path umidDir, Thread reader) {

        /** Waits for the process to end and for its last output to be read. */
        boolean exited(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                return false;
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            return !reader.isAlive();
        }

        boolean awaitOutput(String text, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                if (output.indexOf(text) >= 0) {
                    return true;
                }
                if (!process.isAlive()) {
                    Thread.sleep(100);
                    return output.indexOf(text) >= 0;
                }
                Thread.sleep(50);
            }
            return false;
        }
    }

    private Guest start(Instance instance) throws IOException {
        assertThat(Validator.validate(instance.toBuilder().umlDir(dir.resolve("uml").toString()).build(),
                ValidationContext.forStarting(Optional.empty(), dir))).as("a correct instance has no problems").isEmpty();
        return startUnchecked(instance);
    }

    /**
     * {@link #start} and waits for {@code marker}; starts once more when the kernel's own
     * early-boot fault ended that boot (docs/KERNEL.md §7.1), as the supervisor does.
     */
    private Guest boot(Instance instance, String marker) throws Exception {
        Guest g = start(instance);
        if (!g.awaitOutput(marker, BOOT_SECONDS) && g.exited(10) && KernelFaults.earlyBootFault(g.output)) {
            Guest again = start(instance);
            // The first boot's output stays in front (it made the COW file, for one).
            again.output.insert(0, g.output);
            g = again;
        }
        return g;
    }

    private Guest startUnchecked(Instance instance) throws IOException {
        Path umlDir = dir.resolve("uml");
        GenerateOptions options = new GenerateOptions(Optional.of(umlDir), Optional.empty());
        LaunchCommand cmd = CommandLineGenerator.launchCommand(instance, options);
        assertThat(cmd.argv()).contains("con0=fd:0,fd:1", "ssl0=pts", "uml_dir=" + umlDir);
        ProcessBuilder pb = new ProcessBuilder(cmd.argv()).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(cmd.environment());
        Process p = pb.start();
        Path umidDir = umlDir.resolve(instance.umid());
        reaper.track(p.pid(), umidDir);
        StringBuffer out = new StringBuffer();
        Thread reader = new Thread(() -> copy(p.getInputStream(), out), "uml-output-" + instance.umid());
        reader.setDaemon(true);
        reader.start();
        return new Guest(p, out, umidDir, reader);
    }

    private static void copy(InputStream in, StringBuffer out) {
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            out.append("\n[reading the kernel's output failed: ").append(e).append("]\n");
        }
    }

    @Test
    void generatedCommandLineBootsAndTheEmbeddedConsoleHaltsIt() throws Exception {
        Path image = BusyboxImage.build(dir.resolve("root.img"), 16);
        Guest g = boot(instance(Disk.of(0, image.toString())).build(), BusyboxImage.READY_MARKER);
        assertThat(g.awaitOutput(BusyboxImage.READY_MARKER, BOOT_SECONDS)).as("boot output:\n%s", g.output).isTrue();
        assertThat(Files.exists(g.umidDir.resolve("mconsole"))).as("mconsole socket under uml_dir/umid").isTrue();
        // The first embedded line is the process's stdin/stdout: type into the guest's shell.
        OutputStream console = g.process.getOutputStream();
        console.write("echo typed-$((6*7)); poweroff -f\n".getBytes(StandardCharsets.US_ASCII));
        console.flush();
        assertThat(g.exited(30)).as("halted; output:\n%s", g.output).isTrue();
        assertThat(g.output).contains("typed-42");
        assertThat(g.process.exitValue()).as("exit status of a halt").isZero();
        assertThat(g.umidDir).doesNotExist();
    }

    @Test
    void kernelCreatesTheCowFileNamedOnTheCommandLine() throws Exception {
        Path backing = BusyboxImage.build(dir.resolve("base.img"), 16);
        Path cow = dir.resolve("guest.cow");
        Guest g = boot(instance(Disk.cow(0, cow.toString(), backing.toString())).build(), BusyboxImage.READY_MARKER);
        assertThat(g.awaitOutput(BusyboxImage.READY_MARKER, BOOT_SECONDS)).as("boot output:\n%s", g.output).isTrue();
        assertThat(g.output).contains("Creating \"" + cow + "\" as COW file for \"" + backing + "\"");
        Path mconsoleTool = UmlKernel.requireTool("uml_mconsole", "apt-get install uml-utilities");
        Process halt = new ProcessBuilder(List.of(mconsoleTool.toString(), g.umidDir.resolve("mconsole").toString(),
                "halt")).redirectErrorStream(true).start();
        assertThat(halt.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(g.exited(30)).as("halted; output:\n%s", g.output).isTrue();
        assertThat(g.process.exitValue()).isZero();
        assertThat(g.umidDir).doesNotExist();
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(cow)) {
            assertThat(in.readNBytes(head, 0, 4)).isEqualTo(4);
        }
        assertThat(new String(head, StandardCharsets.US_ASCII)).as("COW magic").isEqualTo("OOOM");
    }

    /**
     * The validator's claim about l2tpv3 sessions, checked on the real kernel: the HowTo's
     * {@code rx_session=0xffffffff} panics at ifup, and the fix the message proposes works.
     */
    @Test
    void l2tpv3SessionFixProposedByTheValidatorWorks() throws Exception {
        Path image = BusyboxImage.build(dir.resolve("net.img"), 16, """
                #!/bin/sh
                mount -t proc proc /proc
                ip link set vec0 up && echo VEC-UP
                poweroff -f
                """);
        String howTo = "vec0:transport=l2tpv3,udp=1,src=127.0.0.1,dst=127.0.0.1,srcport=1706,dstport=1707,"
                + "rx_session=0xffffffff,tx_session=0xffff";
        ParseResult parsed = CommandLineParser.parse("net", List.of(howTo));
        Problem problem = parsed.errors().stream().filter(p -> p.field().equals("networks[0].rxSession"))
                .findFirst().orElseThrow();
        String fix = problem.message().substring(problem.message().lastIndexOf(' ') + 1);
        assertThat(fix).isEqualTo("rx_session=-1");

        Instance bad = instance(Disk.of(0, image.toString())).networks(parsed.instance().networks()).build();
        Guest crashed = startUnchecked(bad);
        assertThat(crashed.exited(BOOT_SECONDS)).isTrue();
        assertThat(crashed.output).contains("Kernel panic").doesNotContain("VEC-UP");
        assertThat(crashed.process.exitValue()).as("SIGABRT").isEqualTo(128 + 6);

        Instance fixed = instance(Disk.of(0, image.toString())).networks(CommandLineParser.parse("net",
                List.of(howTo.replace("rx_session=0xffffffff", fix))).instance().networks()).build();
        Guest up = boot(fixed, "VEC-UP");
        assertThat(up.exited(BOOT_SECONDS)).isTrue();
        assertThat(up.output).contains("VEC-UP").doesNotContain("Kernel panic");
        assertThat(up.process.exitValue()).isZero();
    }
}
