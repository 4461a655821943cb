package org.umlmanager.provision;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A minimal root filesystem from the host's statically linked busybox (Debian's busybox-static):
 * busybox, a link per applet, /etc/passwd, group and shadow, and busybox init. Takes well under
 * a second; the boot scripts and login prompts come from {@link GuestSetup}.
 */
final class BusyboxRootfs {

    private static final List<String> DIRS = List.of("bin", "sbin", "usr/bin", "usr/sbin", "etc/init.d",
            "etc/network", "proc", "sys", "dev", "tmp", "run", "root", "mnt", "var/log", "lib/modules");
    private static final int PT_INTERP = 3;

    private BusyboxRootfs() {
    }

    /** The host's busybox if it is statically linked, else a message saying what to install. */
    static Path findStaticBusybox() throws ProvisionException {
        for (String candidate : List.of("/bin/busybox", "/usr/bin/busybox", "/usr/local/bin/busybox")) {
            Path p = Path.of(candidate);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                if (isStatic(p)) {
                    return p;
                }
                throw new ProvisionException(p + " is dynamically linked and cannot run inside a guest;"
                        + " install the statically linked one: apt-get install busybox-static");
            }
        }
        throw new ProvisionException("busybox is not installed; install it with: apt-get install busybox-static");
    }

    static void build(Path root, CommandRunner runner) throws ProvisionException, IOException {
        Path busybox = findStaticBusybox();
        for (String d : DIRS) {
            Files.createDirectories(root.resolve(d));
        }
        Files.setPosixFilePermissions(root.resolve("root"), PosixFilePermissions
                .fromString("rwx------"));
        Files.createSymbolicLink(root.resolve("var/run"), Path.of("../run"));
        Files.copy(busybox, root.resolve("bin/busybox"), StandardCopyOption.COPY_ATTRIBUTES);
        String list = runner.captureQuietly("busybox --list-full", List.of(busybox.toString(), "--list-full"));
        int links = 0;
        for (String applet : list.split("\n")) {
            applet = applet.strip();
            if (applet.isEmpty() || !applet.contains("/") || applet.equals("bin/busybox") || applet.contains("..")) {
                continue;
            }
            Path link = root.resolve(applet);
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, link.getParent().relativize(root.resolve("bin/busybox")));
            links++;
        }
        runner.listener().log("busybox " + busybox + " with " + links + " applet links");
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
        Path shadow = root.resolve("etc/shadow");
        Files.writeString(shadow, "root:*:0:0:99999:7:::\n");
        Files.setPosixFilePermissions(shadow, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(root.resolve("etc/fstab"), "");
        Files.writeString(root.resolve("etc/shells"), "/bin/sh\n/bin/ash\n");
    }

    /** An ELF executable without a PT_INTERP program header needs no dynamic loader. */
    static boolean isStatic(Path elf) throws ProvisionException {
        try (RandomAccessFile f = new RandomAccessFile(elf.toFile(), "r")) {
            byte[] head = new byte[64];
            f.readFully(head);
            if (head[0] != 0x7f || head[1] != 'E' || head[2] != 'L' || head[3] != 'F' || head[4] != 2) {
                throw new ProvisionException(elf + " is not a 64-bit ELF executable");
            }
            ByteBuffer h = ByteBuffer.wrap(head).order(head[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            long phoff = h.getLong(0x20);
            int phentsize = Short.toUnsignedInt(h.getShort(0x36));
            int phnum = Short.toUnsignedInt(h.getShort(0x38));
            byte[] entry = new byte[4];
            for (int i = 0; i < phnum; i++) {
                f.seek(phoff + (long) i * phentsize);
                f.readFully(entry);
                if (ByteBuffer.wrap(entry).order(h.order()).getInt() == PT_INTERP) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new ProvisionException("cannot read " + elf + ": " + e.getMessage(), e);
        }
    }
}
