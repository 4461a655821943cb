package org.umlmanager.service;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.launch.GuestEvent;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.launch.LaunchPlanner;
import org.umlmanager.launch.LaunchSpec;
import org.umlmanager.launch.LineInfo;
import org.umlmanager.launch.Posix;
import org.umlmanager.launch.RuntimeLayout;
import org.umlmanager.launch.SessionFile;
import org.umlmanager.launch.SessionPaths;
import org.umlmanager.launch.SessionRecord;
import org.umlmanager.launch.StopMode;
import org.umlmanager.launch.StopStep;
import org.umlmanager.launch.SupervisorClient;
import org.umlmanager.launch.SupervisorException;
import org.umlmanager.launch.SupervisorLauncher;
import org.umlmanager.launch.protocol.Message;
import org.umlmanager.mconsole.InstanceNotReachableException;
import org.umlmanager.mconsole.MconsoleAddress;
import org.umlmanager.mconsole.MconsoleClient;
import org.umlmanager.mconsole.MconsoleException;
import org.umlmanager.mconsole.MconsoleReply;
import org.umlmanager.mconsole.MconsoleTimeoutException;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;

/**
 * {@link GuestRuntime} over the supervisor process. Keeps one control connection ("watch") per
 * running guest it has seen, through which events arrive and stops and commands go; consoles get
 * connections of their own. See {@link GuestRuntime} for the threading contract: blocking work
 * runs on {@code work}, listeners and stop progress on {@code events}, which must run tasks in
 * order (a single thread, or {@code Platform::runLater}).
 */
