package org.umlmanager.cmdline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Disk;
import org.umlmanager.model.DiskFlag;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.MemorySize;

class CommandLineGeneratorTest {

    private static Instance.Builder base() {
        return Instance.builder("web").memory(MemorySize.ofMebibytes(256)).root("/dev/ubda")
                .disk(Disk.of(0, "/srv/root.img"));
    }

    @Test
    void firstEmbeddedLineGetsTheLaunchersTerminalAndTheOthersPts() {
        Instance i = base()
                .console(ConsoleLine.allOf(LineKind.CON, LineSpec.of(ConsoleChannel.NULL)))
                .console(ConsoleLine.ssl(0, LineSpec.of(ConsoleChannel.EMBEDDED)))
                .console(ConsoleLine.con(2, LineSpec.of(ConsoleChannel.EMBEDDED)))
                .console(ConsoleLine.con(1, LineSpec.of(ConsoleChannel.EMBEDDED)))
                .build();
        assertThat(CommandLineGenerator.kernelArgs(i, GenerateOptions.none())).containsSubsequence(
                "con=null", "ssl0=pts", "con2=pts", "con1=fd:0,fd:1");
    }

    @Test
    void umlDirAndNotifySocketComeFromTheLauncherUnlessTheInstanceSetsThem() {
        GenerateOptions opts = new GenerateOptions(Optional.of(Path.of("/run/um")), Optional.of(Path.of("/run/n.sock")));
        Instance i = base().extraArg("mconsole=notify:/elsewhere").extraArg("quiet").build();
        assertThat(CommandLineGenerator.kernelArgs(i, opts)).containsExactly("mem=256M", "umid=web",
                "uml_dir=/run/um", "root=/dev/ubda", "ubd0=/srv/root.img", "mconsole=notify:/run/n.sock", "quiet");
        Instance own = i.toBuilder().umlDir("/srv/uml").build();
        assertThat(CommandLineGenerator.kernelArgs(own, GenerateOptions.none())).contains("uml_dir=/srv/uml",
                "mconsole=notify:/elsewhere");
    }

    @Test
    void disksWriteFlagsCowAndSerial() {
        Disk d = new Disk(3, "base.img", Optional.of("my.cow"), java.util.Set.of(DiskFlag.NO_TRIM, DiskFlag.SYNC),
                Optional.of("SER1"));
        assertThat(DiskArgs.write(d)).isEqualTo("ubd3st=my.cow,base.img,SER1");
        assertThat(DiskArgs.write(new Disk(1, "f", Optional.empty(), java.util.Set.of(), Optional.of("S"))))
                .isEqualTo("ubd1=f,,S");
    }

    @Test
    void launchCommandPrefixesTasksetAndKeepsTheEnvironmentApart() {
        Instance i = base().kernel("/opt/uml/linux").cpuPinning("0-1").env("TMPDIR", "/dev/shm/uml x")
                .hostfs(new HostfsShare("/srv/share", true)).build();
        LaunchCommand c = CommandLineGenerator.launchCommand(i, GenerateOptions.none());
        assertThat(c.argv()).startsWith("taskset", "-c", "0-1", "/opt/uml/linux", "mem=256M");
        assertThat(c.argv()).endsWith("hostfs=/srv/share,append");
        assertThat(c.environment()).containsEntry("TMPDIR", "/dev/shm/uml x");
        assertThat(c.toShellLine()).isEqualTo("TMPDIR='/dev/shm/uml x' taskset -c 0-1 /opt/uml/linux mem=256M"
                + " umid=web root=/dev/ubda ubd0=/srv/root.img hostfs=/srv/share,append");
    }

    @Test
    void scriptIsRunnableShell() throws Exception {
        Instance i = base().env("TMPDIR", "/tmp/it's").cpuPinning("1").extraArg("foo=a b").build();
        String script = CommandLineGenerator.launchCommand(i, GenerateOptions.none()).toScript("web");
        assertThat(script).startsWith("#!/bin/sh\n# Starts the UML instance 'web'").contains("set -e\n")
                .contains("export TMPDIR='/tmp/it'\\''s'\n").contains("exec taskset -c 1 linux \\\n    mem=256M \\\n");
        // Run it with a fake kernel that prints its argv and environment: the shell must pass them unchanged.
        Path dir = java.nio.file.Files.createTempDirectory("umgen");
        try {
            Path fake = dir.resolve("linux");
            java.nio.file.Files.writeString(fake, "#!/bin/sh\nprintf '%s\\n' \"$TMPDIR\" \"$@\"\n");
            fake.toFile().setExecutable(true);
            Path file = dir.resolve("start.sh");
            java.nio.file.Files.writeString(file, script.replace("exec taskset -c 1 linux", "exec " + fake));
            Process p = new ProcessBuilder("sh", file.toString()).redirectErrorStream(true).start();
            List<String> out = new String(p.getInputStream().readAllBytes()).lines().toList();
            assertThat(p.waitFor()).isZero();
            assertThat(out).containsExactly("/tmp/it's", "mem=256M", "umid=web", "root=/dev/ubda",
                    "ubd0=/srv/root.img", "foo=a b");
        } finally {
            try (var s = java.nio.file.Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
