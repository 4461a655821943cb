package org.umlmanager.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.umlmanager.launch.ConsoleStream;

/**
 * The host side of {@code uml-manager exec}: sends one command to the guest's agent over its
 * line's console stream and collects the answer (see {@link AgentScript} for the frames). Every
 * request carries a random id, and frames with other ids (other clients', or old ones in the
 * line's scrollback) are passed over, so several clients can use one guest's agent at once.
 *
 * <p>Blocking; one call per stream. The stream is the caller's to close.
 */
public final class AgentClient {

    /** How long a time-limited command's answer may take beyond its limit before the client gives up. */
    static final Duration GRACE = Duration.ofSeconds(15);
    private static final Duration PING_INTERVAL = Duration.ofSeconds(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getEncoder();
    private static final Base64.Decoder DECODER = Base64.getMimeDecoder();

    /**
     * What the command did.
     *
     * @param status   its exit status; 124 when its time limit ended it
     * @param stdout   what it wrote to standard output
     * @param stderr   what it wrote to standard error
     * @param timedOut whether the time limit ended it
     */
    public record Result(int status, byte[] stdout, byte[] stderr, boolean timedOut) {
    }

    private final ConsoleStream stream;
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final String id = HexFormat.of().formatHex(random());
    private volatile IOException readFailure;

    private AgentClient(ConsoleStream stream) {
        this.stream = stream;
    }

    private static byte[] random() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }

    /**
     * Runs {@code argv} as root in the guest and returns its result.
     *
     * @param timeout   kill the command (and what it started) after this long: status 124
     * @param agentWait how long to wait for the agent to answer at all (it starts late in a booting guest)
     * @throws AgentException the agent did not answer within {@code agentWait}, or its answer was damaged
     */
    public static Result run(ConsoleStream stream, List<String> argv, Optional<Duration> timeout,
                             Duration agentWait) throws AgentException, IOException, InterruptedException {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("no command");
        }
        AgentClient client = new AgentClient(stream);
        Thread reader = new Thread(client::read, "agent-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            return client.exchange(argv, timeout, agentWait);
        } finally {
            reader.interrupt();
        }
    }

    private Result exchange(List<String> argv, Optional<Duration> timeout, Duration agentWait)
            throws AgentException, IOException, InterruptedException {
        awaitPong(agentWait);
        StringBuilder request = new StringBuilder("UMX1 RUN ").append(id).append(' ')
                .append(timeout.map(Duration::toSeconds).map(s -> Math.max(1, s)).orElse(0L));
        for (String arg : argv) {
            request.append(' ').append(arg.isEmpty() ? "-" : ENCODER.encodeToString(arg.getBytes(
                    StandardCharsets.UTF_8)));
        }
        send(request.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int outLines = 0;
        int errLines = 0;
        long deadline = timeout.map(t -> System.nanoTime() + t.plus(GRACE).toNanos()).orElse(Long.MAX_VALUE);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    send("UMX1 KILL " + id);
                    return new Result(124, out.toByteArray(), err.toByteArray(), true);
                }
                String[] f = next(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
                if (f == null) {
                    continue;
                }
                switch (f[1]) {
                    case "O" -> {
                        out.writeBytes(decode(f));
                        outLines++;
                    }
                    case "E" -> {
                        err.writeBytes(decode(f));
                        errLines++;
                    }
                    case "X" -> {
                        if (f.length < 6 || Integer.parseInt(f[4]) != outLines || Integer.parseInt(f[5]) != errLines) {
                            throw new AgentException("part of the command's output was lost on the way (" + outLines
                                    + " of " + (f.length > 4 ? f[4] : "?") + " stdout and " + errLines + " of "
                                    + (f.length > 5 ? f[5] : "?") + " stderr frames arrived)");
                        }
                        int status = Integer.parseInt(f[3]);
                        return new Result(status, out.toByteArray(), err.toByteArray(), status == 124
                                && timeout.isPresent());
                    }
                    default -> {
                        // PONG to a repeated ping.
                    }
                }
            }
        } catch (InterruptedException e) {
            send("UMX1 KILL " + id);
            throw e;
        }
    }

    private void awaitPong(Duration wait) throws AgentException, IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            send("UMX1 PING " + id);
            long until = Math.min(deadline, System.nanoTime() + PING_INTERVAL.toNanos());
            while (System.nanoTime() < until) {
                String[] f = next(until - System.nanoTime());
                if (f != null && f[1].equals("PONG")) {
                    return;
                }
            }
        }
        throw new AgentException("the guest's agent did not answer on " + stream.line() + " within "
                + wait.toSeconds() + " s (the guest may still be booting, or its agent is not running)");
    }

    /** The next frame of ours as its fields, or null after {@code nanos}. */
    private String[] next(long nanos) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                if (readFailure != null) {
                    throw readFailure;
                }
                return null;
            }
            String[] f = line.split(" ");
            if (f.length >= 3 && f[0].equals("UMX1") && f[2].equals(id)) {
                return f;
            }
        }
    }

    private static byte[] decode(String[] f) throws AgentException {
        try {
            return f.length > 3 ? DECODER.decode(f[3]) : new byte[0];
        } catch (IllegalArgumentException e) {
            throw new AgentException("the agent's answer was damaged on the way (" + e.getMessage() + ")");
        }
    }

    private void send(String line) throws IOException {
        OutputStream out = stream.output();
        // One write per request, so that requests of several clients never interleave.
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Splits the stream into lines; only frame-like lines are kept. */
    private void read() {
        InputStream in = stream.input();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        String text = line.toString(StandardCharsets.US_ASCII).strip();
                        int at = text.indexOf("UMX1 ");
                        if (at >= 0) {
                            frames.add(text.substring(at));
                        }
                        line.reset();
                    } else if (line.size() < 1 << 20) {
                        line.write(b);
                    }
                }
            }
            readFailure = new IOException("the guest's line " + stream.line() + " closed (the guest stopped?)");
        } catch (IOException e) {
            readFailure = e;
        }
    }
}
