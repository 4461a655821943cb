package org.umlmanager.provision;

import java.io.IOException;
import java.util.List;
import org.umlmanager.job.ProgressListener;

/**
 * Installs {@link BootScript}s into a guest tree, and for systemd the unit that runs each one
 * (busybox's rcS and inittab run the whole directory already, see {@link BusyboxInit}).
 */
final class BootScripts {

    private static final String LOCAL = "/etc/systemd/system/";

    private BootScripts() {
    }

    static void install(GuestTree tree, List<BootScript> scripts, GuestInit init, ProgressListener listener)
            throws IOException {
        for (BootScript s : scripts) {
            tree.write(s.guestPath(), s.script(), "rwxr-xr-x");
            switch (init) {
                case SYSTEMD -> {
                    tree.write(LOCAL + s.unitName(), unit(s), "rw-r--r--");
                    tree.symlink(LOCAL + "multi-user.target.wants/" + s.unitName(), LOCAL + s.unitName());
                    listener.log("Boot script " + s.guestPath() + " (systemd unit " + s.unitName() + ")");
                }
                case BUSYBOX -> listener.log("Boot script " + s.guestPath() + " (run by /etc/init.d/rcS)");
                case UNKNOWN -> listener.log("Boot script " + s.guestPath() + " installed, but no systemd or busybox"
                        + " init runs it");
            }
        }
    }

    static String unit(BootScript s) {
        return GuestSetup.MARKER + "\n"
                + "[Unit]\n"
                + "Description=UML Manager boot script " + s.name() + "\n"
                + "After=local-fs.target network.target\n"
                + "Wants=network.target\n"
                + "\n"
                + "[Service]\n"
                + "Type=oneshot\n"
                + "RemainAfterExit=yes\n"
                + "ExecStart=" + s.guestPath() + " start\n"
                + "ExecStop=" + s.guestPath() + " stop\n"
                + "StandardOutput=journal+console\n"
                + "StandardError=journal+console\n"
                + "TimeoutStartSec=infinity\n"
                + "\n"
                + "[Install]\n"
                + "WantedBy=multi-user.target\n";
    }
}
