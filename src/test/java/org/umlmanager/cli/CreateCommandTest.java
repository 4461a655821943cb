package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.cow.CowFiles;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.AgentLine;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.MemorySize;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.UmlKernel;

/** {@code uml-manager create}, in-process against a temporary UML_MANAGER_HOME. */
class CreateCommandTest {

    @TempDir
    Path home;

    private Path images() {
        return AppPaths.under(home).imagesDir();
    }

    private Instance stored(String name) throws Exception {
        return new InstanceStore(AppPaths.under(home).instancesDir()).load(name);
    }

    private List<String> imageFiles() throws IOException {
        if (!Files.exists(images())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(images())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void busyboxVmIsMadeSavedAndDescribed() throws Exception {
        UmlKernel.requireBusybox();
        Path pw = Files.writeString(home.resolve("pw.txt"), "Secret-1\n");

        CliRun run = CliRun.run(home, "create", "demo", "--rootfs", "busybox", "--password-file", "pw.txt",
                "--memory", "96M", "--consoles", "2");

        assertThat(run.status()).as(run.err()).isZero();
        Path image = images().resolve("demo.img");
        assertThat(run.out()).startsWith("Created instance 'demo'.\n  image:   " + image + "\n")
                .contains("  command: linux mem=96M umid=demo ubd0=" + image + " con=null con0=fd:0,fd:1 con1=pts"
                        + " ssl63=pts hostfs=/dev/null\n");
        assertThat(run.err()).contains("%] Building a busybox system…", "%] Making the disk image demo.img (64M)…");
        Instance demo = stored("demo");
        assertThat(demo.disks()).containsExactly(Disk.of(0, image.toString()));
        assertThat(demo.memory()).contains(MemorySize.ofMebibytes(96));
        assertThat(demo.consoles()).containsExactly(ConsoleLine.allOf(LineKind.CON, LineSpec.of(ConsoleChannel.NULL)),
                ConsoleLine.con(0, LineSpec.of(ConsoleChannel.EMBEDDED)),
                ConsoleLine.con(1, LineSpec.of(ConsoleChannel.EMBEDDED)),
                ConsoleLine.ssl(63, LineSpec.of(ConsoleChannel.EMBEDDED)));
        assertThat(demo.agent()).contains(AgentLine.DEFAULT);
        assertThat(imageFiles()).containsExactly("demo.img");
        String everything = run.out() + run.err() + Files.readString(
                new InstanceStore(AppPaths.under(home).instancesDir()).fileOf("demo"));
        assertThat(everything).doesNotContain("Secret-1");
        assertThat(pw).hasContent("Secret-1");
    }

    @Test
    void anExistingImageIsUsedInPlaceUnderANewCow() throws Exception {
        Path base = Files.write(home.resolve("base.img"), new byte[4096]);

        CliRun run = CliRun.run(home, "create", "layered", "--rootfs", "image:base.img", "--cow");

        assertThat(run.status()).as(run.err()).isZero();
        Path cow = images().resolve("layered.cow");
        assertThat(stored("layered").disks()).containsExactly(Disk.cow(0, cow.toString(), base.toString()));
        assertThat(run.out()).contains("  cow:     " + cow + "\n", "ubd0=" + cow + "," + base);
        assertThat(base).hasSize(4096);
        assertThat(CowFiles.readHeader(cow).backingFile()).isEqualTo(base.toRealPath().toString());
        assertThat(imageFiles()).containsExactly("layered.cow");
    }

    @Test
    void mistakesAreOneLineWithExitStatus2AndLeaveNothing() throws Exception {
        UmlKernel.requireBusybox();
        assertThat(CliRun.run(home, "create", "x", "--rootfs", "busybox").status()).isZero();
        record Case(List<String> args, String message) {
        }
        List<Case> cases = List.of(
                new Case(List.of("create", "y"), "Missing required option: '--rootfs=SOURCE'"),
                new Case(List.of("create", "y", "--rootfs", "fedora:40"), "unknown root filesystem 'fedora:40'"),
                new Case(List.of("create", "y", "--rootfs", "busybox", "--size", "lots"), "--size: 'lots' is not a size"),
                new Case(List.of("create", "y", "--rootfs", "busybox", "--packages", "vim"), "for --rootfs debian:SUITE only"),
                new Case(List.of("create", "y", "--rootfs", "busybox", "--password-file", "nope"),
                        "cannot read the password file"),
                new Case(List.of("create", "X", "--rootfs", "busybox"), "an instance named 'X' already exists"),
                new Case(List.of("create", "y", "--rootfs", "busybox", "--net", "vec0:transport=tap",
                        "--guest-ip", "vec1=dhcp"), "there is no --net for vec1"),
                new Case(List.of("create", "y", "--rootfs", "busybox", "--net", "bogus"), "--net bogus"),
                new Case(List.of("create", "y", "--rootfs", "busybox", "--size", "4M"), "size: 4M is too small"),
                new Case(List.of("create", "y", "--rootfs", "dir:/nonexistent"), "is not a directory"),
                // The checks of interfaces on saved networks (JobService.check) refuse before anything is made.
                new Case(List.of("create", "y", "--rootfs", "busybox", "--net", "network=nosuch"),
                        "eth0 (network nosuch): no network is named 'nosuch'"),
                new Case(List.of("create", "y", "--rootfs", "busybox", "--net", "network=default,ip=10.0.2.2/24"),
                        "10.0.2.2 is network 'default''s own gateway address"));
        for (Case c : cases) {
            CliRun run = CliRun.run(home, c.args().toArray(String[]::new));
            assertThat(run.status()).as(String.join(" ", c.args())).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", c.args())).startsWith("error: ").contains(c.message())
                    .hasLineCount(1);
            assertThat(run.out()).isEmpty();
        }
        assertThat(imageFiles()).containsExactly("x.img");
        assertThat(new InstanceStore(AppPaths.under(home).instancesDir()).existingName("y")).isEqualTo(Optional.empty());
    }
}
