package org.umlmanager.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure every UML process a test started is gone afterwards, also when the test failed:
 * halt via mconsole when a halter is registered, then SIGTERM, then SIGKILL to the whole process
 * group (UML calls setsid, so its PID is its pgid and helper processes share it). Never by name.
 */
public final class GuestReaper implements AutoCloseable {

    /** Asks a guest to halt through its mconsole; registered by tests that have a client. */
    @FunctionalInterface
    public interface Halter {
        void halt(Path umidDir) throws Exception;
    }

    private record Guest(long pid, Optional<Path> umidDir) {
    }

    private final List<Guest> guests = new ArrayList<>();
    private Halter halter;

    public void setHalter(Halter halter) {
        this.halter = halter;
    }

    public synchronized void track(long pid, Path umidDir) {
        guests.add(new Guest(pid, Optional.ofNullable(umidDir)));
    }

    public synchronized void track(long pid) {
        guests.add(new Guest(pid, Optional.empty()));
    }

    @Override
    public synchronized void close() {
        for (Guest g : guests) {
            stop(g);
        }
        guests.clear();
    }

    private void stop(Guest g) {
        Optional<ProcessHandle> ph = ProcessHandle.of(g.pid);
        if (ph.isPresent() && ph.get().isAlive() && halter != null && g.umidDir.isPresent()) {
            try {
                halter.halt(g.umidDir.get());
                waitGone(g.pid, 5000);
            } catch (Exception ignored) {
                // fall through to signals
            }
        }
        if (alive(g.pid)) {
            signal("-TERM", g.pid);
            waitGone(g.pid, 3000);
        }
        // SIGKILL the process group: helpers of a killed UML stay in its group.
        signal("-KILL", -g.pid);
        waitGone(g.pid, 3000);
        g.umidDir.ifPresent(dir -> {
            try {
                BusyboxImage.deleteTree(dir);
            } catch (IOException ignored) {
                // best effort: a stale directory is harmless for unique umids
            }
        });
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                && !isZombie(pid);
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && stat.length() > close + 2 && stat.charAt(close + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static void signal(String sig, long target) {
        try {
            Process p = new ProcessBuilder("kill", sig, "--", Long.toString(target))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // nothing more we can do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitGone(long pid, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (alive(pid) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
