package org.umlmanager.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.model.AgentLine;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;
import org.umlmanager.job.ProgressListener;

/** The files the guest setup writes, on a Debian-like (systemd, merged /usr) tree in a directory. */
class GuestSetupTest {

    @TempDir
    Path dir;
    Path root;
    final List<String> log = new ArrayList<>();
    final ProgressListener listener = new RecordingListener(log);

    @BeforeEach
    void debianLikeTree() throws IOException {
        root = dir.resolve("rootfs");
        Files.createDirectories(root.resolve("usr/lib/systemd/system"));
        Files.createDirectories(root.resolve("usr/sbin"));
        Files.createDirectories(root.resolve("etc/systemd/system/getty.target.wants"));
        Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
        Files.createSymbolicLink(root.resolve("sbin"), Path.of("usr/sbin"));
        Files.writeString(root.resolve("usr/lib/systemd/systemd"), "");
        Files.createSymbolicLink(root.resolve("usr/sbin/init"), Path.of("../lib/systemd/systemd"));
        for (String unit : List.of("console-getty.service", "getty@.service", "serial-getty@.service",
                "poweroff.target")) {
            Files.writeString(root.resolve("usr/lib/systemd/system").resolve(unit), "[Unit]\n");
        }
        Files.createSymbolicLink(root.resolve("etc/systemd/system/getty.target.wants/getty@tty1.service"),
                Path.of("/lib/systemd/system/getty@.service"));
        Files.writeString(root.resolve("etc/fstab"), "# UNCONFIGURED FSTAB FOR BASE SYSTEM\n");
        Path shadow = root.resolve("etc/shadow");
        Files.writeString(shadow, "root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n");
        Files.setPosixFilePermissions(shadow, PosixFilePermissions.fromString("rw-r-----"));
    }

    private GuestConfig config(Optional<PasswordHash> password, List<ConsoleLine> consoles, List<GuestNetwork> nets) {
        return new GuestConfig("web-1", password, nets, consoles, "/dev/ubda", Optional.empty());
    }

    private String read(String guestPath) throws IOException {
        return Files.readString(root.resolve(guestPath));
    }

