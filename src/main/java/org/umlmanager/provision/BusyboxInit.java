package org.umlmanager.provision;

import java.io.IOException;
import java.util.Optional;
import org.umlmanager.agent.AgentScript;
import org.umlmanager.model.AgentLine;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.LineKind;
import org.umlmanager.job.ProgressListener;

/**
 * Boot scripts of a busybox guest: /etc/init.d/rcS mounts the kernel file systems, makes the
 * root writable, sets the host name and brings the network up in the background; /etc/inittab
 * runs a login prompt (or, without a root password, a shell) on each line a person can reach,
 * and turns mconsole's {@code cad} into a clean power-off. rcS ends by running every
 * {@link BootScript} with {@code start}, the shut-down with {@code stop}. A guest's own files are kept unless
 * they were written by us.
 */
final class BusyboxInit {

    static final String RCS = """
            #!/bin/sh
            %s
            mount -t proc proc /proc
            mount -t sysfs sysfs /sys
            mount -t devtmpfs devtmpfs /dev 2>/dev/null
            mkdir -p /dev/pts /dev/shm
            mount -t devpts devpts /dev/pts
            mount -t tmpfs tmpfs /run
            mount -t tmpfs tmpfs /tmp
            mount -o remount,rw /
            hostname -F /etc/hostname
            [ -x %s ] && %s
            ip link set lo up
            if grep -q '^iface [ve]' /etc/network/interfaces 2>/dev/null; then
                ifup -a >/dev/null 2>&1 &
            fi
            for script in %s/*; do
                [ -x "$script" ] && "$script" start
            done
            """.formatted(GuestSetup.MARKER, AgentScript.BUSYBOX_STARTER, AgentScript.BUSYBOX_STARTER,
            BootScript.DIRECTORY);

    static final String PROFILE = GuestSetup.MARKER + "\nexport PATH=/bin:/sbin:/usr/bin:/usr/sbin\n"
            + "export HOME=/root\nPS1='\\h:\\w\\$ '\n";

    private BusyboxInit() {
    }

    static void apply(GuestTree tree, GuestConfig config, ProgressListener listener) throws IOException {
        if (ours(tree, "/etc/init.d/rcS")) {
            tree.write("/etc/init.d/rcS", RCS, "rwxr-xr-x");
        }
        if (ours(tree, "/etc/profile")) {
            tree.write("/etc/profile", PROFILE, "rw-r--r--");
        }
        // Debian's busybox runs /etc/udhcpc/default.script, upstream's /usr/share/udhcpc/default.script.
        for (String script : NetworkFiles.UDHCPC_SCRIPTS) {
            tree.write(script, NetworkFiles.UDHCPC_SCRIPT, "rwxr-xr-x");
        }
        if (!ours(tree, "/etc/inittab")) {
            listener.log("Keeping the guest's own /etc/inittab: login prompts not added");
            return;
        }
        tree.write("/etc/inittab", inittab(config, listener), "rw-r--r--");
    }

    static String inittab(GuestConfig config, ProgressListener listener) {
        boolean login = config.rootPassword().isPresent();
        StringBuilder b = new StringBuilder(GuestSetup.MARKER).append('\n');
        b.append("::sysinit:/etc/init.d/rcS\n");
        for (ConsoleLine line : config.loginLines()) {
            int index = line.index().getAsInt();
            boolean console = line.kind() == LineKind.CON && index == 0;
            String tty = console ? "console" : line.kind().guestDevice(index);
            if (login) {
                b.append("::respawn:/sbin/getty -L 0 ").append(tty).append(" vt100\n");
            } else if (console) {
                // cttyhack finds the tty behind /dev/console so that the shell gets job control.
                b.append("::respawn:/bin/cttyhack /bin/sh -l\n");
            } else {
                b.append(tty).append("::respawn:-/bin/sh\n");
            }
            listener.log((login ? "Login prompt" : "Root shell") + " on " + line.name() + " (" + tty + ")");
        }
        b.append("::ctrlaltdel:/sbin/poweroff\n");
        b.append("::shutdown:/bin/sh -c 'for s in ").append(BootScript.DIRECTORY)
                .append("/*; do [ -x \"$s\" ] && \"$s\" stop; done'\n");
        b.append("::shutdown:/bin/umount -a -r\n");
        return b.toString();
    }

    /** The inittab line that keeps the exec agent running. */
    static String agentEntry(AgentLine line) {
        return "::respawn:" + AgentScript.PATH + " " + line.guestDevice();
    }

    private static boolean ours(GuestTree tree, String guestPath) throws IOException {
        Optional<String> existing = tree.read(guestPath);
        return existing.isEmpty() || existing.get().contains(GuestSetup.MARKER);
    }
}
