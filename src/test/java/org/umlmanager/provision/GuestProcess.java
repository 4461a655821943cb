package org.umlmanager.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.umlmanager.launch.KernelFaults;
import org.umlmanager.testing.GuestReaper;
import org.umlmanager.testing.UmlKernel;

/**
 * A booted guest whose con0 is this process's stdin/stdout pipes: what it prints is collected,
 * what the test types is written to it. Stopped by the reaper the test owns.
 */
public final class GuestProcess {

    private final List<String> argv;
    private final Path workDir;
    private final GuestReaper reaper;
    private final StringBuffer output = new StringBuffer();
    private final Path umidDir;
    private volatile Process process;
    private volatile OutputStream in;
    private Thread reader;
    private boolean startedAgain;
    private int mark;

    private GuestProcess(List<String> argv, Path workDir, GuestReaper reaper, Path umidDir) {
        this.argv = List.copyOf(argv);
        this.workDir = workDir;
        this.reaper = reaper;
        this.umidDir = umidDir;
    }

    public static GuestProcess start(List<String> argv, Path workDir, GuestReaper reaper, Path umidDir) throws IOException {
        GuestProcess g = new GuestProcess(argv, workDir, reaper, umidDir);
        g.spawn();
        return g;
    }

    private void spawn() throws IOException {
        Process p = new ProcessBuilder(argv).directory(workDir.toFile()).redirectErrorStream(true).start();
        reaper.track(p.pid(), umidDir);
        process = p;
        in = p.getOutputStream();
        reader = new Thread(() -> pump(p), "guest-console");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the kernel once more when its own early-boot fault ended the boot (docs/KERNEL.md
     * §7.1), as the supervisor does; the console keeps what the first boot printed.
     */
    private boolean startedAgainAfterBootFault() throws InterruptedException, IOException {
        if (startedAgain) {
            return false;
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        if (!KernelFaults.earlyBootFault(output)) {
            return false;
        }
        startedAgain = true;
        output.append("\n[test: the kernel's early-boot fault ended this boot; starting it once more]\n");
        spawn();
        return true;
    }

    private void pump(Process p) {
        byte[] buf = new byte[8192];
        try (InputStream s = p.getInputStream()) {
            int n;
            while ((n = s.read(buf)) > 0) {
                output.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the guest is gone
        }
    }

    /** Waits for {@code regex} in the output after the last match, and returns the match. */
    public String await(String regex, Duration timeout) throws InterruptedException, IOException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = p.matcher(output.substring(mark));
            if (m.find()) {
                mark += m.end();
                return m.group();
            }
            if (!process.isAlive()) {
                if (startedAgainAfterBootFault()) {
                    continue;
                }
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no /" + regex + "/ on the console within " + timeout.toSeconds() + " s"
                + (process.isAlive() ? "" : " (the guest exited)") + "; output so far:\n" + tail());
    }

    public void type(String text) throws IOException {
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** mconsole cad is the graceful stop: the images we build turn it into a power-off, so the kernel exits 0. */
    public void assertCadPowersOff() throws Exception {
        Path tool = UmlKernel.requireTool("uml_mconsole", "apt-get install uml-utilities");
        Process cad = new ProcessBuilder(tool.toString(), mconsole().toString(), "cad").redirectErrorStream(true).start();
        assertThat(new String(cad.getInputStream().readAllBytes())).contains("OK");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("guest powered off after cad; console:%n%s", tail())
                .isTrue();
        // The guest powered off; the kernel now and then aborts on its way out (docs/KERNEL.md §7.2).
        if (!KernelFaults.abortedAfterHalt(process.exitValue(), output)) {
            assertThat(process.exitValue()).as("the kernel's exit status after cad; console:%n%s", tail()).isZero();
        }
    }

    /** The guest's mconsole socket. */
    public Path mconsole() {
        return umidDir.resolve("mconsole");
    }

    public Process process() {
        return process;
    }

    public String tail() {
        String all = output.toString();
        return all.substring(Math.max(0, all.length() - 3000));
    }
}
