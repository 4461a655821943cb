package org.umlmanager.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.lab.BootHook;
import org.umlmanager.lab.Schedule;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.launch.StopMode;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.model.InstanceState;
import org.umlmanager.model.Lab;
import org.umlmanager.model.LabDevice;
import org.umlmanager.network.NetworkStatus;

/**
 * Starts and stops whole labs. {@link #start} boots the devices in lab.dep order, at most N at once
 * (each through the runtime, which starts its collision domains' networks with it), and counts a
 * device as up when its boot hook says its startup files have run ({@link BootHook#readyLine}) on
 * its console; a device that depends on one that failed is not started. {@link #stop} stops them
 * in reverse order (gracefully, so that their shutdown files run, or forced), then the lab's
 * networks. Devices already running (or stopped) are left as they are.
 *
 * <p>Threading: every method returns at once; the work runs on a thread of its own and on up to N
 * worker threads, which end with it. {@code progress} is called on those threads.
 */
public final class LabRunner {

    private static final Logger LOG = LoggerFactory.getLogger(LabRunner.class);
    /** A Debian device on a loaded two-core machine can take minutes to boot and run FRR. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(5);
    private static final String CONSOLE = "con0";

    /** How a start or stop went: each device's outcome, and remarks (networks left running, …). */
    public record Report(String lab, Map<String, Schedule.Outcome> outcomes, List<String> notes) {
        public Report {
            Objects.requireNonNull(lab, "lab");
            outcomes = Map.copyOf(outcomes);
            notes = List.copyOf(notes);
        }

        public boolean ok() {
            return outcomes.values().stream().allMatch(o -> o instanceof Schedule.Outcome.Done);
        }
    }

    private final LabService labs;
    private final GuestRuntime runtime;
    private final NetworkService networks;
    private final Duration readyTimeout;

    public LabRunner(LabService labs, GuestRuntime runtime, NetworkService networks, Duration readyTimeout) {
        this.labs = Objects.requireNonNull(labs);
        this.runtime = Objects.requireNonNull(runtime);
        this.networks = Objects.requireNonNull(networks);
        this.readyTimeout = Objects.requireNonNull(readyTimeout);
    }

    /** The default parallelism: one device booting per core. */
    public static int defaultParallel() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Each device's guest and each domain's network, now. */
    public CompletableFuture<LabStatus> status(String name) {
        return CompletableFuture.supplyAsync(() -> statusNow(name), daemonThread("lab-status-" + name));
    }

    private LabStatus statusNow(String name) {
        Lab lab = labs.get(name).join();
        List<Instance> members = labs.members(name).join();
        List<LabStatus.Device> devices = new ArrayList<>();
        for (LabDevice d : lab.devices()) {
            boolean exists = members.stream().anyMatch(i -> i.name().equals(d.instance()));
            devices.add(new LabStatus.Device(d.name(), d.instance(), exists
                    ? Optional.of(runtime.status(d.instance()).join()) : Optional.empty()));
        }
        List<LabStatus.Domain> domains = new ArrayList<>();
        lab.domains().forEach(d -> domains.add(new LabStatus.Domain(d.name(), d.network(),
                networks.owner().status(d.network()))));
        return new LabStatus(lab, devices, domains);
    }

