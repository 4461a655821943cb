package org.umlmanager.network;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * What a network's keeper last reported ({@code NAME/state}): the phase, the processes, and the
 * recent events a user should hear about (a switch that died and was restarted, guests plugged in
 * again or not).
 *
 * @param phase    where the network is in its life
 * @param since    when it entered that phase
 * @param reason   why it failed or stopped, or empty
 * @param keeper   the pid of the process that owns the network's processes
 * @param switchPid the vde_switch's pid, while it runs
 * @param natPid   the NAT router's pid, while it runs
 * @param restarts how many times the switch was restarted after it died
 * @param events   the newest events last, each "TIME text"
 */
public record NetworkState(Phase phase, Instant since, String reason, OptionalLong keeper, OptionalLong switchPid,
                           OptionalLong natPid, int restarts, List<String> events) {

    /** Kept in the file; older events are dropped. */
    static final int MAX_EVENTS = 20;

    /** A running network's phases; STOPPED and FAILED are final for one keeper. */
    public enum Phase {
        STARTING, RUNNING, RESTARTING, STOPPING, STOPPED, FAILED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the network's processes run (or are being started or restarted). */
        public boolean active() {
            return this == STARTING || this == RUNNING || this == RESTARTING;
        }
    }

    public NetworkState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(keeper, "keeper");
        Objects.requireNonNull(switchPid, "switchPid");
        Objects.requireNonNull(natPid, "natPid");
        events = List.copyOf(events);
    }

    NetworkState with(Phase newPhase, Instant when, String why) {
        return new NetworkState(newPhase, when, why, keeper, switchPid, natPid, restarts, events);
    }

    NetworkState withPids(OptionalLong sw, OptionalLong nat) {
        return new NetworkState(phase, since, reason, keeper, sw, nat, restarts, events);
    }

    NetworkState withRestart() {
        return new NetworkState(phase, since, reason, keeper, switchPid, natPid, restarts + 1, events);
    }

    NetworkState withEvent(Instant when, String text) {
        List<String> more = new ArrayList<>(events);
        more.add(when + " " + text);
        return new NetworkState(phase, since, reason, keeper, switchPid, natPid, restarts,
                more.subList(Math.max(0, more.size() - MAX_EVENTS), more.size()));
    }

    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("phase", phase.word());
        p.setProperty("since", since.toString());
        p.setProperty("reason", reason);
        keeper.ifPresent(v -> p.setProperty("keeperPid", Long.toString(v)));
        switchPid.ifPresent(v -> p.setProperty("switchPid", Long.toString(v)));
        natPid.ifPresent(v -> p.setProperty("natPid", Long.toString(v)));
        p.setProperty("restarts", Integer.toString(restarts));
        for (int i = 0; i < events.size(); i++) {
            p.setProperty(String.format("event.%02d", i), events.get(i));
        }
        PropertiesFiles.write(file, p);
    }

    static Optional<NetworkState> read(Path file) {
        return PropertiesFiles.read(file).flatMap(p -> {
            try {
                List<String> events = new ArrayList<>();
                for (int i = 0; p.getProperty(String.format("event.%02d", i)) != null; i++) {
                    events.add(p.getProperty(String.format("event.%02d", i)));
                }
                return Optional.of(new NetworkState(Phase.valueOf(p.getProperty("phase").toUpperCase(Locale.ROOT)),
                        Instant.parse(p.getProperty("since")), p.getProperty("reason", ""), pid(p, "keeperPid"),
                        pid(p, "switchPid"), pid(p, "natPid"), Integer.parseInt(p.getProperty("restarts", "0")),
                        events));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private static OptionalLong pid(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v));
    }
}
