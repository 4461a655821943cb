package org.umlmanager.cow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.umlmanager.testing.GuestReaper;
import org.umlmanager.testing.TestUmids;

/** One UML process for a COW test: started with the given disks, its console log in a file. */
final class Guest {

    private final Process process;
    private final Path log;

    private Guest(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Boots {@code kernel} with {@code disks} (ubd options) in {@code work}, tracked by {@code reaper}. */
    static Guest start(Path kernel, Path work, GuestReaper reaper, String... disks) throws IOException {
        String umid = TestUmids.next("cow");
        Path umlDir = Files.createDirectories(work.resolve("uml"));
        Path log = work.resolve(umid + ".log");
        List<String> argv = new ArrayList<>(List.of(kernel.toString(), "umid=" + umid, "uml_dir=" + umlDir,
                "mem=64M", "con=null", "con0=fd:0,fd:1", "rw", "init=/sbin/init"));
        argv.addAll(List.of(disks));
        Process p = new ProcessBuilder(argv).directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        reaper.track(p.pid(), umlDir.resolve(umid));
        return new Guest(p, log);
    }

    /** Waits until the console shows {@code marker}; fails with the log if the guest ends or time runs out. */
    void await(String marker, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(marker)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("guest did not print " + marker + "; its log:\n" + log());
            }
            Thread.sleep(50);
        }
    }

    /** SIGTERM (UML cleans up and exits 1), then the exit status. */
    int terminate() throws InterruptedException {
        process.destroy();
        return awaitExit(Duration.ofSeconds(30));
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("guest did not end within " + timeout);
        }
        return process.exitValue();
    }

    String log() throws IOException {
        return Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