    /**
     * Starts the lab's devices that are not running, {@code parallel} at most booting at once, and
     * completes when each is up, failed or skipped.
     */
    public CompletableFuture<Report> start(String name, int parallel, Consumer<LabProgress> progress) {
        return CompletableFuture.supplyAsync(() -> {
            Lab lab = labs.get(name).join();
            List<Instance> members = labs.members(name).join();
            checkStartable(lab, members);
            LabStatus now = statusNow(name);
            AtomicInteger running = new AtomicInteger((int) now.running());
            int total = lab.devices().size();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel), daemons("lab-start-" + name));
            try {
                Map<String, Schedule.Outcome> outcomes = Schedule.run(deviceNames(lab), after(lab), parallel,
                        device -> CompletableFuture.runAsync(() -> startDevice(lab, device, now, running, total,
                                progress), pool));
                report(outcomes, running, total, progress, "starting");
                return new Report(name, outcomes, List.of());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting lab " + name, e);
            } finally {
                pool.shutdownNow();
            }
        }, daemonThread("lab-start-" + name));
    }

    /** A lab whose directory or base image is gone cannot start: say which and what to do. */
    private static void checkStartable(Lab lab, List<Instance> members) {
        List<String> missing = new ArrayList<>();
        for (LabDevice d : lab.devices()) {
            if (members.stream().noneMatch(i -> i.name().equals(d.instance()))) {
                missing.add(d.instance());
            }
        }
        if (!missing.isEmpty()) {
            throw new LabRunException("lab " + lab.name() + " cannot start: its instances "
                    + String.join(", ", missing) + " no longer exist; import the lab again");
        }
        lab.directory().filter(d -> !Files.isDirectory(Path.of(d))).ifPresent(d -> {
            throw new LabRunException("lab " + lab.name() + " cannot start: its lab directory " + d + " is gone;"
                    + " put it back, or import the lab again from where it is now");
        });
        for (Instance i : members) {
            for (Disk disk : i.disks()) {
                if (disk.cowFile().isPresent() && !Files.isRegularFile(Path.of(disk.image()))) {
                    throw new LabRunException("lab " + lab.name() + " cannot start: the base image " + disk.image()
                            + " is gone; import the lab again to make it (every device starts afresh)");
                }
            }
        }
    }

    private void startDevice(Lab lab, String device, LabStatus before, AtomicInteger running, int total,
                             Consumer<LabProgress> progress) {
        LabDevice d = lab.device(device).orElseThrow();
        boolean active = before.devices().stream().anyMatch(x -> x.device().equals(device) && x.running());
        if (active) {
            progress.accept(new LabProgress(device, LabProgress.Phase.ALREADY_RUNNING, "", running.get(), total));
            return;
        }
        progress.accept(new LabProgress(device, LabProgress.Phase.STARTING, "", running.get(), total));
        Instance instance = labs.members(lab.name()).join().stream().filter(i -> i.name().equals(d.instance()))
                .findFirst().orElseThrow(() -> new LabRunException("its instance " + d.instance() + " is gone"));
        try {
            runtime.start(instance).join();
        } catch (RuntimeException e) {
            String why = LabRunException.describe(e);
            progress.accept(new LabProgress(device, LabProgress.Phase.FAILED, why, running.get(), total));
            throw new LabRunException(why);
        }
        progress.accept(new LabProgress(device, LabProgress.Phase.BOOTED, "", running.incrementAndGet(), total));
        Optional<String> failure = awaitReady(d.instance(), BootHook.readyLine(device));
        if (failure.isPresent()) {
            progress.accept(new LabProgress(device, LabProgress.Phase.FAILED, failure.get(), running.get(), total));
            throw new LabRunException(failure.get());
        }
        progress.accept(new LabProgress(device, LabProgress.Phase.READY, "", running.get(), total));
    }

    /**
     * Reads the device's console from its start until the boot hook's ready line; empty when it came,
     * else why not (the guest ended, or the time ran out).
     */
    private Optional<String> awaitReady(String instance, String readyLine) {
        ConsoleStream console;
        try {
            console = runtime.openConsole(instance, CONSOLE).join();
        } catch (RuntimeException e) {
            return Optional.of("its console could not be opened: " + LabRunException.describe(e));
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemons("lab-ready-" + instance));
        timer.schedule(() -> {
            timedOut.set(true);
            console.close();
        }, readyTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try (console) {
            if (contains(console.input(), readyLine.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.empty();
            }
        } catch (IOException e) {
            LOG.debug("reading {}'s console failed", instance, e);
        } finally {
            timer.shutdownNow();
        }
        if (timedOut.get()) {
            return Optional.of("its startup files did not finish within " + readyTimeout.toSeconds() + " s (see its"
                    + " console: a startup file may wait for something that never comes)");
        }
        GuestStatus status = runtime.status(instance).join();
        return Optional.of("it " + (status.state() == InstanceState.CRASHED ? "crashed" : "ended") + " before its"
                + " startup files had run" + (status.reason().isEmpty() ? "" : ": " + status.reason()));
    }

    /** Whether {@code needle} comes in the stream before it ends. */
    static boolean contains(InputStream in, byte[] needle) throws IOException {
        byte[] buf = new byte[8192];
        byte[] tail = new byte[0];
        int n;
        while ((n = in.read(buf)) >= 0) {
            byte[] window = new byte[tail.length + n];
            System.arraycopy(tail, 0, window, 0, tail.length);
            System.arraycopy(buf, 0, window, tail.length, n);
            if (indexOf(window, needle) >= 0) {
                return true;
            }
            int keep = Math.min(window.length, needle.length - 1);
            tail = java.util.Arrays.copyOfRange(window, window.length - keep, window.length);
        }
        return false;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Stops the lab's running devices in reverse lab.dep order, at most {@code parallel} at once,
     * gracefully (their shutdown files run) or forced, then the lab's networks.
     */
    public CompletableFuture<Report> stop(String name, boolean force, int parallel, Consumer<LabProgress> progress) {
        return CompletableFuture.supplyAsync(() -> {
            Lab lab = labs.get(name).join();
            LabStatus now = statusNow(name);
            AtomicInteger running = new AtomicInteger((int) now.running());
            int total = lab.devices().size();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel), daemons("lab-stop-" + name));
            List<String> notes = new ArrayList<>();
            try {
                Map<String, Schedule.Outcome> outcomes = Schedule.run(deviceNames(lab),
                        Schedule.reversed(deviceNames(lab), after(lab)), parallel,
                        device -> CompletableFuture.runAsync(() -> stopDevice(lab, device, now, force, running, total,
                                progress), pool));
                report(outcomes, running, total, progress, "stopping");
                for (String network : lab.networks()) {
                    NetworkStatus status = networks.owner().status(network);
                    if (!status.running()) {
                        continue;
                    }
                    try {
                        networks.stop(network).join();
                    } catch (RuntimeException e) {
                        notes.add("network " + network + " keeps running: " + LabRunException.describe(e));
                    }
                }
                return new Report(name, outcomes, notes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping lab " + name, e);
            } finally {
                pool.shutdownNow();
            }
        }, daemonThread("lab-stop-" + name));
    }

    private void stopDevice(Lab lab, String device, LabStatus before, boolean force, AtomicInteger running, int total,
                            Consumer<LabProgress> progress) {
        LabStatus.Device d = before.devices().stream().filter(x -> x.device().equals(device)).findFirst().orElseThrow();
        if (!d.running()) {
            progress.accept(new LabProgress(device, LabProgress.Phase.ALREADY_STOPPED, "", running.get(), total));
            return;
        }
        GuestStatus end;
        try {
            end = runtime.stop(d.instance(), force ? StopMode.FORCE : StopMode.GRACEFUL, step -> progress.accept(
                    new LabProgress(device, LabProgress.Phase.STOPPING, step.message(), running.get(), total))).join();
        } catch (RuntimeException e) {
            String why = LabRunException.describe(e);
            progress.accept(new LabProgress(device, LabProgress.Phase.FAILED, why, running.get(), total));
            throw new LabRunException(why);
        }
        if (end.state().active()) {
            String why = "it is still " + end.state().name().toLowerCase(java.util.Locale.ROOT);
            progress.accept(new LabProgress(device, LabProgress.Phase.FAILED, why, running.get(), total));
            throw new LabRunException(why);
        }
        progress.accept(new LabProgress(device, LabProgress.Phase.STOPPED, "", running.decrementAndGet(), total));
    }

    private static void report(Map<String, Schedule.Outcome> outcomes, AtomicInteger running, int total,
                               Consumer<LabProgress> progress, String doing) {
        outcomes.forEach((device, o) -> {
            if (o instanceof Schedule.Outcome.Skipped s) {
                progress.accept(new LabProgress(device, LabProgress.Phase.SKIPPED, "not " + doing + ": it waits for "
                        + s.dependency() + ", which failed", running.get(), total));
            }
        });
    }

    private static List<String> deviceNames(Lab lab) {
        return lab.devices().stream().map(LabDevice::name).toList();
    }

    private static Map<String, List<String>> after(Lab lab) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        lab.devices().forEach(d -> out.put(d.name(), d.after()));
        return out;
    }

    private static java.util.concurrent.Executor daemonThread(String name) {
        return work -> {
            Thread t = new Thread(work, name);
            t.setDaemon(true);
            t.start();
        };
    }

    private static java.util.concurrent.ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return work -> {
            Thread t = new Thread(work, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
