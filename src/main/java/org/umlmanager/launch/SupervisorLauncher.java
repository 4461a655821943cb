package org.umlmanager.launch;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.host.PrivateDirectory;

/**
 * Reaches the supervisor, starting it when none runs: a small JVM from this program's own class
 * path, in a session of its own ({@code setsid}), with no terminal and its output in its log, so
 * that it and its guests outlive the program that started it. Two programs never start two
 * supervisors: the check and the start run under a file lock ({@link SupervisorFiles#startLock()}),
 * and the supervisor itself holds another for its whole life. Thread-safe.
 *
 * <p>Whoever is the supervisor's parent must collect its exit status, or it stays a zombie. A
 * long-running program (the desktop app) keeps it as its own child, and the JDK collects it if it
 * ends while the program runs. A short-lived program (the CLI) uses {@link #detached()}: the
 * supervisor is started through an intermediate shell that exits at once, so it is never the
 * program's child and goes straight to the nearest child subreaper or to init, as daemons do. (An
 * init that does not reap, as in some containers, leaves it a zombie once it ends; nothing inside
 * the supervisor can change that.)
 */
public final class SupervisorLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisorLauncher.class);
    /** How long a new supervisor may take to listen; a cold JVM on a busy machine can be slow. */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final String MAIN = "org.umlmanager.launch.holder.SupervisorMain";
    /** Settings of this JVM the supervisor must share: where native libraries unpack, logging, console logs. */
    private static final List<String> INHERITED_PROPERTIES = List.of("pty4j.tmpdir", "jna.tmpdir",
            "pty4j.preferred.native.folder", "org.slf4j.simpleLogger.defaultLogLevel",
            ConsoleLogs.MAX_BYTES_PROPERTY, "umlmanager.supervisor.idle");
    /**
     * Small: the supervisor moves bytes. The heap holds each guest's scrollback and the bounded
     * queues of its log and clients; it grows with the guests and gives memory back after a burst.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xms8m", "-Xmx320m", "-Xss512k",
            "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData", "-Xshare:auto", "-Dorg.slf4j.simpleLogger.showDateTime=true");
    /** A log larger than this is moved to {@code supervisor.log.1} when the next supervisor starts. */
    private static final long LOG_LIMIT = 1L << 20;
    /**
     * Runs the supervisor ({@code $2…}, output appended to {@code $1}) in the background and prints
     * its PID: its parent is this shell, which exits right after, orphaning it.
     */
    private static final String DETACH = "log=$1; shift; \"$@\" </dev/null >>\"$log\" 2>&1 & echo $!";
    /** File locks belong to the process: threads of this one take turns here first. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final SupervisorFiles files;
    private final Path sessionsDir;
    private final String classPath;
    private final Map<String, String> properties;
    private final boolean detach;

    /**
     * @param layout    where the supervisor's files and the sessions are
     * @param classPath the class path to run the supervisor with; normally this JVM's
     */
    public SupervisorLauncher(RuntimeLayout layout, String classPath) {
        this(new SupervisorFiles(layout.supervisorDir()), layout.sessionsDir(), classPath, Map.of(), false);
    }

    private SupervisorLauncher(SupervisorFiles files, Path sessionsDir, String classPath,
                               Map<String, String> properties, boolean detach) {
        this.files = files;
        this.sessionsDir = sessionsDir;
        this.classPath = classPath;
        this.properties = properties;
        this.detach = detach;
    }

    /**
     * A launcher whose supervisor gets system property {@code key} set to {@code value} instead of
     * this JVM's (for instance {@code java.io.tmpdir}, to keep a test's supervisor in its own directory).
     */
    public SupervisorLauncher withProperty(String key, String value) {
        Map<String, String> more = new TreeMap<>(properties);
        more.put(key, value);
        return new SupervisorLauncher(files, sessionsDir, classPath, Map.copyOf(more), detach);
    }

    /** A launcher for a short-lived program: the supervisor never becomes this process's child. */
    public SupervisorLauncher detached() {
        return new SupervisorLauncher(files, sessionsDir, classPath, properties, true);
    }

    /** A launcher using this JVM's class path ({@code umlmanager.supervisor.classpath} overrides it). */
    public static SupervisorLauncher forThisJvm(RuntimeLayout layout) {
        return new SupervisorLauncher(layout, System.getProperty("umlmanager.supervisor.classpath",
                System.getProperty("java.class.path")));
    }

    public SupervisorFiles files() {
        return files;
    }

    /** A connection to the running supervisor, or empty if none answers; never starts one. */
    public Optional<SupervisorClient> connectIfRunning(String clientName) {
        if (!Files.exists(files.socket())) {
            return Optional.empty();
        }
        try {
            return Optional.of(SupervisorClient.connect(files.socket(), clientName));
        } catch (IOException e) {
            LOG.debug("no supervisor answers at {}: {}", files.socket(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A connection to the supervisor, started first if none runs.
     *
     * @throws IOException if a new supervisor does not come up in {@link #STARTUP_TIMEOUT}; the
     *                     message quotes its log
     */
    public SupervisorClient connect(String clientName) throws IOException {
        Optional<SupervisorClient> running = connectIfRunning(clientName);
        if (running.isPresent()) {
            return running.get();
        }
        PrivateDirectory.ensure(files.directory());
        PrivateDirectory.createFile(files.startLock());
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(files.startLock().toAbsolutePath(),
                f -> new ReentrantLock());
        threads.lock();
        try (FileChannel lockFile = FileChannel.open(files.startLock(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); var lock = lockFile.lock()) {
            running = connectIfRunning(clientName);
            if (running.isPresent()) {
                return running.get();
            }
            return startAndConnect(clientName);
        } finally {
            threads.unlock();
        }
    }

    private SupervisorClient startAndConnect(String clientName) throws IOException {
        rotateLog();
        // The supervisor's log quotes its guests' kernel messages: made private before anything writes to it.
        PrivateDirectory.createFile(files.log());
        List<String> command = supervisorCommand();
        long pid = detach ? startDetached(command, files.log()) : startChild(command, files.log());
        LOG.debug("supervisor started as pid {}", pid);
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            if (Files.exists(files.socket())) {
                try {
                    return SupervisorClient.connect(files.socket(), clientName);
                } catch (IOException e) {
                    LOG.debug("supervisor not ready: {}", e.getMessage());
                }
            }
            if (!Posix.alive(pid)) {
                throw new IOException("the supervisor process ended before it was ready: " + tail(files.log()));
            }
            if (System.nanoTime() > deadline) {
                Posix.kill(pid, Posix.SIGKILL);
                throw new IOException("the supervisor process did not start within " + STARTUP_TIMEOUT.toSeconds()
                        + " s: " + tail(files.log()));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the supervisor started");
            }
        }
    }

    private void rotateLog() {
        try {
            if (Files.exists(files.log()) && Files.size(files.log()) > LOG_LIMIT) {
                Files.move(files.log(), files.log().resolveSibling(files.log().getFileName() + ".1"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.debug("cannot rotate {}: {}", files.log(), e.getMessage());
        }
    }

    private List<String> supervisorCommand() {
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        Map<String, String> settings = new TreeMap<>();
        for (String key : INHERITED_PROPERTIES) {
            String value = System.getProperty(key);
            // The CLI silences its own log; the supervisor's log is a file, kept when a guest crashes.
            if (value != null && !value.equals("off")) {
                settings.put(key, value);
            }
        }
        settings.putAll(properties);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(classPath);
        command.add(MAIN);
        command.add(files.directory().toAbsolutePath().toString());
        command.add(sessionsDir.toAbsolutePath().toString());
        return command;
    }

    /** The supervisor as this process's child; the JDK collects it when it ends. */
    private static long startChild(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start().pid();
    }

    /**
     * The supervisor as an orphan: a shell starts it in the background, prints its PID and exits,
     * and is collected here before this returns, so that this process keeps no child of its own.
     * ({@code setsid} in the background of a non-interactive shell is not a process group leader,
     * so it execs the supervisor in place: the printed PID is the supervisor's.)
     */
    private static long startDetached(List<String> command, Path log) throws IOException {
        List<String> shell = new ArrayList<>(List.of("/bin/sh", "-c", DETACH, "sh", log.toString()));
        shell.addAll(command);
        Process starter = new ProcessBuilder(shell)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        String printed = new String(starter.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        try {
            if (!starter.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                starter.destroyForcibly();
                throw new IOException("the shell starting the supervisor did not exit: " + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            starter.destroyForcibly();
            throw new InterruptedIOException("interrupted while the supervisor started");
        }
        try {
            return Long.parseLong(printed);
        } catch (NumberFormatException e) {
            throw new IOException("the supervisor could not be started (shell said '" + printed + "'): " + tail(log));
        }
    }

    private static Optional<String> setsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(candidate);
            }
        }
        LOG.warn("setsid (util-linux) not found: guests stay in this program's session and may get its hangup");
        return Optional.empty();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
