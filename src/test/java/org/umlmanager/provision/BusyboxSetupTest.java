package org.umlmanager.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.model.AgentLine;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;
import org.umlmanager.testing.UmlKernel;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.job.Cancellation;

/** The busybox tree and its boot files, built in a directory (no kernel needed). */
class BusyboxSetupTest {

    @TempDir
    Path dir;

    private Path busyboxTree() throws Exception {
        UmlKernel.requireBusybox();
        Path root = dir.resolve("rootfs");
        Files.createDirectories(root);
        BusyboxRootfs.build(root, new CommandRunner(ProgressListener.NONE, new Cancellation()));
        return root;
    }

    private static final List<ConsoleLine> TWO_CONSOLES = List.of(
            ConsoleLine.allOf(LineKind.CON, LineSpec.of(ConsoleChannel.NULL)),
            ConsoleLine.con(0, LineSpec.of(ConsoleChannel.EMBEDDED)),
            ConsoleLine.con(1, LineSpec.of(ConsoleChannel.EMBEDDED)));

    @Test
    void treeHasStaticBusyboxAppletsAndAccounts() throws Exception {
        Path root = busyboxTree();
        assertThat(BusyboxRootfs.isStatic(root.resolve("bin/busybox"))).isTrue();
        assertThat(Files.readSymbolicLink(root.resolve("sbin/init"))).isEqualTo(Path.of("../bin/busybox"));
        assertThat(root.resolve("sbin/getty")).exists();
        assertThat(root.resolve("bin/login")).exists();
        assertThat(root.resolve("etc/passwd")).hasContent("root:x:0:0:root:/root:/bin/sh");
        assertThat(GuestInit.detect(new GuestTree(root))).isEqualTo(GuestInit.BUSYBOX);
    }

    @Test
    void withPasswordEachReachableConsoleGetsAGetty() throws Exception {
        Path root = busyboxTree();
        PasswordHash hash = PasswordHash.sha512("pw".toCharArray());
        GuestSetup.apply(root, new GuestConfig("bb", Optional.of(hash), List.of(GuestNetwork.dhcp("vec0")),
                TWO_CONSOLES, "/dev/ubda", Optional.empty()), ProgressListener.NONE);

        assertThat(Files.readString(root.resolve("etc/inittab"))).isEqualTo(GuestSetup.MARKER + "\n"
                + "::sysinit:/etc/init.d/rcS\n"
                + "::respawn:/sbin/getty -L 0 console vt100\n"
                + "::respawn:/sbin/getty -L 0 tty1 vt100\n"
                + "::ctrlaltdel:/sbin/poweroff\n"
                + "::shutdown:/bin/sh -c 'for s in /etc/uml-manager/boot.d/*; do [ -x \"$s\" ] && \"$s\" stop; done'\n"
                + "::shutdown:/bin/umount -a -r\n");
        assertThat(Files.readString(root.resolve("etc/shadow"))).startsWith("root:" + hash.crypt() + ":");
        assertThat(Files.readString(root.resolve("etc/fstab")))
                .contains("/dev/ubda / ext4 discard,errors=remount-ro 0 1\n");
        assertThat(Files.readString(root.resolve("etc/hostname"))).isEqualTo("bb\n");
        assertThat(Files.readString(root.resolve("etc/network/interfaces")))
                .doesNotContain("source ").contains("\nauto vec0\niface vec0 inet dhcp\n");
        assertThat(root.resolve("usr/share/udhcpc/default.script")).isExecutable();
        // Debian's busybox-static, which the guests get, runs this one.
        assertThat(root.resolve("etc/udhcpc/default.script")).isExecutable().hasSameTextualContentAs(
                root.resolve("usr/share/udhcpc/default.script"));
        String rcs = Files.readString(root.resolve("etc/init.d/rcS"));
        assertThat(rcs).contains("mount -o remount,rw /", "hostname -F /etc/hostname", "ifup -a");
        assertThat(root.resolve("etc/init.d/rcS")).isExecutable();
    }

    @Test
    void withoutPasswordTheConsolesRunShells() throws Exception {
        Path root = busyboxTree();
        GuestSetup.apply(root, new GuestConfig("bb", Optional.empty(), List.of(), TWO_CONSOLES, "/dev/ubda",
                Optional.empty()), ProgressListener.NONE);
        assertThat(Files.readString(root.resolve("etc/inittab")))
                .contains("::respawn:/bin/cttyhack /bin/sh -l\n", "tty1::respawn:-/bin/sh\n")
                .doesNotContain("getty");
        assertThat(Files.readString(root.resolve("etc/shadow"))).startsWith("root:*:");
    }

    @Test
    void ourRcsStartsTheExecAgentAndItsLineGetsNoShell() throws Exception {
        Path root = busyboxTree();
        List<ConsoleLine> consoles = new java.util.ArrayList<>(TWO_CONSOLES);
        consoles.add(ConsoleLine.ssl(63, LineSpec.of(ConsoleChannel.EMBEDDED)));
        GuestSetup.apply(root, new GuestConfig("bb", Optional.empty(), List.of(), consoles, "/dev/ubda",
                Optional.empty(), Optional.of(AgentLine.DEFAULT)), ProgressListener.NONE);

        assertThat(root.resolve("usr/lib/uml-manager/agent")).isExecutable();
        assertThat(Files.readString(root.resolve("etc/init.d/uml-manager-agent")))
                .contains("setsid /usr/lib/uml-manager/agent ttyS63 </dev/null >/dev/null 2>&1 &");
        assertThat(Files.readString(root.resolve("etc/init.d/rcS")))
                .contains("[ -x /etc/init.d/uml-manager-agent ] && /etc/init.d/uml-manager-agent\nip link set lo up");
        assertThat(Files.readString(root.resolve("etc/inittab"))).doesNotContain("ttyS63");
    }

    @Test
    void aGuestsOwnInittabIsKept() throws Exception {
        Path root = busyboxTree();
        Files.writeString(root.resolve("etc/inittab"), "::sysinit:/my/rc\n");
        GuestSetup.apply(root, new GuestConfig("bb", Optional.empty(), List.of(), TWO_CONSOLES, "/dev/ubda",
                Optional.empty()), ProgressListener.NONE);
        assertThat(root.resolve("etc/inittab")).hasContent("::sysinit:/my/rc");
    }

    @Test
    void aDynamicBusyboxIsRecognised() throws IOException, ProvisionException {
        // The JVM's own launcher is dynamically linked.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertThat(BusyboxRootfs.isStatic(java)).isFalse();
    }
}