public final class RuntimeService implements GuestRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeService.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);
    /** How long a command that got no answer waits to learn whether the guest ended meanwhile. */
    private static final Duration ENDED_WAIT = Duration.ofSeconds(3);

    private final RuntimeLayout layout;
    private final SupervisorLauncher launcher;
    private final Supplier<List<Instance>> instances;
    private final Executor work;
    private final Executor events;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final List<Consumer<GuestEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<SupervisorClient> spare = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Void>> warming = new AtomicReference<>();
    private volatile boolean keepWarm;
    private volatile boolean closed;

    /** A connection bound to a guest that receives its events and keeps its latest snapshot. */
    private static final class Watch {
        final SupervisorClient client;
        volatile GuestSnapshot latest;

        Watch(SupervisorClient client) {
            this.client = client;
        }
    }

    /**
     * @param layout    where sessions, the supervisor, logs and uml_dirs live
     * @param launcher  reaches the supervisor, starting it when none runs
     * @param instances the configured instances (for umids and uml_dirs of guests no supervisor holds)
     * @param work      runs blocking work (the CLI passes a direct executor, the UI a pool)
     * @param events    delivers listener calls and stop progress, in order
     */
    public RuntimeService(RuntimeLayout layout, SupervisorLauncher launcher, Supplier<List<Instance>> instances,
                          Executor work, Executor events) {
        this.layout = layout;
        this.launcher = launcher;
        this.instances = instances;
        this.work = work;
        this.events = events;
    }

    @Override
    public CompletableFuture<GuestStatus> start(Instance instance) {
        return async(() -> {
            Watch w;
            try (StartLock lock = StartLock.acquire(layout.sessionsDir())) {
                List<Problem> problems = LaunchSafety.check(instance, layout, runningGuests());
                LaunchSpec spec = LaunchPlanner.plan(instance, layout);
                if (!spec.session().socketPathsFit()) {
                    problems.add(Problem.error("name", instance.name(), "the session directory "
                            + spec.session().directory() + " is too long for Unix sockets; set XDG_RUNTIME_DIR or "
                            + "UML_MANAGER_HOME to a shorter directory"));
                }
                if (!problems.isEmpty()) {
                    throw new LaunchRefusedException(instance.name(), problems);
                }
                SupervisorClient connection = takeSpare().orElse(null);
                if (connection == null) {
                    connection = launcher.connect("control");
                }
                try {
                    GuestSnapshot started = get(connection.start(spec), START_TIMEOUT);
                    w = follow(instance.name(), connection);
                    publish(new GuestEvent.StateChanged(started, InstanceState.STOPPED));
                } catch (IOException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
            }
            if (keepWarm) {
                prewarm();
            }
            return GuestStatus.of(w.latest, GuestStatus.Origin.SUPERVISOR);
        });
    }

    @Override
    public CompletableFuture<GuestStatus> whenRunning(String name) {
        return async(() -> {
            Optional<Watch> w = watch(name);
            // A guest that ended before it could be watched (a kernel dying at once) is told from its record.
            return w.isPresent() ? w.get() : statusOf(name, configured(name));
        }).thenCompose(found -> {
            CompletableFuture<GuestStatus> up = new CompletableFuture<>();
            if (found instanceof GuestStatus s) {
                settle(up, name, s.state(), s.reason(), s);
                if (!up.isDone()) {
                    up.completeExceptionally(new GuestException(name + " is " + s.state().name()
                            .toLowerCase(java.util.Locale.ROOT) + " and not held by UML Manager"));
                }
                return up;
            }
            Watch w = (Watch) found;
            w.client.addEventListener(e -> settle(up, name, w.latest));
            w.client.ended().whenComplete((s, x) -> settle(up, name, s != null ? s : w.latest));
            settle(up, name, w.latest);
            return up;
        });
    }

    private static void settle(CompletableFuture<GuestStatus> up, String name, GuestSnapshot s) {
        settle(up, name, s.state(), s.reason(), GuestStatus.of(s, GuestStatus.Origin.SUPERVISOR));
    }

    private static void settle(CompletableFuture<GuestStatus> up, String name, InstanceState state, String reason,
                               GuestStatus status) {
        if (state == InstanceState.RUNNING || state == InstanceState.PAUSED) {
            up.complete(status);
        } else if (!state.active()) {
            up.completeExceptionally(new GuestException(name + " did not come up: it is "
                    + state.name().toLowerCase(java.util.Locale.ROOT) + (reason.isEmpty() ? "" : " (" + reason + ")")));
        }
    }

    @Override
    public CompletableFuture<GuestStatus> stop(String name, StopMode mode, Consumer<StopStep> progress) {
        Consumer<StopStep> inOrder = step -> events.execute(() -> progress.accept(step));
        return async(() -> {
            Optional<Watch> w = watch(name);
            if (w.isPresent()) {
                return w.get();
            }
            UmidDirectories.Entry guest = external(name).orElseThrow(() -> notRunning(name));
            if (ExternalStop.run(guest, mode, inOrder)) {
                recordStopped(name, guest);
            }
            UmidDirectories.removeIfStale(guest);
            return null;
        }).thenCompose(w -> w == null ? status(name)
                : w.client.stop(mode, inOrder).thenApply(s -> GuestStatus.of(s, GuestStatus.Origin.RECORD)));
    }

    /**
     * A guest whose supervisor had ended (and that no successor took over) and that this program
     * then stopped: its session file still says it runs, and would otherwise be read as a guest
     * that died unseen ("crashed").
     */
    private void recordStopped(String name, UmidDirectories.Entry guest) {
        Optional<SessionRecord> record = record(name);
        if (record.isEmpty() || !record.get().snapshot().state().active()
                || record.get().snapshot().umlPid().orElse(-1) != guest.pid().orElse(-2)) {
            return;
        }
        GuestSnapshot stopped = record.get().snapshot().withState(InstanceState.STOPPED, "stopped by UML Manager"
                + " after its supervisor had ended", java.time.Instant.now());
        try {
            SessionFile.write(SessionPaths.of(layout.sessionsDir(), name).sessionFile(),
                    new SessionRecord(stopped, record.get().umlDir()));
        } catch (IOException e) {
            LOG.warn("could not record that {} stopped: {}", name, e.getMessage());
        }
    }

    @Override
    public CompletableFuture<GuestStatus> pause(String name) {
        return expectOk(name, "stop");
    }

    @Override
    public CompletableFuture<GuestStatus> resume(String name) {
        return expectOk(name, "go");
    }

    private CompletableFuture<GuestStatus> expectOk(String name, String command) {
        return command(name, command).thenCompose(reply -> {
            if (!reply.ok()) {
                return CompletableFuture.failedFuture(new GuestException(name + ": " + command + " failed: "
                        + reply.text()));
            }
            return status(name);
        });
    }

    @Override
    public CompletableFuture<GuestStatus> status(String name) {
        return async(() -> statusOf(name, configured(name)));
    }

    @Override
    public CompletableFuture<List<GuestStatus>> list() {
        return async(() -> {
            Map<String, GuestStatus> all = new LinkedHashMap<>();
            for (Instance i : instances.get()) {
                all.put(i.name(), statusOf(i.name(), Optional.of(i)));
            }
            for (SessionRecord r : sessionRecords()) {
                String name = r.snapshot().name();
                if (!all.containsKey(name)) {
                    GuestStatus s = statusOf(name, Optional.empty());
                    if (s.state().active()) {
                        all.put(name, s);
                    }
                }
            }
            Set<Path> known = new LinkedHashSet<>();
            all.values().forEach(s -> s.mconsoleSocket().ifPresent(known::add));
            for (Path umlDir : umlDirs()) {
                for (UmidDirectories.Entry e : UmidDirectories.scan(umlDir)) {
                    // The supervisor's own guests are left to it: whether a kernel removed its directory
                    // itself is how the supervisor tells an exit code above 128 from a signal.
                    if (known.contains(e.mconsoleSocket()) || UmidDirectories.removeIfStale(e)
                            || !UmidDirectories.running(e)) {
                        continue;
                    }
                    String name = all.containsKey(e.umid()) ? e.umid() + " (" + umlDir + ")" : e.umid();
                    all.put(name, external(name, e, GuestStatus.STARTED_OUTSIDE));
                }
            }
            return List.copyOf(all.values());
        });
    }

    @Override
    public AutoCloseable addListener(Consumer<GuestEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public CompletableFuture<ConsoleStream> openConsole(String name, String line) {
        return async(() -> {
            Optional<Watch> watched = watch(name);
            if (watched.isEmpty()) {
                throw notManaged(name);
            }
            Watch w = watched.get();
            if (w.latest.line(line).isEmpty()) {
                throw new GuestException(name + " has no console line '" + line + "'; it has "
                        + String.join(", ", w.latest.lines().stream().map(LineInfo::name).toList()));
            }
            SupervisorClient console = launcher.connect("console");
            try {
                get(console.open(name), SupervisorClient.HELLO_TIMEOUT);
            } catch (IOException | RuntimeException e) {
                console.close();
                throw e;
            }
            return console.attach(line);
        });
    }

    @Override
    public CompletableFuture<MconsoleReply> command(String name, String command) {
        return async(() -> {
            Optional<Watch> w = watch(name);
            if (w.isPresent()) {
                return w.get();
            }
            UmidDirectories.Entry guest = external(name).orElseThrow(() -> notRunning(name));
            try (MconsoleClient client = new MconsoleClient(MconsoleAddress.ofSocket(guest.mconsoleSocket()),
                    COMMAND_TIMEOUT)) {
                return client.send(command);
            }
        }).thenCompose(result -> {
            if (result instanceof MconsoleReply reply) {
                return CompletableFuture.completedFuture(reply);
            }
            Watch w = (Watch) result;
            return w.client.command(command).handle(Outcome::new).thenCompose(o -> reply(w, name, command, o));
        });
    }

    /** A command's reply from the supervisor, or why none came (its connection closed as the guest ended). */
    private record Outcome(Message.CommandReply reply, Throwable error) {
    }

    private static CompletableFuture<MconsoleReply> reply(Watch w, String name, String command, Outcome o) {
        Message.CommandReply r = o.reply();
        if (o.error() == null && r.kind() == Message.ReplyKind.REPLY) {
            return CompletableFuture.completedFuture(new MconsoleReply(r.errorCode(), r.text()));
        }
        // No answer: a command such as 'sysrq c' or 'halt' may have ended the guest, and then that is the news.
        return w.client.ended().copy().completeOnTimeout(null, ENDED_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .handle((end, error) -> end)
                .thenCompose(end -> end != null && !end.state().active()
                        ? CompletableFuture.failedFuture(new GuestException(name + " ended before it answered '"
                                + command + "': it " + describe(end.state(), end.reason())))
                        : o.error() != null ? CompletableFuture.failedFuture(o.error() instanceof CompletionException c
                                && c.getCause() != null ? c.getCause() : o.error())
                        : noAnswer(w, command, r));
    }

    private static String describe(InstanceState state, String reason) {
        String s = state == InstanceState.CRASHED ? "crashed" : "is " + state.name().toLowerCase(java.util.Locale.ROOT);
        return s + (reason.isEmpty() ? "" : " (" + reason + ")");
    }

    private static CompletableFuture<MconsoleReply> noAnswer(Watch w, String command, Message.CommandReply r) {
        return switch (r.kind()) {
            case REPLY -> CompletableFuture.completedFuture(new MconsoleReply(r.errorCode(), r.text()));
            case TIMEOUT -> CompletableFuture.failedFuture(new MconsoleTimeoutException(command, COMMAND_TIMEOUT, "",
                    "reply"));
            case UNREACHABLE -> CompletableFuture.failedFuture(new InstanceNotReachableException(
                    w.latest.mconsoleSocket().map(Path::of).orElse(Path.of("mconsole")),
                    InstanceNotReachableException.Reason.REFUSED, new MconsoleException(r.text())));
            case FAILED -> CompletableFuture.failedFuture(new MconsoleException(r.text()));
        };
    }

    @Override
    public CompletableFuture<MconsoleClient> mconsole(String name) {
        return status(name).thenApply(s -> new MconsoleClient(MconsoleAddress.ofSocket(s.mconsoleSocket()
                .orElseThrow(() -> new CompletionException(new GuestException(name + " is not running"))))));
    }

    @Override
    public CompletableFuture<Void> prewarm() {
        keepWarm = true;
        SupervisorClient current = spare.get();
        if (closed || (current != null && current.isOpen())) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        CompletableFuture<Void> running = warming.compareAndExchange(null, ready);
        if (running != null) {
            return running;
        }
        try {
            work.execute(() -> {
                try {
                    SupervisorClient fresh = launcher.connect("spare");
                    SupervisorClient old = spare.getAndSet(fresh);
                    if (old != null) {
                        old.close();
                    }
                    if (closed) {
                        takeSpare().ifPresent(SupervisorClient::close);
                    }
                    ready.complete(null);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("could not reach the supervisor ahead of a start: {}", e.getMessage());
                    ready.completeExceptionally(e);
                } finally {
                    warming.set(null);
                }
            });
        } catch (RejectedExecutionException e) {
            warming.set(null);
            ready.completeExceptionally(e);
        }
        return ready;
    }

    @Override
    public void close() {
        closed = true;
        takeSpare().ifPresent(SupervisorClient::close);
        watches.values().forEach(w -> w.client.close());
        watches.clear();
    }

    private Optional<SupervisorClient> takeSpare() {
        SupervisorClient c = spare.getAndSet(null);
        if (c != null && c.isOpen() && c.idle()) {
            return Optional.of(c);
        }
        if (c != null) {
            c.close();
        }
        return Optional.empty();
    }

    // ---- status and discovery ----

    private GuestStatus statusOf(String name, Optional<Instance> instance) throws InterruptedException {
        Optional<Watch> w = watch(name);
        if (w.isPresent()) {
            return GuestStatus.of(w.get().latest, GuestStatus.Origin.SUPERVISOR);
        }
        Optional<SessionRecord> record = record(name);
        Optional<UmidDirectories.Entry> entry = instance
                .map(i -> UmidDirectories.read(LaunchPlanner.umlDir(i, layout), i.umid()))
                .orElseGet(() -> record.flatMap(r -> UmidDirectories.read(r.umlDir(), r.snapshot().umid())));
        boolean wasActive = record.map(r -> r.snapshot().state().active()).orElse(false);
        if (entry.isPresent() && UmidDirectories.running(entry.get())) {
            return external(name, entry.get(), wasActive ? GuestStatus.SUPERVISOR_GONE : GuestStatus.STARTED_OUTSIDE);
        }
        entry.ifPresent(UmidDirectories::removeIfStale);
        if (record.isPresent()) {
            GuestSnapshot last = record.get().snapshot();
            if (wasActive) {
                last = last.withState(InstanceState.CRASHED, "it ended while no supervisor held it (last known"
                        + " state: " + last.state().name().toLowerCase(java.util.Locale.ROOT) + ")", last.since());
            }
            return GuestStatus.of(last, GuestStatus.Origin.RECORD);
        }
        if (instance.isPresent()) {
            return GuestStatus.stopped(name, instance.get().umid());
        }
        throw new CompletionException(new NoSuchGuestException(name));
    }

    private static GuestStatus external(String name, UmidDirectories.Entry e, String reason) {
        return new GuestStatus(name, InstanceState.RUNNING, reason, GuestStatus.Origin.EXTERNAL, e.umid(), e.pid(),
                Optional.of(e.mconsoleSocket()), List.of(), OptionalInt.empty(), java.time.Instant.now());
    }

    /** A running guest of that name that no supervisor holds. */
    private Optional<UmidDirectories.Entry> external(String name) {
        Optional<Instance> instance = configured(name);
        Optional<UmidDirectories.Entry> entry = instance
                .map(i -> UmidDirectories.read(LaunchPlanner.umlDir(i, layout), i.umid()))
                .orElseGet(() -> record(name).flatMap(r -> UmidDirectories.read(r.umlDir(), r.snapshot().umid()))
                        .or(() -> UmidDirectories.read(layout.defaultUmlDir(), name)));
        return entry.filter(UmidDirectories::running);
    }

    /** Why {@code name}'s consoles cannot be opened: no supervisor holds it, or it does not run. */
    private GuestException notManaged(String name) throws InterruptedException {
        GuestStatus s;
        try {
            s = statusOf(name, configured(name));
        } catch (CompletionException e) {
            return new NoSuchGuestException(name);
        }
        if (s.state().active()) {
            return new GuestException(s.consolesUnreachable());
        }
        return notRunning(name, s);
    }

    /** The error for a command to a guest that does not run: what it is instead, if it is known at all. */
    private GuestException notRunning(String name) {
        try {
            return notRunning(name, statusOf(name, configured(name)));
        } catch (CompletionException e) {
            return new NoSuchGuestException(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NoSuchGuestException(name);
        }
    }

    private static GuestException notRunning(String name, GuestStatus s) {
        return new GuestException(name + " is not running: it " + describe(s.state(), s.reason()));
    }

    private Optional<Instance> configured(String name) {
        return instances.get().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    private Optional<SessionRecord> record(String name) {
        return SessionFile.read(SessionPaths.of(layout.sessionsDir(), name).sessionFile());
    }

    private List<SessionRecord> sessionRecords() {
        List<SessionRecord> records = new ArrayList<>();
        if (!Files.isDirectory(layout.sessionsDir())) {
            return records;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(layout.sessionsDir(), Files::isDirectory)) {
            for (Path dir : dirs) {
                SessionFile.read(new SessionPaths(dir).sessionFile()).ifPresent(records::add);
            }
        } catch (IOException e) {
            LOG.debug("cannot list {}: {}", layout.sessionsDir(), e.getMessage());
        }
        return records;
    }

    private Set<Path> umlDirs() {
        Set<Path> dirs = new LinkedHashSet<>();
        dirs.add(layout.defaultUmlDir());
        instances.get().forEach(i -> dirs.add(LaunchPlanner.umlDir(i, layout)));
        sessionRecords().forEach(r -> dirs.add(r.umlDir()));
        return dirs;
    }

    /** Every guest process running now, under the supervisor or not, for the safety checks. */
    private List<LaunchSafety.Running> runningGuests() {
        Map<Long, LaunchSafety.Running> running = new LinkedHashMap<>();
        for (SessionRecord r : sessionRecords()) {
            OptionalLong pid = r.snapshot().umlPid();
            if (r.snapshot().state().active() && pid.isPresent() && Posix.alive(pid.getAsLong())) {
                running.put(pid.getAsLong(), new LaunchSafety.Running(r.snapshot().name(), pid.getAsLong()));
            }
        }
        List<Instance> configured = instances.get();
        for (Path umlDir : umlDirs()) {
            for (UmidDirectories.Entry e : UmidDirectories.scan(umlDir)) {
                if (e.pidAlive() && !running.containsKey(e.pid().getAsLong())) {
                    String name = configured.stream().filter(i -> i.umid().equals(e.umid())
                            && LaunchPlanner.umlDir(i, layout).equals(umlDir)).map(Instance::name).findFirst()
                            .orElse("umid " + e.umid());
                    running.put(e.pid().getAsLong(), new LaunchSafety.Running(name, e.pid().getAsLong()));
                }
            }
        }
        return List.copyOf(running.values());
    }

    // ---- supervisor connections ----

    /**
     * The control connection to {@code name}, made if the supervisor holds it. A guest whose
     * supervisor was killed is taken over by a new one, started here (it takes every such guest
     * over as it starts).
     */
    private Optional<Watch> watch(String name) throws InterruptedException {
        Watch w = watches.get(name);
        if (w != null && w.client.isOpen()) {
            return Optional.of(w);
        }
        Optional<SessionRecord> record = record(name);
        if (record.isEmpty() || !record.get().snapshot().state().active()) {
            return Optional.empty();
        }
        GuestSnapshot last = record.get().snapshot();
        boolean held = Posix.alive(last.holderPid());
        boolean orphaned = !held && last.umlPid().isPresent() && Posix.alive(last.umlPid().getAsLong());
        if (!held && !orphaned) {
            return Optional.empty();
        }
        SupervisorClient client = null;
        try {
            client = held ? launcher.connectIfRunning("control").orElse(null) : launcher.connect("control");
            if (client == null) {
                return Optional.empty();
            }
            get(client.open(name), SupervisorClient.HELLO_TIMEOUT);
            return Optional.of(follow(name, client));
        } catch (IOException e) {
            LOG.debug("the supervisor does not hold {}: {}", name, e.getMessage());
            if (client != null) {
                client.close();
            }
            return Optional.empty();
        }
    }

    private Watch follow(String name, SupervisorClient client) throws IOException, InterruptedException {
        Watch w = new Watch(client);
        CompletableFuture<GuestSnapshot> first = client.watch(e -> {
            w.latest = next(w.latest, e);
            publish(e);
        });
        GuestSnapshot snapshot = get(first, SupervisorClient.HELLO_TIMEOUT);
        if (w.latest == null) {
            w.latest = snapshot;
        }
        Watch old = watches.put(name, w);
        if (old != null && old != w) {
            old.client.close();
        }
        client.ended().whenComplete((s, e) -> {
            if (s != null) {
                w.latest = s;
            }
            watches.remove(name, w);
            client.close();
        });
        return w;
    }

    private static GuestSnapshot next(GuestSnapshot latest, GuestEvent e) {
        if (e instanceof GuestEvent.StateChanged c) {
            return c.snapshot();
        }
        if (e instanceof GuestEvent.Rebooted r) {
            return r.snapshot();
        }
        if (e instanceof GuestEvent.LineChanged l && latest != null) {
            return latest.withLine(l.line());
        }
        return latest;
    }

    private void publish(GuestEvent e) {
        if (listeners.isEmpty()) {
            return;
        }
        try {
            events.execute(() -> listeners.forEach(l -> l.accept(e)));
        } catch (RejectedExecutionException ex) {
            LOG.debug("event executor closed; dropped {}", e);
        }
    }

    private static <T> T get(CompletableFuture<T> future, Duration timeout) throws IOException, InterruptedException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SupervisorException h) {
                throw h;
            }
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IOException("the supervisor did not answer within " + timeout.toSeconds() + " s");
        }
    }

    private <T> CompletableFuture<T> async(Callable<T> task) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            work.execute(() -> {
                try {
                    layout.ensurePrivate();
                    future.complete(task.call());
                } catch (CompletionException e) {
                    future.completeExceptionally(e.getCause());
                } catch (Throwable e) {
                    future.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(e);
        }
        return future;
    }
}
