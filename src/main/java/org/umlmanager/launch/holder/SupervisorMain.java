package org.umlmanager.launch.holder;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.host.PrivateDirectory;
import org.umlmanager.launch.Posix;
import org.umlmanager.launch.SupervisorFiles;

/**
 * Entry point of the supervisor process: {@code SupervisorMain DIR SESSIONS}. Started detached by
 * {@code SupervisorLauncher} (its own session, output appended to {@code DIR/supervisor.log});
 * holds {@code DIR/supervisor.lock} for its whole life, so that there is never more than one per
 * directory, and serves at {@code DIR/supervisor.sock}. It warms up in the background (a pty
 * spawn, a notify bind, an mconsole request), so that even its first guest starts fast.
 */
public final class SupervisorMain {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisorMain.class);
    /** How long a supervisor without guests, children or clients stays, for the next client. */
    public static final String IDLE_PROPERTY = "umlmanager.supervisor.idle";
    private static final Duration DEFAULT_IDLE = Duration.ofSeconds(10);
    /** A predecessor that is going away holds the lock a moment longer. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    private SupervisorMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            LOG.error("usage: SupervisorMain DIR SESSIONS");
            System.exit(2);
        }
        SupervisorFiles files = new SupervisorFiles(Path.of(args[0]));
        int status = 0;
        try (FileChannel lockFile = FileChannel.open(PrivateDirectory.createFile(files.lock()),
                StandardOpenOption.WRITE)) {
            FileLock lock = await(lockFile);
            if (lock == null) {
                LOG.error("another supervisor holds {}; exiting", files.lock());
                System.exit(3);
            }
            if (!Posix.becomeSubreaper()) {
                LOG.warn("cannot become a child subreaper; orphaned helpers are left to init");
            }
            Thread warm = new Thread(() -> warmUp(files), "warm-up");
            warm.setDaemon(true);
            warm.start();
            Duration idle = Duration.parse(System.getProperty(IDLE_PROPERTY, DEFAULT_IDLE.toString()));
            new Supervisor(files, Path.of(args[1]), MconsoleGuestLink::new, idle).run();
        } catch (Exception e) {
            LOG.error("supervisor failed", e);
            status = 1;
        }
        // Guests' threads are daemons, and pty4j's reapers must not keep the process alive.
        System.exit(status);
    }

    private static FileLock await(FileChannel channel) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null || System.nanoTime() > deadline) {
                return lock;
            }
            Thread.sleep(50);
        }
    }

    private static void warmUp(SupervisorFiles files) {
        try {
            PrivateDirectory.ensure(files.directory());
            WarmUp.run(files.directory().resolve("warm-" + ProcessHandle.current().pid()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("warm-up failed (the first start is slower): {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
