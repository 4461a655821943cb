package org.umlmanager.launch.holder;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import com.pty4j.unix.UnixPtyProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.umlmanager.launch.LaunchSpec;
import org.umlmanager.launch.Posix;
import org.umlmanager.launch.PtyNatives;

/**
 * The UML kernel process on a pty. The pty is not the kernel's controlling terminal (pty4j's
 * console mode: the child only leads a process group of its own, which UML's helper processes
 * share): on its controlling terminal the kernel's whole group would get every SIGWINCH, and one
 * arriving while the kernel starts a guest process kills that process or panics the kernel
 * (docs/PITFALLS.md, "Resizing"). This way a helper of UML's own takes the size changes
 * ({@link WinchHelpers}). No window size is set at spawn either; resizes come later through
 * {@link #resize}.
 */
final class UmlProcess implements KernelProcess {

    static {
        PtyNatives.prepare();
    }

    private final PtyProcess process;
    private final OptionalLong console;
    private final CompletableFuture<OptionalInt> exit = new CompletableFuture<>();

    private UmlProcess(PtyProcess process) {
        this.process = process;
        this.console = process instanceof UnixPtyProcess unix
                ? WinchHelpers.device(Path.of(unix.getPty().getSlaveName()))
                : OptionalLong.empty();
        Thread waiter = new Thread(this::waitForExit, "uml-waiter");
        waiter.setDaemon(true);
        waiter.start();
    }

    static UmlProcess spawn(LaunchSpec spec) throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(spec.environment());
        PtyProcess p = new PtyProcessBuilder(spec.argv().toArray(String[]::new))
                .setEnvironment(env)
                .setDirectory(spec.workingDirectory().toString())
                .setRedirectErrorStream(true)
                .setConsole(true)
                .start();
        return new UmlProcess(p);
    }

    /** Spawns {@code true} and waits for it: loads pty4j's native parts so that the real spawn is fast. */
    static void warmUp() throws IOException, InterruptedException {
        PtyProcess p = new PtyProcessBuilder(new String[] {"true"}).setRedirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    InputStream output() {
        return process.getInputStream();
    }

    OutputStream input() {
        return process.getOutputStream();
    }

    void resize(int columns, int rows) {
        process.setWinSize(new WinSize(columns, rows));
    }

    /** Completes with the exit status (128+N for signal N) once the process is reaped. */
    @Override
    public CompletableFuture<OptionalInt> exit() {
        return exit;
    }

    @Override
    public void signal(int signal) {
        Posix.kill(process.pid(), signal);
    }

    @Override
    public void killGroup() {
        Posix.killGroup(process.pid(), Posix.SIGKILL);
        console.ifPresent(WinchHelpers::kill);
    }

    private void waitForExit() {
        while (true) {
            try {
                exit.complete(OptionalInt.of(process.waitFor()));
                return;
            } catch (InterruptedException e) {
                // keep waiting: the exit status is the holder's most important fact
            }
        }
    }
}
