package org.umlmanager.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.launch.GuestEvent;
import org.umlmanager.launch.StopMode;
import org.umlmanager.launch.StopStep;
import org.umlmanager.mconsole.MconsoleClient;
import org.umlmanager.mconsole.MconsoleReply;
import org.umlmanager.model.Instance;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.NetworkInterface;

/**
 * Running guests, for the desktop UI and the CLI: start, stop, pause, state, events, consoles and
 * mconsole. Running guests are held by one supervisor process per user, so guests outlive
 * the program that started them; a later program finds them again through this same API.
 *
 * <p><b>Threading.</b> Every method returns at once; the work runs on the executor the
 * implementation was given, and futures complete on its threads (or on a supervisor connection's
 * thread). Listeners are called on the event executor, in order per guest. Thread-safe.
 *
 * <p><b>Failures.</b> Futures fail with {@link LaunchRefusedException} when a start is refused
 * (the problems say what to do), {@link NoSuchGuestException} when no running guest has that
 * name, {@link GuestException} for other refusals with a message for people (the guest is not
 * running, the line does not exist, …), and {@link java.io.IOException} when talking to the supervisor
 * or guest failed.
 */
public interface GuestRuntime extends AutoCloseable {

    /**
     * Checks {@code instance} (the validator's errors and the safety checks: kernel, images, files
     * in use, COW headers, umid) and starts it. Completes once the kernel process runs (STARTING);
     * use {@link #whenRunning} to wait for the guest to be up.
     */
    CompletableFuture<GuestStatus> start(Instance instance);

    /** Completes when the guest is RUNNING; fails with {@link GuestException} if it ends first. */
    CompletableFuture<GuestStatus> whenRunning(String name);

    /**
     * Stops a guest. GRACEFUL: Ctrl-Alt-Del, SysRq s and u, halt, SIGTERM, SIGKILL, each only if
     * the previous did not end it; FORCE: halt, then SIGKILL. Each step goes to {@code progress}.
     * Completes with the final status (STOPPED, or CRASHED if it died otherwise meanwhile).
     */
    CompletableFuture<GuestStatus> stop(String name, StopMode mode, Consumer<StopStep> progress);

    /** Freezes a running guest (mconsole {@code stop}); PAUSED. */
    CompletableFuture<GuestStatus> pause(String name);

    /** Resumes a paused guest (mconsole {@code go}); RUNNING. */
    CompletableFuture<GuestStatus> resume(String name);

    /** The state of one instance: held by the supervisor, running outside, last recorded, or stopped. */
    CompletableFuture<GuestStatus> status(String name);

    /**
     * Every configured instance's status, plus running guests without a configuration (found in
     * the sessions directory and in the default uml_dir). Removes stale umid directories of dead
     * guests on the way. Guests the supervisor holds are watched from then on (events flow).
     */
    CompletableFuture<List<GuestStatus>> list();

    /** Registers a listener for every watched guest's events; close the result to unregister. */
    AutoCloseable addListener(Consumer<GuestEvent> listener);

    /** Opens a stream to one of the guest's lines ({@code con0}, …; see {@link GuestStatus#lines()}). */
    CompletableFuture<ConsoleStream> openConsole(String name, String line);

    /**
     * Runs an mconsole command as typed (the kernel matches by prefix). For a guest under a
     * supervisor it goes through the supervisor, so that {@code stop}, {@code go} and {@code halt} update
     * the state. Fails with {@link org.umlmanager.mconsole.MconsoleTimeoutException} or
     * {@link org.umlmanager.mconsole.InstanceNotReachableException} when the guest does not answer.
     */
    CompletableFuture<MconsoleReply> command(String name, String command);

    /**
     * Adds interface {@code nic} to the running guest of {@code config} (mconsole {@code config}),
     * as the kernel's syntax has it. Completes with the argument the kernel took; fails with
     * {@link GuestException} naming the kernel's reply. An interface on a saved network needs a
     * runtime that knows the networks ({@link NetworkedRuntime}); this one refuses it.
     */
    default CompletableFuture<String> addInterface(Instance config, NetworkInterface nic) {
        if (nic instanceof NetworkAttachment a) {
            return CompletableFuture.failedFuture(new GuestException(a.deviceName() + " is on network '" + a.network()
                    + "', which this runtime cannot connect"));
        }
        return Hotplugs.config(this, config.name(), Hotplugs.interfaceArg(nic, org.umlmanager.cmdline.GenerateOptions
                .none()));
    }

    /**
     * Removes device {@code device} ({@code eth1}, {@code ubd2}, …) from the running guest of
     * {@code config} (mconsole {@code remove}); fails with {@link GuestException} naming the
     * kernel's reply (an interface that is up, a disk that is mounted).
     */
    default CompletableFuture<Void> removeDevice(Instance config, String device) {
        return Hotplugs.remove(this, config.name(), device);
    }

    /** A direct mconsole client for the guest's socket; the caller closes it. */
    CompletableFuture<MconsoleClient> mconsole(String name);

    /**
     * Makes sure the supervisor runs (starting it in the background) and keeps a connection to it
     * ready, so that the next {@link #start} skips the cost of a new JVM and a connection, and keeps
     * one ready after each start from then on. Completes when it is ready (at once if it is). The
     * connection also keeps the supervisor from exiting while this runtime is open.
     */
    CompletableFuture<Void> prewarm();

    /** Lets go of the supervisor's connections; running guests keep running. */
    @Override
    void close();
}
