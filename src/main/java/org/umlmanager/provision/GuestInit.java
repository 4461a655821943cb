package org.umlmanager.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The init system found in a guest tree; it decides how login prompts are configured. */
enum GuestInit {
    SYSTEMD, BUSYBOX, UNKNOWN;

    static GuestInit detect(GuestTree tree) throws IOException {
        Path init = tree.resolveFollowing("/sbin/init");
        if (!Files.exists(init)) {
            return UNKNOWN;
        }
        if (Files.isRegularFile(tree.resolveFollowing("/lib/systemd/systemd"))
                && init.getFileName().toString().equals("systemd")) {
            return SYSTEMD;
        }
        if (init.getFileName().toString().equals("busybox")) {
            return BUSYBOX;
        }
        return UNKNOWN;
    }
}