    @Test
    void fstabHostnameAndShadowFollowTheHowTo() throws IOException {
        // mmdebstrap writes /etc/hostname executable; ours is a plain 0644 file.
        Files.writeString(root.resolve("etc/hostname"), "vm\n");
        Files.setPosixFilePermissions(root.resolve("etc/hostname"), PosixFilePermissions.fromString("rwxr-xr-x"));
        PasswordHash hash = PasswordHash.sha512("s3cret".toCharArray());
        GuestSetup.apply(root, config(Optional.of(hash), ProvisionRequest.defaultConsoles(), List.of()), listener);

        assertThat(read("etc/fstab")).isEqualTo("# UNCONFIGURED FSTAB FOR BASE SYSTEM\n" + GuestSetup.MARKER
                + "\n/dev/ubda / ext4 discard,errors=remount-ro 0 1\n");
        assertThat(read("etc/hostname")).isEqualTo("web-1\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/hostname"))))
                .isEqualTo("rw-r--r--");
        assertThat(read("etc/hosts")).contains("127.0.0.1\tlocalhost\n", "127.0.1.1\tweb-1\n");
        List<String> shadow = Files.readAllLines(root.resolve("etc/shadow"));
        assertThat(shadow).hasSize(2);
        String[] rootFields = shadow.get(0).split(":", -1);
        assertThat(rootFields[0]).isEqualTo("root");
        assertThat(rootFields[1]).startsWith("$6$").isEqualTo(hash.crypt());
        assertThat(hash.matches("s3cret".toCharArray())).isTrue();
        assertThat(Long.parseLong(rootFields[2])).isGreaterThan(19000);
        assertThat(shadow.get(1)).isEqualTo("daemon:*:19000:0:99999:7:::");
        assertThat(read("etc/shadow")).doesNotContain("s3cret");
        // The mode of an existing shadow file is kept (Debian's 0640 root:shadow).
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/shadow"))))
                .isEqualTo("rw-r-----");
    }

    @Test
    void theExecAgentRunsFromASystemdUnitBeforeTheLoginPromptsAndItsLineGetsNoGetty() throws IOException {
        List<ConsoleLine> consoles = List.of(ConsoleLine.allOf(LineKind.CON, LineSpec.of(ConsoleChannel.NULL)),
                ConsoleLine.con(0, LineSpec.of(ConsoleChannel.EMBEDDED)),
                ConsoleLine.ssl(63, LineSpec.of(ConsoleChannel.EMBEDDED)));
        GuestSetup.apply(root, new GuestConfig("web-1", Optional.empty(), List.of(), consoles, "/dev/ubda",
                Optional.empty(), Optional.of(AgentLine.DEFAULT)), listener);

        assertThat(root.resolve("usr/lib/uml-manager/agent")).isExecutable();
        assertThat(read("usr/lib/uml-manager/agent")).startsWith("#!/bin/sh\n").contains("UMX1");
        String unit = read("etc/systemd/system/uml-manager-agent.service");
        assertThat(unit).contains("ExecStart=/usr/lib/uml-manager/agent ttyS63", "Restart=always",
                "Before=getty-pre.target getty.target console-getty.service");
        assertThat(Files.readSymbolicLink(root.resolve("etc/systemd/system/multi-user.target.wants/"
                + "uml-manager-agent.service"))).isEqualTo(Path.of("/etc/systemd/system/uml-manager-agent.service"));
        assertThat(root.resolve("etc/systemd/system/getty.target.wants/serial-getty@ttyS63.service"))
                .doesNotExist();
    }

    @Test
    void rewritingReplacesTheRootEntryInsteadOfAddingOne() throws IOException {
        Files.writeString(root.resolve("etc/fstab"), "proc /proc proc defaults 0 0\n/dev/sda1 / ext4 defaults 0 1\n");
        GuestConfig c = config(Optional.empty(), ProvisionRequest.defaultConsoles(), List.of());
        GuestSetup.apply(root, c, listener);
        GuestSetup.apply(root, c, listener);
        assertThat(read("etc/fstab")).isEqualTo("proc /proc proc defaults 0 0\n" + GuestSetup.MARKER
                + "\n/dev/ubda / ext4 discard,errors=remount-ro 0 1\n");
    }

    @Test
    void embeddedConsolesGetSystemdGettysAndCadPowersOff() throws IOException {
        List<ConsoleLine> consoles = List.of(ConsoleLine.allOf(LineKind.CON, LineSpec.of(ConsoleChannel.NULL)),
                ConsoleLine.con(0, LineSpec.of(ConsoleChannel.EMBEDDED)),
                ConsoleLine.con(2, LineSpec.of(ConsoleChannel.EMBEDDED)),
                ConsoleLine.con(3, LineSpec.of(ConsoleChannel.NULL)),
                ConsoleLine.ssl(0, LineSpec.of(ConsoleChannel.PTS)));
        GuestSetup.apply(root, config(Optional.of(PasswordHash.sha512("x".toCharArray())), consoles, List.of()),
                listener);

        Path wants = root.resolve("etc/systemd/system/getty.target.wants");
        assertThat(Files.readSymbolicLink(wants.resolve("console-getty.service")))
                .isEqualTo(Path.of("/lib/systemd/system/console-getty.service"));
        assertThat(Files.readSymbolicLink(wants.resolve("getty@tty2.service")))
                .isEqualTo(Path.of("/lib/systemd/system/getty@.service"));
        assertThat(Files.readSymbolicLink(wants.resolve("serial-getty@ttyS0.service")))
                .isEqualTo(Path.of("/lib/systemd/system/serial-getty@.service"));
        assertThat(wants.resolve("getty@tty1.service")).doesNotExist();
        assertThat(wants.resolve("getty@tty3.service")).doesNotExist();
        assertThat(Files.readSymbolicLink(root.resolve("etc/systemd/system/getty-static.service")))
                .isEqualTo(Path.of("/dev/null"));
        assertThat(root.resolve("etc/systemd/system/console-getty.service.d/autologin.conf")).doesNotExist();
        assertThat(Files.readSymbolicLink(root.resolve("etc/systemd/system/ctrl-alt-del.target")))
                .isEqualTo(Path.of("/lib/systemd/system/poweroff.target"));
    }

    @Test
    void withoutPasswordTheGettysLogRootInAutomatically() throws IOException {
        GuestSetup.apply(root, config(Optional.empty(), ProvisionRequest.defaultConsoles(), List.of()), listener);
        String dropIn = read("etc/systemd/system/console-getty.service.d/autologin.conf");
        assertThat(dropIn).contains("[Service]\nExecStart=\nExecStart=-/sbin/agetty ")
                .contains("--autologin root").contains("'-p -f -- \\\\u'");
        assertThat(read("etc/shadow")).startsWith("root:*:");
    }

    @Test
    void interfacesForDebianUseHotplugForDhcp() throws IOException {
        List<GuestNetwork> nets = List.of(GuestNetwork.dhcp("vec0"),
                new GuestNetwork("eth1", new GuestNetwork.Addressing.Static("10.0.2.15", 24, Optional.of("10.0.2.2"))),
                new GuestNetwork("vec2", new GuestNetwork.Addressing.Manual()));
        GuestSetup.apply(root, config(Optional.empty(), ProvisionRequest.defaultConsoles(), nets), listener);
        assertThat(read("etc/network/interfaces")).isEqualTo(GuestSetup.MARKER + "\n"
                + "source /etc/network/interfaces.d/*\n"
                + "\nauto lo\niface lo inet loopback\n"
                + "\nallow-hotplug vec0\niface vec0 inet dhcp\n"
                + "\nauto eth1\niface eth1 inet static\n\taddress 10.0.2.15\n\tnetmask 255.255.255.0\n"
                + "\tgateway 10.0.2.2\n"
                + "\nauto vec2\niface vec2 inet manual\n\tup ip link set dev vec2 up\n");
    }

    @Test
    void inodesOfRemovedEntriesAreForgottenByFakeroot() throws IOException {
        Path tty1 = root.resolve("etc/systemd/system/getty.target.wants/getty@tty1.service");
        long removed = ((Number) Files.getAttribute(tty1, "unix:ino", java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .longValue();
        long shadow = ((Number) Files.getAttribute(root.resolve("etc/shadow"), "unix:ino")).longValue();
        GuestTree tree = new GuestTree(root);
        GuestSetup.apply(tree, config(Optional.of(PasswordHash.sha512("x".toCharArray())),
                ProvisionRequest.defaultConsoles(), List.of()), listener);
        assertThat(tree.freedInodes()).contains(removed).doesNotContain(shadow);

        Path state = Files.writeString(dir.resolve("fakeroot.state"),
                "dev=fe00,ino=" + removed + ",mode=100700,uid=42,gid=42,nlink=1,rdev=0\n"
                + "dev=fe00,ino=" + shadow + ",mode=100640,uid=0,gid=42,nlink=1,rdev=0\n");
        FakerootState.forget(state, tree.freedInodes());
        assertThat(Files.readAllLines(state)).containsExactly(
                "dev=fe00,ino=" + shadow + ",mode=100640,uid=0,gid=42,nlink=1,rdev=0");
    }

    @Test
    void guestLinksNeverLeadOutOfTheTree() throws IOException {
        Path hostFile = dir.resolve("host-hostname");
        Files.writeString(hostFile, "host\n");
        // An absolute link in the guest means the guest's path, not the host's.
        Files.createSymbolicLink(root.resolve("etc/hostname"), hostFile);
        Files.createDirectories(root.resolve("etc/alt"));
        Files.move(root.resolve("etc/fstab"), root.resolve("etc/alt/fstab"));
        Files.createSymbolicLink(root.resolve("etc/fstab"), Path.of("/etc/alt/fstab"));

        GuestSetup.apply(root, config(Optional.empty(), ProvisionRequest.defaultConsoles(), List.of()), listener);

        assertThat(Files.readString(hostFile)).isEqualTo("host\n");
        assertThat(Files.isSymbolicLink(root.resolve("etc/hostname"))).isFalse();
        assertThat(read("etc/hostname")).isEqualTo("web-1\n");
        // The old content was read through the link, inside the tree.
        assertThat(read("etc/fstab")).startsWith("# UNCONFIGURED FSTAB FOR BASE SYSTEM\n");
    }

    @Test
    void kernelModulesAreCopiedThroughTheMergedUsrLink() throws IOException {
        Path modules = dir.resolve("modules/6.1.176");
        Files.createDirectories(modules.resolve("kernel/fs"));
        Files.writeString(modules.resolve("modules.dep"), "kernel/fs/x.ko:\n");
        Files.writeString(modules.resolve("kernel/fs/x.ko"), "ko");
        GuestConfig c = new GuestConfig("web-1", Optional.empty(), List.of(), ProvisionRequest.defaultConsoles(),
                "/dev/ubda", Optional.of(modules));
        GuestSetup.apply(root, c, listener);
        assertThat(root.resolve("usr/lib/modules/6.1.176/kernel/fs/x.ko")).hasContent("ko");
        assertThat(root.resolve("usr/lib/modules/6.1.176/modules.dep")).hasContent("kernel/fs/x.ko:");
    }

    @Test
    void anUnknownInitGetsTheCommonFilesButNoGettys() throws IOException {
        Files.delete(root.resolve("usr/sbin/init"));
        GuestSetup.apply(root, config(Optional.empty(), ProvisionRequest.defaultConsoles(), List.of()), listener);
        assertThat(read("etc/hostname")).isEqualTo("web-1\n");
        assertThat(root.resolve("etc/systemd/system/getty.target.wants/console-getty.service")).doesNotExist();
        assertThat(log).anyMatch(l -> l.contains("login prompts not configured"));
    }

    @Test
    void aBootScriptIsInstalledWithASystemdUnitThatRunsItAtBootAndShutDown() throws IOException {
        GuestTree tree = new GuestTree(root);
        BootScript hook = new BootScript("lab", "#!/bin/sh\necho \"$1\"\n");

        BootScripts.install(tree, List.of(hook), GuestInit.detect(tree), listener);

        assertThat(root.resolve("etc/uml-manager/boot.d/lab")).hasContent("#!/bin/sh\necho \"$1\"").isExecutable();
        assertThat(read("etc/systemd/system/uml-manager-lab.service"))
                .contains("ExecStart=/etc/uml-manager/boot.d/lab start\n", "ExecStop=/etc/uml-manager/boot.d/lab stop\n",
                        "RemainAfterExit=yes\n", "StandardOutput=journal+console\n");
        assertThat(Files.readSymbolicLink(root.resolve(
                "etc/systemd/system/multi-user.target.wants/uml-manager-lab.service")))
                .isEqualTo(Path.of("/etc/systemd/system/uml-manager-lab.service"));
    }
}
