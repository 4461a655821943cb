package org.umlmanager.mconsole;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.umlmanager.launch.KernelFaults;
import org.umlmanager.testing.BusyboxImage;
import org.umlmanager.testing.GuestReaper;
import org.umlmanager.testing.TestUmids;
import org.umlmanager.testing.UmlKernel;

/**
 * A busybox guest started directly with ProcessBuilder for the mconsole tests (they must not
 * depend on the launcher): its own short temp dir holding the image, uml_dir and the notify
 * socket; console 0 on the process's stdin/stdout; always reaped (mconsole halt, then signals to
 * the process group) and its directory deleted on {@link #close()}.
 */
final class TestGuest implements AutoCloseable {

    /** An init that writes to /proc/mconsole at boot and prints a tick every 0.2 s. */
    static final String TICKING_INIT = """
            #!/bin/sh
            mount -t proc proc /proc
            mount -t sysfs sys /sys
            mount -t tmpfs tmp /tmp
            echo boot-notify > /proc/mconsole
            echo %s
            (i=0; while true; do echo "TICK $i"; i=$((i+1)); sleep 0.2; done) &
            while true; do /bin/sh; done
            """.formatted(BusyboxImage.READY_MARKER);

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);
    /** Silence before the kernel's banner that counts as its hang (docs/KERNEL.md §7.3); it prints it at once. */
    static final Duration HANG = Duration.ofSeconds(30);

    final Path dir;
    final Path image;
    final String umid;
    final Path umlDir;
    final Path socket;
    final List<NotifyEvent> events = new CopyOnWriteArrayList<>();
    private final StringBuffer console = new StringBuffer();
    private final GuestReaper reaper = new GuestReaper();
    private NotifyListener notify;
    private Process process;
    private Thread pump;

    private TestGuest(Path dir, String umid) {
        this.dir = dir;
        this.umid = umid;
        this.image = dir.resolve("root.img");
        this.umlDir = dir.resolve("u");
        this.socket = umlDir.resolve(umid).resolve("mconsole");
    }

    /**
     * Boots a guest; when the kernel's own early-boot fault ends that boot or it hangs before its
     * banner (docs/KERNEL.md §7.1, §7.3), once more, as the supervisor does.
     */
    static TestGuest boot(String init) throws Exception {
        Path kernel = UmlKernel.require();
        for (int attempt = 1; ; attempt++) {
            TestGuest g = new TestGuest(Files.createTempDirectory(Path.of("/tmp"), "um"), TestUmids.next("mc"));
            try {
                g.start(kernel, init);
                return g;
            } catch (Exception | AssertionError e) {
                boolean fault = KernelFaults.earlyBootFault(g.console()) || KernelFaults.beforeBanner(g.console());
                g.close();
                if (!fault || attempt == 2) {
                    throw e;
                }
            }
        }
    }

    private void start(Path kernel, String init) throws Exception {
        BusyboxImage.build(image, 16, init);
        Path notifySocket = dir.resolve("notify");
        notify = NotifyListener.bind(notifySocket, events::add);
        reaper.setHalter(umidDir -> {
            try (MconsoleClient c = new MconsoleClient(MconsoleAddress.ofSocket(umidDir.resolve("mconsole")),
                    Duration.ofSeconds(2))) {
                c.halt();
            }
        });
        ProcessBuilder pb = new ProcessBuilder(kernel.toString(), "umid=" + umid, "uml_dir=" + umlDir, "mem=64M",
                "ubd0=" + image, "con=null", "con0=fd:0,fd:1", "mconsole=notify:" + notifySocket)
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("HOME", dir.toString());
        process = pb.start();
        reaper.track(process.pid(), umlDir.resolve(umid));
        pump = new Thread(this::pumpConsole, "test-guest-console");
        pump.setDaemon(true);
        pump.start();
        if (awaitEventOrHang(e -> e instanceof NotifyEvent.SocketReady, 0, 0, BOOT_TIMEOUT) < 0) {
            throw new AssertionError("the kernel hung before its banner; console tail:\n" + tail());
        }
        awaitConsole(BusyboxImage.READY_MARKER, 0, BOOT_TIMEOUT);
    }

    private void pumpConsole() {
        byte[] buf = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                console.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Waits, at most {@code timeout}, until the console has been read to its end (after the kernel exited). */
    void awaitConsoleEnd(Duration timeout) throws InterruptedException {
        pump.join(timeout.toMillis());
    }

    Process process() {
        return process;
    }

    MconsoleAddress address() {
        return MconsoleAddress.ofSocket(socket);
    }

    String console() {
        return console.toString();
    }

    int consoleLength() {
        return console.length();
    }

    /** Waits for {@code needle} to appear on the console after {@code from}; returns its index. */
    int awaitConsole(String needle, int from, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int i = console.indexOf(needle, from);
            if (i >= 0) {
                return i;
            }
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("'" + needle + "' did not appear on the console within " + timeout
                        + (process.isAlive() ? "" : " (the guest exited)") + "; console tail:\n" + tail());
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits for an event matching {@code p} at index {@code from} or later and returns its index,
     * or -1 once the boot whose output began at {@code consoleFrom} has hung before the kernel's
     * banner: it printed no banner and nothing at all for {@link #HANG} (docs/KERNEL.md §7.3).
     */
    int awaitEventOrHang(Predicate<NotifyEvent> p, int from, int consoleFrom, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int printed = console.length();
        long quietSince = System.nanoTime();
        while (true) {
            int found = indexOf(p, from);
            if (found >= 0) {
                return found;
            }
            if (console.length() != printed) {
                printed = console.length();
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > HANG.toNanos()
                    && KernelFaults.beforeBanner(console.substring(consoleFrom))) {
                return -1;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching notify event within " + timeout + "; got " + events
                        + "; console tail:\n" + tail());
            }
            Thread.sleep(20);
        }
    }

    private int indexOf(Predicate<NotifyEvent> p, int from) {
        for (int i = from; i < events.size(); i++) {
            if (p.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Waits for an event matching {@code p} at index {@code from} or later; returns its index. */
    int awaitEvent(Predicate<NotifyEvent> p, int from, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int found = indexOf(p, from);
            if (found >= 0) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching notify event within " + timeout + "; got " + events
                        + "; console tail:\n" + tail());
            }
            Thread.sleep(20);
        }
    }

    /** Types a line on console 0 (the guest's shell reads the process's stdin). */
    void type(String line) throws IOException {
        OutputStream out = process.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** What {@code uml_mconsole SOCKET COMMAND…} prints on stdout (its warnings go to stderr). */
    String umlMconsole(String... command) throws Exception {
        Path tool = UmlKernel.requireTool("uml_mconsole", "apt-get install uml-utilities");
        List<String> argv = new ArrayList<>(List.of(tool.toString(), socket.toString()));
        argv.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("uml_mconsole " + argv + " hung");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    String tail() {
        String c = console();
        return c.substring(Math.max(0, c.length() - 2000));
    }

    @Override
    public void close() throws Exception {
        try {
            reaper.close();
            if (process != null && !process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            if (pump != null) {
                pump.join(2000);
            }
        } finally {
            if (notify != null) {
                notify.close();
            }
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
