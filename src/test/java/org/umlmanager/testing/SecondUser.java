package org.umlmanager.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Another local user, {@code umlintruder}, for tests of what other users can and cannot reach.
 * Commands run as it through {@code sudo -n -u umlintruder}, which CI allows for the user it runs
 * the suite as. Without that, a test needing it is skipped with a loud reason on a developer
 * machine and fails under {@code CI=true}: the cross-user checks must never go green unrun.
 */
public final class SecondUser {

    public static final String NAME = "umlintruder";

    /**
     * Sends one AF_UNIX datagram ({@code $ARGV[1]}, hex) to the socket {@code $ARGV[0]} and prints
     * "sent", or dies with the error: perl is part of every Debian system (perl-base).
     */
    public static final String SEND_DATAGRAM = "use Socket; socket(my $s, AF_UNIX, SOCK_DGRAM, 0) or die \"socket: $!\\n\";"
            + " defined(send($s, pack('H*', $ARGV[1]), 0, pack_sockaddr_un($ARGV[0]))) or die \"send: $!\\n\";"
            + " print \"sent\\n\";";

    /** What a command printed (stdout and stderr together) and its exit status. */
    public record Result(int status, String output) {
    }

    private SecondUser() {
    }

    /** Skips (or, under CI, fails) the calling test unless commands can run as the second user. */
    public static void require() {
        String reason;
        try {
            Result r = runAs("true");
            if (r.status() == 0) {
                return;
            }
            reason = "'sudo -n -u " + NAME + " true' failed (" + r.output().strip() + ")";
        } catch (IOException e) {
            reason = "sudo is not available (" + e.getMessage() + ")";
        }
        reason += "; this test needs a second local user '" + NAME + "' that the test user may run commands as"
                + " (sudoers: 'USER ALL=(" + NAME + ") NOPASSWD: ALL')";
        if (UmlKernel.isCi()) {
            fail("CI=true and " + reason);
        }
        System.err.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    /** Runs {@code command} as the second user and waits (up to 30 s) for it. */
    public static Result run(String... command) throws IOException {
        require();
        return runAs(command);
    }

    /** Sends {@code datagram} to the socket {@code path} as the second user. */
    public static Result sendDatagram(String path, byte[] datagram) throws IOException {
        return run("perl", "-e", SEND_DATAGRAM, path, HexFormat.of().formatHex(datagram));
    }

    /** The same as this user, from a process that is not this JVM. */
    public static Result sendDatagramAsMe(String path, byte[] datagram) throws IOException {
        return exec(List.of("perl", "-e", SEND_DATAGRAM, path, HexFormat.of().formatHex(datagram)));
    }

    private static Result runAs(String... command) throws IOException {
        List<String> argv = new ArrayList<>(List.of("sudo", "-n", "-u", NAME, "--"));
        argv.addAll(List.of(command));
        return exec(argv);
    }

    private static Result exec(List<String> argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).directory(new java.io.File("/")).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(argv + " did not end within 30 s");
            }
            return new Result(p.exitValue(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }
}
