package org.umlmanager.ui.inspect;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.umlmanager.mconsole.MconsoleReply;
import org.umlmanager.service.GuestRuntime;

/**
 * The Inspect panel of one running guest, over its mconsole: kernel version, a {@code /proc}
 * file, a process's kernel stack, a line for the kernel log. Each request runs in the runtime's
 * background and its answer (or error) comes back on {@code ui}. Touches no controls.
 */
public final class InspectViewModel {

    /** Files worth a look, offered in the chooser; any other path under /proc can be typed. */
    public static final List<String> PROC_FILES = List.of("meminfo", "cpuinfo", "uptime", "loadavg", "version",
            "mounts", "partitions", "interrupts", "stat", "vmstat", "net/dev", "filesystems", "cmdline");

    /** Every stack the kernel prints has this heading before its frames. */
    static final String TRACE = "Call Trace:";

    private final GuestRuntime runtime;
    private final String name;
    private final Executor ui;
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper("");
    private final StringProperty procFile = new SimpleStringProperty("meminfo");
    private final ReadOnlyStringWrapper procText = new ReadOnlyStringWrapper("");
    private final StringProperty pid = new SimpleStringProperty("1");
    private final ReadOnlyStringWrapper stackText = new ReadOnlyStringWrapper("");
    private final StringProperty logLine = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public InspectViewModel(GuestRuntime runtime, String name, Executor ui) {
        this.runtime = runtime;
        this.name = name;
        this.ui = ui;
    }

    public String name() {
        return name;
    }

    public CompletableFuture<Void> refreshVersion() {
        return ask("version", "read the kernel version of", version);
    }

    public CompletableFuture<Void> refreshProc() {
        String file = procFile.get().strip().replaceFirst("^/proc/", "");
        return ask("proc " + file, "read /proc/" + file + " of", procText);
    }

    /**
     * Asks for a process's kernel stack. A running guest's kernel may print a refusal instead of a
     * trace (6.1 refuses when the request interrupts a user process); that reply is shown as it
     * came and the message says so, with what helps: pausing the guest, whose kernel always answers.
     */
    public CompletableFuture<Void> showStack() {
        String process = pid.get().strip();
        String action = "read the stack of process " + process + " in";
        return ask("stack " + process, action, stackText).thenRun(() -> ui.execute(() -> {
            String text = stackText.get();
            if (message.get().isEmpty() && !text.isBlank() && !text.contains(TRACE)) {
                message.set("Could not " + action + " " + name + ": the kernel answered \""
                        + text.strip().lines().findFirst().orElse("") + "\". A running guest may refuse while one"
                        + " of its processes runs; Pause it and ask again.");
            }
        }));
    }

    public CompletableFuture<Void> sendLog() {
        String text = logLine.get();
        // mconsole log adds no newline; without one the next kernel message would join this line.
        return ask("log " + text + (text.endsWith("\n") ? "" : "\n"), "log to", null).thenRun(() -> ui.execute(() -> {
            if (message.get().isEmpty()) {
                message.set("Sent to the kernel log.");
                logLine.set("");
            }
        }));
    }

    private CompletableFuture<Void> ask(String command, String action, ReadOnlyStringWrapper target) {
        busy.set(true);
        message.set("");
        return runtime.command(name, command).handleAsync((reply, error) -> {
            busy.set(false);
            if (error != null || !reply.ok()) {
                message.set("Could not " + action + " " + name + ": "
                        + (error != null ? reason(error) : reply.text().strip()));
                // An answer left from an earlier request would read as this one's.
                if (target != null) {
                    target.set("");
                }
            } else if (target != null) {
                target.set(text(reply));
            }
            return null;
        }, ui);
    }

    private static String text(MconsoleReply reply) {
        String t = reply.text();
        return t.startsWith("\n") ? t.substring(1) : t;
    }

    private static String reason(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && (t instanceof CompletionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public StringProperty procFileProperty() {
        return procFile;
    }

    public ReadOnlyStringProperty procTextProperty() {
        return procText.getReadOnlyProperty();
    }

    public StringProperty pidProperty() {
        return pid;
    }

    public ReadOnlyStringProperty stackTextProperty() {
        return stackText.getReadOnlyProperty();
    }

    public StringProperty logLineProperty() {
        return logLine;
    }

    /** The last error (or confirmation), for the panel's message line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
