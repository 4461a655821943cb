package org.umlmanager.launch.holder;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.launch.ChildFile;
import org.umlmanager.launch.ChildSpec;
import org.umlmanager.launch.ChildStatus;
import org.umlmanager.launch.SupervisorFiles;

/**
 * The processes other than guests that the supervisor keeps running ({@link ChildSpec}): it
 * starts them, notices when one dies and starts it again after a pause, stops them with their
 * process group, and reaps them. Each has a record under the supervisor's directory, so that a
 * supervisor taking over from a killed one finds them (and watches them, or starts again those
 * that died meanwhile). A child bound to guests is stopped once none of them runs: at once when
 * the last one ends, and after {@link #UNUSED_GRACE} if none of them ever came. Thread-safe.
 */
final class Children {

    private static final Logger LOG = LoggerFactory.getLogger(Children.class);
    /** How long a child bound to guests waits for one of them to run before it is stopped. */
    static final Duration UNUSED_GRACE = Duration.ofSeconds(30);

    private final SupervisorFiles files;
    private final Runnable changed;
    private final Map<String, Child> children = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            GuestSession.daemon("children"));

    Children(SupervisorFiles files, Runnable changed) {
        this.files = files;
        this.changed = changed;
    }

    /**
     * Starts {@code spec}'s process; if a child of that name runs the same command already, it now
     * serves {@code spec}'s guests as well.
     *
     * @throws IllegalArgumentException if a child of that name runs another command
     */
    ChildStatus start(ChildSpec spec) throws IOException {
        while (true) {
            Child running = children.get(spec.name());
            if (running != null && running.active()) {
                if (!running.spec().argv().equals(spec.argv())) {
                    throw new IllegalArgumentException("a child named " + spec.name() + " runs another command: "
                            + String.join(" ", running.spec().argv()));
                }
                return running.serveAlso(spec.boundTo());
            }
            Child fresh = new Child(spec, this);
            if (running == null ? children.putIfAbsent(spec.name(), fresh) == null
                    : children.replace(spec.name(), running, fresh)) {
                try {
                    fresh.start();
                } catch (IOException | RuntimeException e) {
                    children.remove(spec.name(), fresh);
                    throw e;
                }
                changed.run();
                return fresh.status();
            }
        }
    }

    /** Stops the child {@code name} and waits for its process group to end; empty if there is none. */
    Optional<ChildStatus> stop(String name) {
        Child child = children.get(name);
        if (child == null) {
            return Optional.empty();
        }
        ChildStatus last = child.stop("stopped on request");
        changed.run();
        return Optional.of(last);
    }

    List<ChildStatus> list() {
        return children.values().stream().map(Child::status)
                .sorted(java.util.Comparator.comparing(ChildStatus::name)).toList();
    }

    /** Whether any child runs or is about to be started again (the supervisor is busy then). */
    boolean running() {
        return children.values().stream().anyMatch(Child::active);
    }

    /**
     * The guests that run now changed ({@code lastEnded} ended, or none when called from the
     * housekeeping): a child bound to guests of which none runs is stopped, at once if it served
     * the one that ended, otherwise once it has waited {@link #UNUSED_GRACE} for one.
     */
    void guestsChanged(Set<String> running, Optional<String> lastEnded) {
        for (Child child : children.values()) {
            Set<String> bound = child.spec().boundTo();
            if (!child.active() || bound.isEmpty()) {
                continue;
            }
            if (bound.stream().anyMatch(running::contains)) {
                child.used();
            } else if (lastEnded.map(bound::contains).orElse(false) || child.unusedFor(UNUSED_GRACE)) {
                String why = lastEnded.filter(bound::contains).map(g -> "stopped with " + g + ", the last guest it"
                        + " served").orElse("stopped: none of the guests it serves has run for "
                        + UNUSED_GRACE.toSeconds() + " s");
                Thread t = new Thread(() -> {
                    child.stop(why);
                    changed.run();
                }, "stop-" + child.spec().name());
                t.setDaemon(true);
                t.start();
            }
        }
    }

    /** Takes over the children a killed supervisor recorded: watches those that run, starts again those that died. */
    void adoptOrphans() {
        Path dir = files.childrenDirectory();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> records = Files.newDirectoryStream(dir, "*.properties")) {
            for (Path record : records) {
                Optional<ChildFile.Entry> entry = ChildFile.read(record);
                if (entry.isEmpty()) {
                    LOG.warn("cannot read the child record {}: left alone", record);
                    continue;
                }
                Child child = new Child(entry.get().spec(), this);
                children.put(entry.get().spec().name(), child);
                child.adopt(entry.get());
            }
        } catch (IOException e) {
            LOG.warn("cannot look for children to take over in {}: {}", dir, e.getMessage());
        }
    }

    // ---- for Child ----

    ScheduledExecutorService timer() {
        return timer;
    }

    Path recordOf(String name) {
        return ChildFile.of(files, name);
    }

    void changed() {
        changed.run();
    }
}
