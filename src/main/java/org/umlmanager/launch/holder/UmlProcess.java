package org.umlmanager.launch.holder;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.umlmanager.launch.LaunchSpec;
import org.umlmanager.launch.Posix;
import org.umlmanager.launch.PtyNatives;

/**
 * The UML kernel process on a pty. No window size is set at spawn: a size change in the first
 * moments of a 6.1 boot panics the kernel (docs/PITFALLS.md, "Resizing"), so resizes come later through
 * {@link #resize}. pty4j makes the child a session leader, so its PID is also its process group,
 * which UML's helper processes share.
 */
final class UmlProcess implements KernelProcess {

    static {
        PtyNatives.prepare();
    }

    private final PtyProcess process;
    private final CompletableFuture<OptionalInt> exit = new CompletableFuture<>();

    private UmlProcess(PtyProcess process) {
        this.process = process;
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
                .setConsole(false)
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
