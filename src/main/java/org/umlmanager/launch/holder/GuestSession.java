package org.umlmanager.launch.holder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.host.PrivateDirectory;
import org.umlmanager.launch.ConsoleLogs;
import org.umlmanager.launch.GuestEvent;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.launch.LaunchSpec;
import org.umlmanager.launch.LineInfo;
import org.umlmanager.launch.SessionRecord;
import org.umlmanager.launch.StopMode;
import org.umlmanager.launch.StopStep;
import org.umlmanager.model.InstanceState;

/**
 * One guest inside the supervisor: spawns UML on a pty (or takes over one a killed supervisor
 * left running), reads every line, follows the kernel's notify messages and exit, and runs the
 * state machine. Thread-safe; its threads are its own, shared with no other guest: the pty reader,
 * one reader per connected pts, the log writer, the notify listener, the process waiter, one
 * mconsole worker (one request in flight) and a timer.
 */
final class GuestSession {

    private static final Logger LOG = LoggerFactory.getLogger(GuestSession.class);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PTS_POLL = Duration.ofMillis(500);
    private static final Duration KICK_POLL = Duration.ofMillis(100);
    private static final Duration USERSPACE_POLL = Duration.ofMillis(50);
    /** What a taken-over guest's pty line says after its history (see {@link #adopt}). */
    private static final byte[] LOST_NOTICE = ("\r\n[uml-manager: the supervisor that held this console was killed,"
            + " and with it the terminal this line wrote to; no program can open that terminal again. The guest"
            + " runs on, and its other lines come back when it opens them again (a getty does); to get this one"
            + " back, stop the guest and start it again.]\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final LaunchSpec spec;
    private final GuestLink link;
    private final GuestStateMachine machine;
    private final LogAppender log = new LogAppender(ConsoleLogs.maxBytes());
    private final Map<String, OutputLine> lines = new LinkedHashMap<>();
    private final KernelLogScanner scanner = new KernelLogScanner(this::seen);
    private final ExecutorService commands = Executors.newSingleThreadExecutor(daemon("mconsole"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("timer"));
    private final StallKick kick = new StallKick(this::kickConsoles);
    private final PtsLines pts;
    private final ResizeGate resizes = new ResizeGate();
    private final CompletableFuture<GuestSnapshot> ended = new CompletableFuture<>();
    /**
     * The kernel's pid once spawned, or once taken over (from its session file): the only sender
     * whose notify messages count.
     */
    private final CompletableFuture<Long> kernelPid = new CompletableFuture<>();
    private volatile KernelProcess process;
    private volatile Thread ptyReader;
    private volatile boolean notifyBound;
    private volatile Optional<String> panic = Optional.empty();
    private volatile CompletableFuture<Void> nextBoot = new CompletableFuture<>();
    private volatile StopSequence stopSequence;
    /** What the kernel printed when it failed its early boot in this boot, if it did ({@link #retryAfterBootFault}). */
    private volatile Optional<String> bootFault = Optional.empty();
    private boolean retried;

    GuestSession(LaunchSpec spec, long supervisorPid, GuestLink link, Consumer<GuestEvent> publisher) {
        this.spec = spec;
        this.link = link;
        List<LineInfo> infos = new java.util.ArrayList<>();
        OutputLine ptyLine = new OutputLine(spec.ptyLineName(), LineInfo.Transport.PTY,
                ConsoleLogs.current(spec.logDirectory(), spec.ptyLineName()), log);
        lines.put(ptyLine.name(), ptyLine);
        infos.add(new LineInfo(ptyLine.name(), LineInfo.Transport.PTY, Optional.empty(), false));
        for (String name : spec.ptsLines()) {
            lines.put(name, new OutputLine(name, LineInfo.Transport.PTS, ConsoleLogs.current(spec.logDirectory(), name),
                    log));
            infos.add(new LineInfo(name, LineInfo.Transport.PTS, Optional.empty(), false));
        }
        GuestSnapshot initial = new GuestSnapshot(spec.name(), spec.umid(), InstanceState.STOPPED, "",
                OptionalInt.empty(), OptionalLong.empty(), supervisorPid, Optional.empty(), 0, infos, Instant.now());
        this.machine = new GuestStateMachine(initial, publisher);
        this.pts = new PtsLines(this);
    }

    LaunchSpec spec() {
        return spec;
    }

    GuestSnapshot snapshot() {
        return machine.current();
    }

    Optional<OutputLine> line(String name) {
        return Optional.ofNullable(lines.get(name));
    }

    /** Completes with the final snapshot once the process has ended and everything is recorded. */
    CompletableFuture<GuestSnapshot> ended() {
        return ended;
    }

    /** Binds the notify socket and spawns the kernel; the guest is STARTING when this returns. */
    GuestSnapshot start() throws IOException {
        PrivateDirectory.ensure(spec.logDirectory());
        if (!Files.exists(spec.umlDir())) {
            // The kernel would make it with the umask's mode; its umid directories hold the mconsole socket.
            PrivateDirectory.ensure(spec.umlDir());
        }
        listenForNotifications();
        UmlProcess p;
        try {
            p = UmlProcess.spawn(spec);
        } catch (IOException | RuntimeException e) {
            kernelPid.completeExceptionally(e);
            shutDown();
            throw e;
        }
        kernelPid.complete(p.pid());
        connect(p);
        machine.transition(InstanceState.STARTING, "");
        startReading(p);
        watch(p);
        LOG.info("started {} (umid {}) as pid {}: {}", spec.name(), spec.umid(), p.pid(), spec.argv());
        return machine.current();
    }

    /**
     * Takes over the running guest {@code record} describes, whose supervisor was killed. Its kernel
     * runs on and keeps its notify socket's path, which is bound again here, so states and panic
     * texts come as before. Its pts lines hung up when their reader died (the kernel closes a pts
     * whose other end is closed, and the guest sees a hang-up); they are found again through
     * mconsole once the guest opens them again, as a getty does, as at every boot. The pty its main
     * line wrote to closed with the supervisor that held it, and no other process can open that pty
     * again: the line keeps its scrollback (from its log) and says that it was lost.
     *
     * @return false if the recorded kernel does not run any more
     */
    boolean adopt(SessionRecord record) {
        GuestSnapshot was = record.snapshot();
        AdoptedKernel kernel = was.umlPid().isEmpty() ? null
                : AdoptedKernel.find(was.umlPid().getAsLong(), spec.umid(), timer);
        if (kernel == null) {
            shutDown();
            return false;
        }
        process = kernel;
        kernelPid.complete(kernel.pid());
        listenForNotifications();
        for (OutputLine line : lines.values()) {
            line.restore(ConsoleLogs.tail(spec.logDirectory(), line.name(), OutputLine.SCROLLBACK_BYTES));
        }
        String lost = spec.ptyLineName() + " was lost with the supervisor that held it";
        machine.update(s -> new GuestSnapshot(s.name(), s.umid(), was.state(), lost, OptionalInt.empty(),
                was.umlPid(), s.holderPid(), was.mconsoleSocket(), was.boots(), s.lines(), was.since()));
        lines.get(spec.ptyLineName()).publish(LOST_NOTICE, LOST_NOTICE.length);
        resizes.release(this::applyResize);
        watch(kernel);
        LOG.info("took over {} (umid {}, pid {}, {}): {}", spec.name(), spec.umid(), kernel.pid(),
                was.state(), lost);
        return true;
    }

    private void listenForNotifications() {
        try {
            Files.deleteIfExists(spec.session().notifySocket());
            link.listen(spec.session().notifySocket(), kernelPid, this::notified);
            notifyBound = true;
        } catch (IOException e) {
            LOG.warn("{}: notify socket unavailable ({}); readiness comes from the kernel log", spec.name(),
                    e.getMessage());
        }
    }

    /** Makes {@code p} the session's kernel: its pty becomes the main line's device, its pid the snapshot's. */
    private void connect(UmlProcess p) {
        process = p;
        OutputLine ptyLine = lines.get(spec.ptyLineName());
        ptyLine.connect(new PtyDevice(p), Optional.empty());
        machine.update(s -> s.withUmlPid(p.pid()).withLine(ptyLine.info()));
    }

    /** Reads {@code p}'s pty into the main line, on a thread of its own. */
    private void startReading(UmlProcess p) {
        OutputLine ptyLine = lines.get(spec.ptyLineName());
        ptyReader = new Thread(() -> readPty(p, ptyLine), "pty-reader");
        ptyReader.setDaemon(true);
        ptyReader.start();
    }

    private void watch(KernelProcess p) {
        p.exit().thenAcceptAsync(this::exited, daemonExecutor("exit"));
        timer.scheduleWithFixedDelay(pts::poll, PTS_POLL.toMillis(), PTS_POLL.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(kick::check, KICK_POLL.toMillis(), KICK_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void readPty(UmlProcess p, OutputLine line) {
        byte[] buffer = new byte[16 * 1024];
        try {
            int n;
            while ((n = p.output().read(buffer)) > 0) {
                kick.noteRead(n);
                line.publish(buffer, n);
                scanner.feed(buffer, n);
            }
        } catch (IOException e) {
            LOG.debug("pty closed: {}", e.getMessage());
        }
    }

    private void notified(GuestLink.Notification n) {
        switch (n.kind()) {
            case SOCKET -> booted(n.text());
            case PANIC -> panic = Optional.of(n.text().strip());
            case USER -> machine.publish(new GuestEvent.GuestNotice(spec.name(), n.text()));
        }
    }

    private void seen(KernelLogScanner.Sighting sighting) {
        if (sighting instanceof KernelLogScanner.Sighting.MconsoleReady ready && !notifyBound) {
            booted(ready.socket());
        } else if (sighting instanceof KernelLogScanner.Sighting.PtsAssigned assigned) {
            pts.assigned(assigned.line(), assigned.device());
        } else if (sighting instanceof KernelLogScanner.Sighting.Restarting) {
            resizes.hold();
        } else if (sighting instanceof KernelLogScanner.Sighting.EarlyBootFault fault) {
            bootFault = Optional.of(fault.line());
        }
    }

    /** The kernel's mconsole is up: the first time the guest is RUNNING, later it rebooted from inside. */
    private void booted(String socket) {
        restrictUmidDirectory(Path.of(socket));
        GuestSnapshot s = machine.update(snap -> snap.withBoot(socket));
        if (s.boots() == 1) {
            machine.transition(EnumSet.of(InstanceState.STARTING), InstanceState.RUNNING, "");
        } else {
            machine.publish(new GuestEvent.Rebooted(s));
        }
        timer.execute(() -> releaseResizesOnceUserspaceRuns(s.boots()));
        CompletableFuture<Void> done = nextBoot;
        nextBoot = new CompletableFuture<>();
        done.complete(null);
    }

    /**
     * The kernel makes its umid directory, pid file and mconsole socket with the modes the umask
     * leaves (typically 0755 and 0644), at every boot; they become the user's alone, like every
     * other socket directory of ours.
     */
    private void restrictUmidDirectory(Path mconsole) {
        Path dir = mconsole.getParent();
        try {
            // Only the directory the kernel made: its pid file names it.
            Path pidFile = dir.resolve("pid");
            long pid = kernelPid.getNow(-1L);
            if (!Files.isRegularFile(pidFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || !Files.readString(pidFile).strip().equals(Long.toString(pid))) {
                LOG.warn("{} is not the umid directory of pid {}; its modes are left alone", dir, pid);
                return;
            }
            PrivateDirectory.ensure(dir);
            PrivateDirectory.restrictFile(mconsole);
            PrivateDirectory.restrictFile(pidFile);
        } catch (IOException e) {
            LOG.warn("could not make the umid directory {} private: {}", dir, e.getMessage());
        }
    }

    /**
     * The mconsole socket comes up before the console driver and its window-size handling: a
     * resize then can still hang or panic the kernel. The kernel opens its console before it
     * mounts the root filesystem, so once the mount table holds more than the initial rootfs
     * (read through mconsole, the only view of the guest's kernel state that needs no guest
     * cooperation) resizes are safe.
     */
    private void releaseResizesOnceUserspaceRuns(int boot) {
        GuestSnapshot s = machine.current();
        if (s.boots() != boot || ended.isDone()) {
            return;
        }
        CommandResult r = commandNow("proc self/mounts", Duration.ofSeconds(1));
        if (r.ok() && r.text().lines().anyMatch(l -> !l.isBlank() && !l.startsWith("rootfs "))) {
            resizes.release(this::applyResize);
            bootGotPastTheFault();
        } else {
            timer.schedule(() -> releaseResizesOnceUserspaceRuns(boot), USERSPACE_POLL.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    void input(String lineName, byte[] data) {
        line(lineName).ifPresent(l -> l.input(data));
    }

    void resize(String lineName, int columns, int rows) {
        if (columns > 0 && rows > 0 && lines.containsKey(lineName)) {
            resizes.request(lineName, columns, rows, this::applyResize);
        }
    }

    private void applyResize(String lineName, int columns, int rows) {
        line(lineName).ifPresent(l -> l.resize(columns, rows));
    }

    /** Re-applies the last size asked for {@code lineName} (a pts line that just got its device). */
    void reapplySize(String lineName) {
        resizes.reapply(lineName, this::applyResize);
    }

    /** Output read from a console line: see {@link StallKick}. */
    void outputRead(int bytes) {
        kick.noteRead(bytes);
    }

    /** An mconsole request interrupts the kernel, whose console driver then writes what it holds. */
    private void kickConsoles() {
        if (machine.current().state() == InstanceState.RUNNING) {
            LOG.debug("console output stopped after a burst; waking the console driver");
            commands.execute(() -> link.send(mconsoleSocket(), "version", COMMAND_TIMEOUT));
        }
    }

    /** Runs an mconsole command; one at a time. Pauses and resumes change the state when they succeed. */
    CompletableFuture<CommandResult> command(String command) {
        return CompletableFuture.supplyAsync(() -> {
            CommandResult result = link.send(mconsoleSocket(), command, COMMAND_TIMEOUT);
            if (result.ok()) {
                noteCommand(command);
            }
            return result;
        }, commands);
    }

    /** The same, waiting: for the stop sequence and the pts poller, which run on their own threads. */
    CommandResult commandNow(String command, Duration timeout) {
        try {
            return CompletableFuture.supplyAsync(() -> link.send(mconsoleSocket(), command, timeout), commands)
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandResult.failed("interrupted");
        } catch (Exception e) {
            return CommandResult.failed(String.valueOf(e.getMessage()));
        }
    }

    private void noteCommand(String command) {
        // The kernel matches commands by prefix, and so does this.
        if (command.startsWith("stop")) {
            machine.transition(EnumSet.of(InstanceState.RUNNING), InstanceState.PAUSED, "paused through mconsole");
        } else if (command.startsWith("go")) {
            machine.transition(EnumSet.of(InstanceState.PAUSED), InstanceState.RUNNING, "");
        } else if (command.startsWith("halt")) {
            machine.transition(EnumSet.of(InstanceState.RUNNING, InstanceState.PAUSED, InstanceState.STARTING),
                    InstanceState.STOPPING, "halt requested through mconsole");
        }
    }

    Path mconsoleSocket() {
        return machine.current().mconsoleSocket().map(Path::of).orElse(spec.mconsoleSocket());
    }

    /** Starts stopping the guest (or escalates a graceful stop to a forced one); progress goes to {@code progress}. */
    synchronized void stop(StopMode mode, Consumer<StopStep> progress) {
        if (ended.isDone()) {
            progress.accept(new StopStep(StopStep.Step.STOPPED, "the guest is not running"));
            return;
        }
        StopSequence running = stopSequence;
        if (running != null && (mode == StopMode.GRACEFUL || running.mode() == StopMode.FORCE)) {
            running.addListener(progress);
            return;
        }
        if (running != null) {
            running.cancel();
        }
        InstanceState before = machine.current().state();
        machine.transition(EnumSet.of(InstanceState.STARTING, InstanceState.RUNNING, InstanceState.PAUSED),
                InstanceState.STOPPING, mode == StopMode.FORCE ? "forced stop requested" : "stop requested");
        StopSequence sequence = new StopSequence(this, mode, before == InstanceState.PAUSED);
        sequence.addListener(progress);
        stopSequence = sequence;
        Thread t = new Thread(sequence::run, "stop-" + mode.name().toLowerCase(java.util.Locale.ROOT));
        t.setDaemon(true);
        t.start();
    }

    KernelProcess process() {
        return process;
    }

    /** A future completed at the next boot (SOCKET message); taken before acting, so that none is missed. */
    CompletableFuture<Void> nextBoot() {
        return nextBoot;
    }

    GuestStateMachine machine() {
        return machine;
    }

    private void exited(OptionalInt status) {
        KernelProcess p = process;
        InstanceState before = machine.current().state();
        // Helpers of a killed kernel live on in its process group; they hold the pty open.
        p.killGroup();
        Orphans.reapGroup(p.pid(), Duration.ofSeconds(2));
        Path umidDir = mconsoleSocket().getParent();
        // Its mconsole was up, so the umid directory existed: gone now means an orderly exit (ExitReport).
        boolean exitPath = machine.current().boots() > 0 && !StaleUmidDirectory.leftBy(umidDir, p.pid());
        if (StaleUmidDirectory.removeIfLeftBy(umidDir, p.pid())) {
            LOG.info("{}: removed the umid directory {} the kernel left behind", spec.name(), umidDir);
        }
        joinQuietly(ptyReader);
        if (retryAfterBootFault()) {
            return;
        }
        Optional<String> fault = bootFault;
        // Every line kept: a panic's own line is followed by its stack.
        List<String> lastLines = scanner.lastLines(KernelLogScanner.KEPT_LINES);
        ExitReport report = before == InstanceState.STOPPING && fault.isPresent()
                ? ExitReport.stoppedByBootFault(fault.get())
                : status.isPresent()
                ? ExitReport.of(status.getAsInt(), before, panic, lastLines, exitPath)
                : ExitReport.ofUnknownStatus(before, panic, exitPath);
        status.ifPresent(v -> machine.update(s -> s.withExitStatus(v)));
        for (OutputLine l : lines.values()) {
            l.disconnect();
            machine.update(s -> s.withLine(l.info()));
        }
        machine.transition(report.state(), report.reason());
        LOG.info("{} ended: status {}, {} ({})", spec.name(), status, report.state(), report.reason());
        StopSequence s = stopSequence;
        if (s != null) {
            s.finished(report);
        }
        shutDown();
        ended.complete(machine.current());
    }

    /** The root filesystem is mounted: a later boot of this session (a reboot) may be retried again. */
    private synchronized void bootGotPastTheFault() {
        retried = false;
    }

    /**
     * UML 6.1's kernel sometimes fails in its own early boot: from some point of its initcalls
     * every kernel thread, per-CPU allocation and mount fails, and the root filesystem cannot be
     * mounted, "error -12" (docs/KERNEL.md §7.1; 2 of 600 plain boots with two boot loops side by
     * side). Nothing of the guest ran and nothing was written to its disks, so the kernel is started
     * once more, as a user would press Start again; the console and the status say so. A boot after
     * a reboot from inside meets the fault too and is started again the same way. Once per boot, and
     * not when a stop was asked for: a fault that comes back at once is reported as the crash it is.
     */
    private synchronized boolean retryAfterBootFault() {
        Optional<String> fault = bootFault;
        if (fault.isEmpty() || retried || stopSequence != null || !(process instanceof UmlProcess)) {
            return false;
        }
        retried = true;
        bootFault = Optional.empty();
        panic = Optional.empty();
        String notice = "the kernel failed in its early boot (" + fault.get() + "), an intermittent fault of the"
                + " UML kernel; starting it once more";
        OutputLine ptyLine = lines.get(spec.ptyLineName());
        byte[] text = ("\r\n[uml-manager: " + notice + "]\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ptyLine.publish(text, text.length);
        UmlProcess p;
        try {
            p = UmlProcess.spawn(spec);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: could not start the kernel again: {}", spec.name(), e.getMessage());
            return false;
        }
        // The notify listener takes messages from the new kernel only.
        kernelPid.obtrudeValue(p.pid());
        resizes.hold();
        connect(p);
        machine.publish(new GuestEvent.GuestNotice(spec.name(), notice));
        startReading(p);
        p.exit().thenAcceptAsync(this::exited, daemonExecutor("exit"));
        LOG.warn("{}: {} (pid {})", spec.name(), notice, p.pid());
        return true;
    }

    /** Lets go of the session's threads, log files and sockets. */
    private void shutDown() {
        timer.shutdownNow();
        commands.shutdownNow();
        log.close();
        link.close();
        if (notifyBound) {
            try {
                Files.deleteIfExists(spec.session().notifySocket());
            } catch (IOException e) {
                LOG.debug("cannot remove notify socket: {}", e.getMessage());
            }
        }
    }

    Map<String, OutputLine> lines() {
        return lines;
    }

    private static void joinQuietly(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static java.util.concurrent.Executor daemonExecutor(String name) {
        return r -> daemon(name).newThread(r).start();
    }

    /** The pty as a line device; writes from several clients are serialized. */
    private record PtyDevice(UmlProcess process) implements OutputLine.Device {
        @Override
        public void write(byte[] data) throws IOException {
            synchronized (this) {
                process.input().write(data);
                process.input().flush();
            }
        }

        @Override
        public void resize(int columns, int rows) {
            process.resize(columns, rows);
        }
    }
}
