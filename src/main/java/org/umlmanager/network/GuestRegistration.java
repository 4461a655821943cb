package org.umlmanager.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.umlmanager.host.ProcStat;

/**
 * A running (or starting) guest that uses a network: what the network's keeper needs to tell
 * whether the guest still runs, and to plug it in again after the switch was restarted. One file
 * per guest in the network's {@code guests/} directory, written when the guest starts.
 *
 * @param instance   the instance's name
 * @param umidDir    the kernel's umid directory: its {@code pid} file names the guest's process
 * @param devices    the guest's interfaces on this network, each as on the kernel's command line and as
 *                   mconsole {@code config} takes it ({@code eth0=vde,DIR,MAC,,,,DESCRIPTION})
 * @param agent      how to run commands in the guest, if it has UML Manager's agent
 * @param registered when the guest was registered (a guest whose kernel has not written its pid
 *                   file yet counts as running for {@link #STARTUP_GRACE})
 * @param pid        the guest's kernel process once known (from the starting program or the pid file)
 */
public record GuestRegistration(String instance, Path umidDir, List<String> devices, Optional<AgentAccess> agent,
                                Instant registered, Optional<Long> pid) {

    /** How long a guest may take from its registration to its kernel's pid file. */
    public static final Duration STARTUP_GRACE = Duration.ofSeconds(90);

    /**
     * The guest's command agent as the keeper reaches it: the socket of the supervisor that serves
     * the guest's lines, and the agent's line.
     */
    public record AgentAccess(Path supervisorSocket, String line) {
        public AgentAccess {
            Objects.requireNonNull(supervisorSocket, "supervisorSocket");
            Objects.requireNonNull(line, "line");
        }
    }

    public GuestRegistration {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(umidDir, "umidDir");
        devices = List.copyOf(devices);
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(registered, "registered");
        Objects.requireNonNull(pid, "pid");
    }

    public GuestRegistration withPid(long kernelPid) {
        return new GuestRegistration(instance, umidDir, devices, agent, registered, Optional.of(kernelPid));
    }

    public Path mconsoleSocket() {
        return umidDir.resolve("mconsole");
    }

    /** The guest's kernel pid from its pid file, if it has written one (the kernel removes it when it ends). */
    public Optional<Long> pidFile() {
        try {
            return Optional.of(Long.parseLong(Files.readString(umidDir.resolve("pid")).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the guest runs: its known kernel process lives; or, while its pid is not known yet,
     * it is still within {@link #STARTUP_GRACE} of its registration.
     */
    public boolean active(Instant now) {
        Optional<Long> known = pid.or(this::pidFile);
        if (known.isPresent()) {
            return ProcStat.alive(known.get());
        }
        return now.isBefore(registered.plus(STARTUP_GRACE));
    }

    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("instance", instance);
        p.setProperty("umidDir", umidDir.toString());
        for (int i = 0; i < devices.size(); i++) {
            p.setProperty("device." + i, devices.get(i));
        }
        agent.ifPresent(a -> {
            p.setProperty("agent.supervisorSocket", a.supervisorSocket().toString());
            p.setProperty("agent.line", a.line());
        });
        p.setProperty("registered", Long.toString(registered.toEpochMilli()));
        pid.ifPresent(v -> p.setProperty("pid", Long.toString(v)));
        PropertiesFiles.write(file, p);
    }

    static Optional<GuestRegistration> read(Path file) {
        return PropertiesFiles.read(file).flatMap(p -> {
            try {
                List<String> devices = new ArrayList<>();
                for (int i = 0; p.getProperty("device." + i) != null; i++) {
                    devices.add(p.getProperty("device." + i));
                }
                Optional<AgentAccess> agent = Optional.ofNullable(p.getProperty("agent.supervisorSocket"))
                        .map(s -> new AgentAccess(Path.of(s), p.getProperty("agent.line", "")));
                return Optional.of(new GuestRegistration(p.getProperty("instance"), Path.of(p.getProperty("umidDir")),
                        devices, agent, Instant.ofEpochMilli(Long.parseLong(p.getProperty("registered"))),
                        Optional.ofNullable(p.getProperty("pid")).map(Long::parseLong)));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }
}
