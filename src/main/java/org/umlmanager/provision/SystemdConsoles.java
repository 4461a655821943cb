package org.umlmanager.provision;

import java.io.IOException;
import java.util.List;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.LineKind;
import org.umlmanager.job.ProgressListener;

/**
 * Login prompts and shut-down behaviour of a systemd guest. systemd only starts a getty on tty1
 * by itself; UML's con0 is {@code /dev/console}, which needs {@code console-getty.service}.
 * mconsole {@code cad} triggers ctrl-alt-del.target, a reboot by default: we map it to
 * poweroff.target so that a graceful stop really stops the guest. getty-static.service is masked:
 * it would start gettys on tty2–6 whether or not those lines lead anywhere.
 */
final class SystemdConsoles {

    private static final String UNITS = "/lib/systemd/system/";
    private static final String LOCAL = "/etc/systemd/system/";
    private static final String WANTS = LOCAL + "getty.target.wants/";

    private SystemdConsoles() {
    }

    static void apply(GuestTree tree, GuestConfig config, ProgressListener listener) throws IOException {
        List<ConsoleLine> lines = config.loginLines();
        boolean autologin = config.rootPassword().isEmpty();
        // Debian enables getty@tty1 itself, and without dbus getty-static starts tty2-6: on lines
        // nobody can reach they only make noise. We enable exactly the lines that are reachable.
        tree.delete(WANTS + "getty@tty1.service");
        tree.symlink(LOCAL + "getty-static.service", "/dev/null");
        for (ConsoleLine line : lines) {
            int index = line.index().getAsInt();
            String unit;
            String template;
            String execStart;
            if (line.kind() == LineKind.CON && index == 0) {
                unit = "console-getty.service";
                template = unit;
                execStart = "-/sbin/agetty -o '-p -f -- \\\\u' --noclear --keep-baud --autologin root - 115200,38400,9600 $TERM";
            } else if (line.kind() == LineKind.CON) {
                unit = "getty@tty" + index + ".service";
                template = "getty@.service";
                execStart = "-/sbin/agetty -o '-p -f -- \\\\u' --noclear --autologin root - $TERM";
            } else {
                unit = "serial-getty@ttyS" + index + ".service";
                template = "serial-getty@.service";
                execStart = "-/sbin/agetty -o '-p -f -- \\\\u' --keep-baud --autologin root 115200,57600,38400,9600 - $TERM";
            }
            if (!tree.exists(UNITS + template)) {
                listener.log("systemd unit " + template + " not found in the guest: no login prompt on " + line.name());
                continue;
            }
            tree.symlink(WANTS + unit, UNITS + template);
            if (autologin) {
                tree.write(LOCAL + unit + ".d/autologin.conf", GuestSetup.MARKER + "\n[Service]\nExecStart=\nExecStart="
                        + execStart + "\n", "rw-r--r--");
            } else {
                tree.delete(LOCAL + unit + ".d/autologin.conf");
            }
            listener.log("Login prompt on " + line.name() + " (" + unit + (autologin ? ", root logs in automatically" : "")
                    + ")");
        }
        tree.symlink(LOCAL + "ctrl-alt-del.target", UNITS + "poweroff.target");
    }
}
