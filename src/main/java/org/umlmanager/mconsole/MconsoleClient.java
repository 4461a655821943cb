package org.umlmanager.mconsole;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A blocking client for one instance's management console, in pure Java (no {@code uml_mconsole}
 * process). Each method sends one request and returns the complete reply; an {@code ERR} reply
 * is a normal return ({@link MconsoleReply#ok()} false), not an exception.
 *
 * <p><b>Threading.</b> Thread-safe. Calls block the calling thread (never call from the FX
 * thread). At most one request is in flight per socket path in this JVM, across all clients of
 * that path; a caller waiting for its turn spends its own timeout doing so.
 *
 * <p><b>Timeouts.</b> Every request has one (the client's default, or the one given to
 * {@link #send(String, Duration)}), covering the wait for the turn, sending, and all packets of
 * the reply. A guest frozen by a host signal, or one that panics or halts in the middle of a
 * streamed reply, yields {@link MconsoleTimeoutException} and never hangs the caller. After a
 * timeout the client's own socket is replaced, so a late reply cannot be taken for the next one.
 *
 * <p><b>Exceptions</b> (all {@link MconsoleException}): {@link InstanceNotReachableException}
 * when no process holds the socket (never started, halted, crashed); {@link MconsoleTimeoutException};
 * a plain {@link MconsoleException} for a malformed reply, an interrupt or a closed client.
 * Commands that cannot be sent (too long, NUL characters, bad arguments) throw
 * {@link IllegalArgumentException} before anything is sent.
 *
 * <p>The client binds its own socket (an abstract name, nothing on disk) at the first request and
 * releases it on {@link #close()}.
 */
public final class MconsoleClient implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(MconsoleClient.class);

    private final MconsoleAddress address;
    private final Duration timeout;
    private final MconsoleTransport.Factory transports;
    private final ReentrantLock turn;
    private final AtomicReference<MconsoleTransport> transport = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A client with {@link #DEFAULT_TIMEOUT}. */
    public MconsoleClient(MconsoleAddress address) {
        this(address, DEFAULT_TIMEOUT);
    }

    public MconsoleClient(MconsoleAddress address, Duration timeout) {
        this(address, timeout, UnixDatagramTransport::open);
    }

    /** A client over another transport (an in-process fake peer in tests). */
    public MconsoleClient(MconsoleAddress address, Duration timeout, MconsoleTransport.Factory transports) {
        this.address = Objects.requireNonNull(address, "address");
        this.timeout = checkTimeout(timeout);
        this.transports = Objects.requireNonNull(transports, "transports");
        this.turn = SocketLocks.acquire(address.socket());
    }

    public MconsoleAddress address() {
        return address;
    }

    public Duration timeout() {
        return timeout;
    }

    /** {@code version}: the guest kernel's uname, e.g. {@code Linux (none) 6.1.176 #1 … x86_64}. */
    public MconsoleReply version() throws MconsoleException {
        return send("version");
    }

    /** {@code help}: the kernel's command list (two packets). */
    public MconsoleReply help() throws MconsoleException {
        return send("help");
    }

    /** {@code halt}: the reply comes first, then the process exits and removes its socket. */
    public MconsoleReply halt() throws MconsoleException {
        return send("halt");
    }

    /** {@code reboot}: the reply comes first, then the process re-executes itself (same PID). */
    public MconsoleReply reboot() throws MconsoleException {
        return send("reboot");
    }

    /**
     * {@code config DEVICE=SPEC}: hot-plugs or reconfigures a device ({@code ubd1}, {@code con2},
     * {@code eth0}, …). Relative file names would be resolved against the guest process's working
     * directory: pass absolute paths.
     */
    public MconsoleReply config(String device, String spec) throws MconsoleException {
        Objects.requireNonNull(spec, "spec");
        return send("config " + device(device) + "=" + spec);
    }

    /** {@code config DEVICE}: the device's current configuration, e.g. {@code pts:/dev/pts/3}; empty if unset. */
    public MconsoleReply config(String device) throws MconsoleException {
        return send("config " + device(device));
    }

    /** {@code remove DEVICE}: unplugs a device; {@code ERR} with -16 if the guest has it open. */
    public MconsoleReply remove(String device) throws MconsoleException {
        return send("remove " + device(device));
    }

    /** {@code sysrq KEY}: the output the key produces, streamed line by line until the command ends. */
    public MconsoleReply sysrq(char key) throws MconsoleException {
        if (Character.isWhitespace(key) || Character.isISOControl(key)) {
            throw new IllegalArgumentException("sysrq key must be a visible character such as 'm' or 's', not "
                    + (int) key);
        }
        return send("sysrq " + key);
    }

    /** {@code cad}: Ctrl-Alt-Del; reboots at once unless the guest's init has taken over C-A-D. */
    public MconsoleReply cad() throws MconsoleException {
        return send("cad");
    }

    /** {@code stop}: freezes the guest (replies {@code stopped}); requests are still served meanwhile. */
    public MconsoleReply stop() throws MconsoleException {
        return send("stop");
    }

    /** {@code go}: resumes a stopped guest; {@code ERR Not stopped} otherwise. */
    public MconsoleReply go() throws MconsoleException {
        return send("go");
    }

    /**
     * {@code log TEXT}: writes TEXT to the guest's kernel log (warning level). The kernel adds no
     * line break, so one is appended when missing.
     */
    public MconsoleReply log(String text) throws MconsoleException {
        Objects.requireNonNull(text, "text");
        return send("log " + (text.endsWith("\n") ? text : text + "\n"));
    }

    /**
     * {@code proc FILE}: a file of the guest kernel's own /proc, e.g. {@code meminfo}. The reply
     * text begins with the {@code "\n"} the kernel sends first.
     */
    public MconsoleReply proc(String file) throws MconsoleException {
        Objects.requireNonNull(file, "file");
        if (file.isBlank()) {
            throw new IllegalArgumentException("proc needs a file name relative to /proc, such as 'meminfo'");
        }
        return send("proc " + file);
    }

    /** {@code stack PID}: the kernel stack of a guest process, streamed like sysrq output. */
    public MconsoleReply stack(long pid) throws MconsoleException {
        if (pid < 0) {
            throw new IllegalArgumentException("stack needs a guest process id (0 or more), not " + pid);
        }
        return send("stack " + pid);
    }

    /** Sends {@code command} as typed (the kernel matches command names by prefix), with the default timeout. */
    public MconsoleReply send(String command) throws MconsoleException {
        return send(command, timeout);
    }

    /** Sends {@code command} and waits at most {@code timeout} for its complete reply. */
    public MconsoleReply send(String command, Duration timeout) throws MconsoleException {
        Objects.requireNonNull(command, "command");
        checkTimeout(timeout);
        ByteBuffer request = MconsoleCodec.encodeRequest(command);
        long deadline = System.nanoTime() + timeout.toNanos();
        ensureOpen();
        takeTurn(command, timeout);
        try {
            MconsoleReply reply = exchange(command, request, timeout, deadline);
            LOG.debug("mconsole {} '{}' -> err {}", address.socket(), command, reply.errorCode());
            return reply;
        } finally {
            turn.unlock();
        }
    }

    private void takeTurn(String command, Duration timeout) throws MconsoleException {
        try {
            if (!turn.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new MconsoleTimeoutException(command, timeout, "", "turn (another request held the socket)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MconsoleException("interrupted while waiting to send '" + command + "'", e);
        }
    }

    private MconsoleReply exchange(String command, ByteBuffer request, Duration timeout, long deadline)
            throws MconsoleException {
        boolean retried = false;
        while (true) {
            MconsoleTransport current = transport.get();
            boolean fresh = current == null;
            if (fresh) {
                current = openTransport();
            }
            try {
                current.send(request.duplicate());
                return awaitReply(current, command, timeout, deadline);
            } catch (InstanceNotReachableException e) {
                discard(current);
                // A socket bound before the guest rebooted points at the old, dead socket: retry once anew.
                if (fresh || retried) {
                    throw e;
                }
                retried = true;
            } catch (MconsoleException e) {
                discard(current);
                throw e;
            } catch (IOException | RuntimeException e) {
                discard(current);
                throw new MconsoleException("mconsole request '" + command + "' to " + address.socket()
                        + " failed: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
            }
        }
    }

    private MconsoleTransport openTransport() throws MconsoleException {
        MconsoleTransport opened;
        try {
            opened = transports.open(address.socket());
        } catch (MconsoleException e) {
            throw e;
        } catch (IOException e) {
            throw new MconsoleException("cannot open an mconsole socket for " + address.socket() + ": "
                    + e.getMessage(), e);
        }
        transport.set(opened);
        if (closed.get()) {
            discard(opened);
            throw closedException();
        }
        return opened;
    }

    private static MconsoleReply awaitReply(MconsoleTransport t, String command, Duration timeout, long deadline)
            throws IOException {
        ReplyAssembler assembler = new ReplyAssembler();
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                String partial = assembler.partialText();
                throw new MconsoleTimeoutException(command, timeout, partial,
                        partial.isEmpty() ? "reply" : "end of the reply");
            }
            Optional<ByteBuffer> datagram = t.receive(Duration.ofNanos(remaining));
            if (datagram.isPresent()) {
                Optional<MconsoleReply> reply = assembler.accept(MconsoleCodec.decodeReply(datagram.get()));
                if (reply.isPresent()) {
                    return reply.get();
                }
            }
        }
    }

    private void discard(MconsoleTransport t) {
        transport.compareAndSet(t, null);
        t.close();
    }

    private void ensureOpen() throws MconsoleException {
        if (closed.get()) {
            throw closedException();
        }
    }

    private MconsoleException closedException() {
        return new MconsoleException("the mconsole client for " + address.socket() + " is closed");
    }

    /** Releases the client's socket; a request in progress on another thread fails. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            MconsoleTransport t = transport.getAndSet(null);
            if (t != null) {
                t.close();
            }
            SocketLocks.release(address.socket());
        }
    }

    private static String device(String device) {
        Objects.requireNonNull(device, "device");
        if (device.isEmpty() || device.chars().anyMatch(c -> Character.isWhitespace(c) || c == '=')) {
            throw new IllegalArgumentException("device name '" + device + "' must be a name such as ubd1, con2"
                    + " or eth0, without spaces or '='");
        }
        return device;
    }

    private static Duration checkTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the mconsole timeout must be positive, not " + timeout);
        }
        return timeout;
    }
}
