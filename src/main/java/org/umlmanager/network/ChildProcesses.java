package org.umlmanager.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link ProcessHost} over this JVM's own children ({@link ProcessBuilder}): the JDK collects each
 * one when it ends and completes {@link Hosted#exit()} right then. Each child gets a pipe as its
 * standard input that this JVM holds open until it stops it (or itself ends), and runs in a
 * session of its own so that a terminal's signals reach only us. Thread-safe.
 */
public final class ChildProcesses implements ProcessHost {

    @Override
    public Hosted start(String name, List<String> argv, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                command.add(candidate);
                break;
            }
        }
        command.addAll(argv);
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IOException("cannot start " + argv.get(0) + " for " + name + ": " + e.getMessage(), e);
        }
        return new Child(process);
    }

    private static final class Child implements Hosted {
        private final Process process;
        private final CompletableFuture<Integer> exit;

        Child(Process process) {
            this.process = process;
            this.exit = process.onExit().thenApply(Process::exitValue);
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public CompletableFuture<Integer> exit() {
            return exit;
        }

        @Override
        public void stop(Duration grace) throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            }
            process.waitFor();
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // The pipe is gone with the process.
            }
            exit.join();
        }
    }
}
