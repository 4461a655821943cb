package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.launch.ConsoleWatcher;
import org.umlmanager.launch.GuestEvent;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.launch.SessionPaths;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.mconsole.NotifyCodec;
import org.umlmanager.mconsole.NotifyEvent;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.service.GuestStatus;
import org.umlmanager.service.RuntimeService;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.SecondUser;
import org.umlmanager.testing.UmlKernel;

/**
 * A machine made with {@code create} and started with {@code start}, as a user would, then
 * attacked as issue 12's drills did: from inside the guest through hostfs, from another process
 * of the user through the notify socket, and from another local user. With a real kernel.
 */
class CreatedMachineHardeningTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @Test
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    void aCreatedMachineReachesNoHostFileAndNobodyElseReachesIt() throws Exception {
        Path kernel = UmlKernel.require();
        ExecutorService events = Executors.newSingleThreadExecutor();
        try (GuestFixture f = GuestFixture.create()) {
            Path home = f.dir();
            // A home made with the usual umask: nothing of ours may depend on its mode.
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
            String secret = "host-secret-" + UUID.randomUUID();
            Files.writeString(home.resolve("host-secret.txt"), secret);

            CliRun created = CliRun.run(home, "create", "vm", "--rootfs", "busybox", "--no-modules", "--kernel",
                    kernel.toString());
            assertThat(created.status()).as(created.err()).isZero();
            InstanceStore store = new InstanceStore(f.paths().instancesDir());
            assertThat(store.load("vm").hostfs()).contains(HostfsShare.off());
            assertThat(CliRun.run(home, "cmdline", "vm").out()).contains(" hostfs=/dev/null");

            CliRun started = CliRun.run(home, "start", "vm");
            f.trackSession("vm");
            assertThat(started.status()).as(started.err()).isZero();

            BlockingQueue<GuestEvent> seen = new LinkedBlockingQueue<>();
            try (RuntimeService runtime = new RuntimeService(f.layout(),
                    SupervisorLauncher.forThisJvm(f.layout()), () -> instances(store),
                    Runnable::run, events)) {
                runtime.addListener(seen::add);
                GuestStatus running = runtime.whenRunning("vm").get(WAIT.toSeconds(), TimeUnit.SECONDS);
                try (ConsoleStream con0 = runtime.openConsole("vm", "con0").get(10, TimeUnit.SECONDS);
                     ConsoleWatcher console = new ConsoleWatcher(con0.input())) {
                    int at = console.await("vm:", WAIT);

                    // 1. From inside: hostfs reaches nothing, '..' included, and nothing is written.
                    at = type(con0, console, at, "for p in / /.. /../../../.. " + home + "; do mount -t hostfs none"
                            + " /mnt -o \"$p\" && { cat /mnt/host-secret.txt /mnt" + home + "/host-secret.txt;"
                            + " touch /mnt/pwned; umount /mnt; }; echo \"mount-$p=$?\"; done; echo loop-$((40+2))",
                            "loop-42");
                    String escape = console.text();
                    assertThat(escape).doesNotContain(secret).contains("Not a directory")
                            .containsPattern("mount-/\\.\\.=[1-9]").doesNotContainPattern("mount-\\S+=0\\b");
                    assertThat(home.resolve("pwned")).doesNotExist();

                    // 2. Everything it keeps is the user's alone, while it runs.
                    List<String> exposed = exposed(home);
                    assertThat(exposed).as("group/other permissions under %s", home).isEmpty();
                    assertThat(f.paths().logsDir().resolve("vm/con0.log")).exists();
                    SessionPaths session = SessionPaths.of(f.layout().sessionsDir(), "vm");
                    assertThat(session.sessionFile()).exists();
                    assertThat(session.notifySocket()).exists();
                    assertThat(running.mconsoleSocket().orElseThrow()).exists();

                    // 3. Another process of the user plays the kernel: a panic, a new mconsole socket. Ignored.
                    Path elsewhere = home.resolve("elsewhere/mconsole");
                    for (NotifyEvent fake : List.of(new NotifyEvent.Panic("spoofed by a local process"),
                            new NotifyEvent.SocketReady(elsewhere))) {
                        SecondUser.Result sent = SecondUser.sendDatagramAsMe(session.notifySocket().toString(),
                                bytes(NotifyCodec.encode(fake)));
                        assertThat(sent.output()).as(sent.output()).contains("sent");
                    }
                    // The kernel's own message comes after them on the same socket: once it is here, they were handled.
                    type(con0, console, at, "echo kernel-says-hi > /proc/mconsole; echo noted-$((6*7))", "noted-42");
                    GuestEvent.GuestNotice notice = awaitNotice(seen);
                    assertThat(notice.text()).isEqualTo("kernel-says-hi\n");
                    GuestStatus after = runtime.status("vm").get(10, TimeUnit.SECONDS);
                    assertThat(after.state()).isEqualTo(InstanceState.RUNNING);
                    assertThat(after.mconsoleSocket()).isEqualTo(running.mconsoleSocket());
                }
            }

            // 4. Another local user cannot send it a notification, read its console log or list its sessions.
            SecondUser.Result spoof = SecondUser.sendDatagram(SessionPaths.of(f.layout().sessionsDir(), "vm")
                    .notifySocket().toString(), bytes(NotifyCodec.encode(new NotifyEvent.Panic("spoofed by a user"))));
            assertThat(spoof.status()).isNotZero();
            assertThat(spoof.output()).contains("Permission denied");
            SecondUser.Result log = SecondUser.run("cat", f.paths().logsDir().resolve("vm/con0.log").toString());
            assertThat(log.status()).isNotZero();
            assertThat(log.output()).contains("Permission denied");
            assertThat(SecondUser.run("ls", f.layout().sessionsDir().toString()).status()).isNotZero();

            CliRun stopped = CliRun.run(home, "stop", "vm");
            assertThat(stopped.status()).as(stopped.err()).isZero();
            CliRun status = CliRun.run(home, "status", "vm");
            assertThat(status.out()).startsWith("vm: stopped").doesNotContain("crashed", "spoofed");
        } finally {
            events.shutdownNow();
        }
    }

    /**
     * The control for the test above: once the user shares a folder, the same guest reads it, and
     * (as DESIGN.md says) its root leaves it with '..': sharing is trust, not confinement.
     */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aSharedFolderIsReachedAndIsNoWall() throws Exception {
        Path kernel = UmlKernel.require();
        try (GuestFixture f = GuestFixture.create()) {
            Path home = f.dir();
            Path share = Files.createDirectory(home.resolve("share"));
            Files.writeString(share.resolve("shared.txt"), "shared-" + 42);
            String secret = "host-secret-" + UUID.randomUUID();
            Files.writeString(home.resolve("host-secret.txt"), secret);
            assertThat(CliRun.run(home, "create", "vm", "--rootfs", "busybox", "--no-modules", "--kernel",
                    kernel.toString()).status()).isZero();
            InstanceStore store = new InstanceStore(f.paths().instancesDir());
            store.update(store.load("vm").toBuilder().hostfs(HostfsShare.folder(share.toString())).build());

            assertThat(CliRun.run(home, "start", "vm").status()).isZero();
            f.trackSession("vm");
            ExecutorService events = Executors.newSingleThreadExecutor();
            try (RuntimeService runtime = new RuntimeService(f.layout(),
                    SupervisorLauncher.forThisJvm(f.layout()), () -> instances(store),
                    Runnable::run, events)) {
                runtime.whenRunning("vm").get(WAIT.toSeconds(), TimeUnit.SECONDS);
                try (ConsoleStream con0 = runtime.openConsole("vm", "con0").get(10, TimeUnit.SECONDS);
                     ConsoleWatcher console = new ConsoleWatcher(con0.input())) {
                    int at = console.await("vm:", WAIT);
                    at = type(con0, console, at, "mount -t hostfs none /mnt -o / && cat /mnt/shared.txt;"
                            + " echo; umount /mnt; echo step-$((1+1))", "step-2");
                    assertThat(console.text()).contains("shared-42");
                    type(con0, console, at, "mount -t hostfs none /mnt -o /.. && cat /mnt/host-secret.txt;"
                            + " echo; umount /mnt; echo step-$((2+1))", "step-3");
                    assertThat(console.text()).contains(secret);
                }
                runtime.stop("vm", org.umlmanager.launch.StopMode.FORCE, s -> { }).get(60, TimeUnit.SECONDS);
            } finally {
                events.shutdownNow();
            }
        }
    }

    /** Types {@code command} and waits for {@code done}, which the shell computes: the echo of the typing never has it. */
    private static int type(ConsoleStream con0, ConsoleWatcher console, int from, String command, String done)
            throws Exception {
        con0.output().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        con0.output().flush();
        return console.await(done, from, WAIT);
    }

    private static GuestEvent.GuestNotice awaitNotice(BlockingQueue<GuestEvent> seen) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            GuestEvent e = seen.poll(1, TimeUnit.SECONDS);
            if (e instanceof GuestEvent.GuestNotice n) {
                return n;
            }
        }
        throw new AssertionError("no notice from the guest's kernel within " + WAIT);
    }

    /** Every file or directory UML Manager made under {@code home} that its group or others can use. */
    private static List<String> exposed(Path home) throws Exception {
        List<String> found = new ArrayList<>();
        for (String top : List.of("config", "data", "run", "cache")) {
            Path root = home.resolve(top);
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.toList()) {
                    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                    if (mode.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                        found.add(PosixFilePermissions.toString(mode) + " " + p);
                    }
                }
            }
        }
        return found;
    }

    private static List<Instance> instances(InstanceStore store) {
        try {
            return store.loadAll().instances();
        } catch (org.umlmanager.storage.StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
