package org.umlmanager.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.host.PrivateDirectory;

/**
 * Starts holder processes: a small JVM from this program's own class path, in a session of its
 * own ({@code setsid}), with no terminal and its output in a log file, so that it and its guest
 * outlive the program that started it. Thread-safe.
 *
 * <p>Whoever is a holder's parent must collect its exit status, or it stays a zombie. A
 * long-running program (the desktop app) keeps its holders as its own children, and the JDK
 * collects those that end while it runs. A short-lived program (the CLI) uses {@link #detached()}:
 * its holders are started through an intermediate shell that exits at once, so they are never
 * its children and go straight to the nearest child subreaper or to init, as daemons do. (An init
 * that does not reap, as in some containers, leaves such a holder a zombie once it ends; nothing
 * inside the holder can change that.)
 */
public final class HolderLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(HolderLauncher.class);
    /** How long a new holder may take to listen; a cold JVM on a busy machine can be slow. */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final String MAIN = "org.umlmanager.launch.holder.HolderMain";
    /** Settings of this JVM the holder must share: where native libraries unpack, logging, console logs. */
    private static final List<String> INHERITED_PROPERTIES = List.of("pty4j.tmpdir", "jna.tmpdir",
            "pty4j.preferred.native.folder", "org.slf4j.simpleLogger.defaultLogLevel",
            ConsoleLogs.MAX_BYTES_PROPERTY);
    /** Small and quick to start: the holder only moves bytes. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx48m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto",
            "-Dorg.slf4j.simpleLogger.showDateTime=true");
    /**
     * Runs the holder ({@code $2…}, output appended to {@code $1}) in the background and prints its
     * PID: the holder's parent is this shell, which exits right after, orphaning it.
     */
    private static final String DETACH = "log=$1; shift; \"$@\" </dev/null >>\"$log\" 2>&1 & echo $!";

    private final Path holdersDir;
    private final String classPath;
    private final Map<String, String> properties;
    private final boolean detach;

    /**
     * @param holdersDir where idle holders listen and where holder logs go (under the runtime directory)
     * @param classPath  the class path to run the holder with; normally this JVM's
     */
    public HolderLauncher(Path holdersDir, String classPath) {
        this(holdersDir, classPath, Map.of(), false);
    }

    private HolderLauncher(Path holdersDir, String classPath, Map<String, String> properties, boolean detach) {
        this.holdersDir = holdersDir;
        this.classPath = classPath;
        this.properties = properties;
        this.detach = detach;
    }

    /**
     * A launcher whose holders get system property {@code key} set to {@code value} instead of
     * this JVM's (for instance {@code java.io.tmpdir}, to keep a test's holders in its own directory).
     */
    public HolderLauncher withProperty(String key, String value) {
        Map<String, String> more = new TreeMap<>(properties);
        more.put(key, value);
        return new HolderLauncher(holdersDir, classPath, Map.copyOf(more), detach);
    }

    /** A launcher for a short-lived program: its holders never become this process's children. */
    public HolderLauncher detached() {
        return new HolderLauncher(holdersDir, classPath, properties, true);
    }

    /** A launcher using this JVM's class path ({@code umlmanager.holder.classpath} overrides it). */
    public static HolderLauncher forThisJvm(Path holdersDir) {
        return new HolderLauncher(holdersDir, System.getProperty("umlmanager.holder.classpath",
                System.getProperty("java.class.path")));
    }

    /**
     * Starts a holder and connects to it. {@code warm} has it spawn a throw-away process first,
     * so that its guest starts fast later (for a spare); a holder started for an immediate start
     * skips that.
     *
     * @throws IOException if the holder does not come up in {@link #STARTUP_TIMEOUT}; the message
     *                     quotes its log
     */
    public HolderClient launch(boolean warm, String clientName) throws IOException {
        PrivateDirectory.ensure(holdersDir);
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path socket = holdersDir.resolve(id + ".sock");
        // The holder's log quotes its guest's kernel messages: made private before anything writes to it.
        Path log = PrivateDirectory.createFile(holdersDir.resolve(id + ".log"));
        List<String> command = holderCommand(socket, warm);
        long pid = detach ? startDetached(command, log) : startChild(command, log);
        LOG.debug("holder {} started as pid {}", id, pid);
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            if (Files.exists(socket)) {
                try {
                    return HolderClient.connect(socket, clientName);
                } catch (IOException e) {
                    LOG.debug("holder {} not ready: {}", id, e.getMessage());
                }
            }
            if (!Posix.alive(pid)) {
                throw new IOException("the holder process ended before it was ready: " + tail(log));
            }
            if (System.nanoTime() > deadline) {
                Posix.kill(pid, Posix.SIGKILL);
                throw new IOException("the holder process did not start within " + STARTUP_TIMEOUT.toSeconds()
                        + " s: " + tail(log));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Posix.kill(pid, Posix.SIGKILL);
                throw new java.io.InterruptedIOException("interrupted while the holder started");
            }
        }
    }

    private List<String> holderCommand(Path socket, boolean warm) {
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        Map<String, String> settings = new TreeMap<>();
        for (String key : INHERITED_PROPERTIES) {
            String value = System.getProperty(key);
            // The CLI silences its own log; a holder's log is a file, kept when its guest crashes.
            if (value != null && !value.equals("off")) {
                settings.put(key, value);
            }
        }
        settings.putAll(properties);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(classPath);
        command.add(MAIN);
        command.add(socket.toString());
        if (warm) {
            command.add("--warm");
        }
        return command;
    }

    /** The holder as this process's child; the JDK collects it when it ends. */
    private static long startChild(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start().pid();
    }

    /**
     * The holder as an orphan: a shell starts it in the background, prints its PID and exits, and
     * is collected here before this returns, so that this process keeps no child of its own.
     * ({@code setsid} in the background of a non-interactive shell is not a process group leader,
     * so it execs the holder in place: the printed PID is the holder's.)
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
                throw new IOException("the shell starting the holder did not exit: " + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            starter.destroyForcibly();
            throw new java.io.InterruptedIOException("interrupted while the holder started");
        }
        try {
            return Long.parseLong(printed);
        } catch (NumberFormatException e) {
            throw new IOException("the holder could not be started (shell said '" + printed + "'): " + tail(log));
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
