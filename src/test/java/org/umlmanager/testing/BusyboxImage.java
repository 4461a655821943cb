package org.umlmanager.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds a tiny bootable ext4 root filesystem from the host's busybox-static, without root:
 * {@code mkfs.ext4 -d}. The default init mounts /proc and /sys, prints {@link #READY_MARKER}
 * and runs a shell on the console.
 */
public final class BusyboxImage {

    public static final String READY_MARKER = "UMLM-GUEST-READY";

    /** The default /sbin/init: a shell on the console, respawned so that typing {@code exit} is harmless. */
    public static final String DEFAULT_INIT = """
            #!/bin/sh
            mount -t proc proc /proc
            mount -t sysfs sys /sys
            mount -t devtmpfs dev /dev 2>/dev/null
            mount -t tmpfs tmp /tmp
            hostname guest
            echo %s
            while true; do /bin/sh; done
            """.formatted(READY_MARKER);

    private static final List<String> APPLETS = List.of("sh", "mount", "umount", "echo", "cat", "ls", "ps",
            "poweroff", "halt", "reboot", "sleep", "sync", "dd", "mkdir", "hostname", "uname", "getty", "login",
            "stty", "head", "tail", "grep", "seq", "true", "false", "ip", "ifconfig", "id", "env", "wc", "yes",
            "setsid", "cttyhack", "test", "[", "printf", "kill", "rm", "touch", "sha256sum", "df");

    private BusyboxImage() {
    }

    /** Builds {@code image} (sparse, {@code sizeMiB}) with the default init. */
    public static Path build(Path image, int sizeMiB) throws IOException, InterruptedException {
        return build(image, sizeMiB, DEFAULT_INIT);
    }

    /** Builds {@code image} with the given /sbin/init script. */
    public static Path build(Path image, int sizeMiB, String initScript) throws IOException, InterruptedException {
        Path busybox = UmlKernel.requireBusybox();
        Path mkfs = UmlKernel.requireMkfsExt4();
        Path root = Files.createTempDirectory(image.toAbsolutePath().getParent(), "rootfs-");
        try {
            for (String d : List.of("bin", "sbin", "etc", "proc", "sys", "dev", "tmp", "root", "mnt")) {
                Files.createDirectories(root.resolve(d));
            }
            Files.copy(busybox, root.resolve("bin/busybox"));
            for (String applet : APPLETS) {
                Files.createSymbolicLink(root.resolve("bin").resolve(applet), Path.of("busybox"));
            }
            Path init = root.resolve("sbin/init");
            Files.writeString(init, initScript, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(init, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
            Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
            Process p = new ProcessBuilder(mkfs.toString(), "-q", "-F", "-d", root.toString(), image.toString(),
                    sizeMiB + "M").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("mkfs.ext4 failed: " + out);
            }
            return image;
        } finally {
            deleteTree(root);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
