package org.umlmanager.launch.holder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.launch.Posix;

/**
 * Entry point of a holder process: {@code HolderMain SOCKET [--warm]}. Started detached (its own
 * session, output to {@code SOCKET}'s name with {@code .log}) by {@code HolderLauncher}; listens at
 * SOCKET for the one guest it will own. {@code --warm} first spawns a throw-away process so that
 * the real start is fast. The log is removed at a clean exit and kept when the guest crashed or
 * the holder failed.
 */
public final class HolderMain {

    private static final Logger LOG = LoggerFactory.getLogger(HolderMain.class);
    /** An idle holder nobody connects to within this time exits. */
    private static final Duration FIRST_CLIENT_WAIT = Duration.ofSeconds(30);

    private HolderMain() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            LOG.error("usage: HolderMain SOCKET [--warm]");
            System.exit(2);
        }
        Path socket = Path.of(args[0]);
        boolean warm = args.length > 1 && args[1].equals("--warm");
        int status = 0;
        boolean keepLog = true;
        try {
            if (!Posix.becomeSubreaper()) {
                LOG.warn("cannot become a child subreaper; orphaned helpers are left to init");
            }
            if (warm) {
                WarmUp.run(socket);
            }
            HolderServer server = new HolderServer(socket, new MconsoleGuestLink());
            server.run(FIRST_CLIENT_WAIT);
            keepLog = server.guestCrashed();
        } catch (Exception e) {
            LOG.error("holder failed", e);
            status = 1;
        }
        if (!keepLog) {
            String name = socket.getFileName().toString().replaceFirst("\\.sock$", "") + ".log";
            try {
                Files.deleteIfExists(socket.resolveSibling(name));
            } catch (IOException e) {
                LOG.debug("cannot remove the log: {}", e.getMessage());
            }
        }
        // Daemon threads and pty4j's reaper must not keep the process alive.
        System.exit(status);
    }
}
