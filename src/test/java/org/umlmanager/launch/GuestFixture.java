package org.umlmanager.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.umlmanager.mconsole.MconsoleAddress;
import org.umlmanager.mconsole.MconsoleClient;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.MemorySize;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.testing.GuestReaper;
import org.umlmanager.testing.TestUmids;
import org.umlmanager.testing.UmlKernel;

/**
 * A short temporary directory with a busybox image and a runtime layout under it, plus the
 * bookkeeping that stops every supervisor and guest a test started, also when it failed: the guest
 * through {@link GuestReaper} (mconsole halt, then signals to its process group), then the
 * supervisor by SIGKILL; then the directory goes.
 *
 * <p>While a fixture is open the test JVM is a child subreaper, so that supervisors started by CLI
 * processes of the test (detached: they are nobody's children) and guests whose supervisor was
 * killed become its children instead of init's, and {@link #close()} collects every tracked one: no
 * zombie is left behind, even where init does not reap. (Only while one is open: other tests
 * count this JVM's descendants, and orphans of theirs would stay here as zombies.)
 */
public final class GuestFixture implements AutoCloseable {

    /** Open fixtures; the JVM is a subreaper while there is one. */
    private static int open;

    private final Path dir;
    private final Path kernel;
    private final Path image;
    private final AppPaths paths;
    private final RuntimeLayout layout;
    private final GuestReaper reaper = new GuestReaper();
    private final List<Long> holders = new ArrayList<>();
    private final List<Long> collectable = new ArrayList<>();

    private GuestFixture(Path dir, Path kernel, Path image) {
        synchronized (GuestFixture.class) {
            if (open++ == 0) {
                subreaper(true);
            }
        }
        this.dir = dir;
        this.kernel = kernel;
        this.image = image;
        this.paths = AppPaths.under(dir);
        this.layout = new RuntimeLayout(paths.sessionsDir(), paths.runtime().resolve("supervisor"), paths.logsDir(),
                paths.runtime().resolve("uml"), dir);
        reaper.setHalter(umidDir -> {
            try (MconsoleClient c = new MconsoleClient(MconsoleAddress.ofSocket(umidDir.resolve("mconsole")),
                    Duration.ofSeconds(2))) {
                c.halt();
            }
        });
    }

    /** A fixture with the default busybox init; needs the kernel (skips or fails without it). */
    public static GuestFixture create() throws IOException, InterruptedException {
        return create(BusyboxImage.DEFAULT_INIT);
    }

    public static GuestFixture create(String init) throws IOException, InterruptedException {
        Path kernel = UmlKernel.require();
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "um");
        Path image = BusyboxImage.build(dir.resolve("root.img"), 24, init);
        return new GuestFixture(dir, kernel, image);
    }

    public Path dir() {
        return dir;
    }

    public Path image() {
        return image;
    }

    public AppPaths paths() {
        return paths;
    }

    public RuntimeLayout layout() {
        return layout;
    }

    /**
     * An instance booting the shared image through a COW file of its own (so that several guests
     * can run at once), with con0 embedded and all other consoles off.
     */
    public Instance.Builder instance(String name) {
        return Instance.builder(name).umid(TestUmids.next(name)).kernel(kernel.toString())
                .memory(MemorySize.ofMebibytes(64)).root("/dev/ubda")
                .disk(Disk.cow(0, dir.resolve(name + ".cow").toString(), image.toString()))
                .console(ConsoleLine.allOf(LineKind.CON, LineSpec.of(ConsoleChannel.NULL)))
                .console(ConsoleLine.con(0, LineSpec.of(ConsoleChannel.EMBEDDED)));
    }

    /** Registers a started guest and the supervisor holding it for cleanup. */
    public void track(GuestSnapshot snapshot, Path umlDir) {
        trackHolder(snapshot.holderPid());
        snapshot.umlPid().ifPresent(pid -> {
            reaper.track(pid, umlDir.resolve(snapshot.umid()));
            synchronized (holders) {
                collectable.add(pid);
            }
        });
    }

    /** Registers the guest and supervisor recorded in {@code name}'s session file for cleanup. */
    public void trackSession(String name) {
        SessionFile.read(SessionPaths.of(layout.sessionsDir(), name).sessionFile())
                .ifPresent(r -> track(r.snapshot(), r.umlDir()));
    }

    /** Registers a guest the test started itself, outside any holder. */
    public void trackOutside(long pid, Path umidDir) {
        reaper.track(pid, umidDir);
        synchronized (holders) {
            collectable.add(pid);
        }
    }

    /** Registers a supervisor process for cleanup. */
    public void trackHolder(long pid) {
        synchronized (holders) {
            holders.add(pid);
            collectable.add(pid);
        }
    }

    /**
     * Makes the test JVM a child subreaper until the result is closed (counted with the open
     * fixtures), for tests that orphan processes without a fixture of their own: network keepers.
     */
    public static AutoCloseable subreaperScope() {
        synchronized (GuestFixture.class) {
            if (open++ == 0) {
                subreaper(true);
            }
        }
        return () -> {
            synchronized (GuestFixture.class) {
                if (--open == 0) {
                    subreaper(false);
                }
            }
        };
    }

    /**
     * Waits (up to 5 s) for {@code pid} to end and collects it if it became this JVM's child.
     *
     * @throws IllegalStateException if it did not end or is left a zombie
     */
    public static void collectOrphan(long pid) {
        collect(pid);
    }

    private static void subreaper(boolean on) {
        Posix.libc().prctl(Posix.PR_SET_CHILD_SUBREAPER, on ? 1 : 0, 0, 0, 0);
    }

    /**
     * Waits (up to 5 s) for {@code pid} to end and collects it once it is this JVM's child (as a
     * subreaper, it inherits whatever the test's processes orphaned).
     *
     * @throws IllegalStateException if it is still a zombie: nobody will ever collect it
     */
    private static void collect(long pid) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Files.exists(Path.of("/proc", Long.toString(pid)))) {
            if (!Posix.alive(pid) && Posix.reap(pid)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("process " + pid + " did not end or is left a zombie of "
                        + ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            closeGuests();
        } finally {
            synchronized (GuestFixture.class) {
                if (--open == 0) {
                    subreaper(false);
                }
            }
        }
    }

    private void closeGuests() throws IOException {
        reaper.close();
        List<String> left = new ArrayList<>();
        synchronized (holders) {
            for (long pid : holders) {
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
            }
            for (long pid : collectable) {
                try {
                    collect(pid);
                } catch (IllegalStateException e) {
                    left.add(e.getMessage());
                }
            }
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException(String.join("; ", left));
        }
    }
}
