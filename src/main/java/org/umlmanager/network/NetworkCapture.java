package org.umlmanager.network;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.job.Cancellation;

/**
 * Writes the frames on a running network's switch into a pcap file (Ethernet, full frames), as
 * tcpdump and Wireshark read them. A {@code vde_plug} joins the switch as one more port and hands
 * over each frame (a 2-byte length, then the frame); for the capture's duration the switch acts as
 * a hub, so that frames between two guests reach the capture port too, and afterwards it learns
 * again. One capture per network at a time; a capture whose program was killed is undone by the
 * network's keeper ({@link #undoAbandoned}).
 */
public final class NetworkCapture {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkCapture.class);
    private static final int SNAPLEN = 65535;
    static final String DESCRIPTION = "uml-manager:capture";

    private NetworkCapture() {
    }

    /** When to stop: after a time, after a number of frames, or when cancelled. */
    public sealed interface Limit {
        record Seconds(Duration duration) implements Limit {
        }

        record Count(long packets) implements Limit {
        }

        /** Until the cancellation. */
        record Open() implements Limit {
        }
    }

    /** What was captured. */
    public record Result(Path file, long packets, Duration duration) {
    }

    /**
     * Captures until {@code limit} (or {@code cancel}), telling {@code packets} the count after each frame.
     *
     * @throws NetworkException the network does not run, another capture runs, or vde_plug is missing
     */
    public static Result capture(NetworkPaths paths, String network, Path file, Limit limit, LongConsumer packets,
                                 Cancellation cancel) throws NetworkException, InterruptedException, IOException {
        Path mgmt = paths.mgmtSocket(network);
        if (!Files.exists(mgmt)) {
            throw new NetworkException("network '" + network + "' is not running; start a guest on it or"
                    + " 'uml-manager network start " + network + "' first", true);
        }
        Path vdePlug = VdeTools.vdePlug();
        Files.createDirectories(paths.dir(network));
        try (FileChannel lockChannel = FileChannel.open(paths.dir(network).resolve("capture.lock"),
                Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                throw new NetworkException("another capture of network '" + network + "' is running; wait for it to"
                        + " end", true);
            }
            boolean wasHub = hub(mgmt);
            Files.writeString(marker(paths, network), ProcessHandle.current().pid() + " " + wasHub + "\n");
            setHub(mgmt, true);
            try {
                return run(vdePlug, paths, network, file, limit, packets, cancel);
            } finally {
                if (!wasHub) {
                    setHub(mgmt, false);
                }
                Files.deleteIfExists(marker(paths, network));
            }
        }
    }

    private static Result run(Path vdePlug, NetworkPaths paths, String network, Path file, Limit limit,
                              LongConsumer packets, Cancellation cancel)
            throws IOException, InterruptedException, NetworkException {
        Process plug = new ProcessBuilder(vdePlug.toString(), "--descr", DESCRIPTION,
                "vde://" + paths.switchDir(network))
                .redirectError(ProcessBuilder.Redirect.appendTo(paths.log(network, "capture").toFile()))
                .start();
        Clock clock = Clock.systemUTC();
        Instant start = clock.instant();
        Optional<Instant> end = limit instanceof Limit.Seconds s ? Optional.of(start.plus(s.duration()))
                : Optional.empty();
        long max = limit instanceof Limit.Count c ? c.packets() : Long.MAX_VALUE;
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable stop = () -> {
            stopping.set(true);
            try {
                plug.getOutputStream().close();
            } catch (IOException e) {
                // Ends the plug either way.
            }
            plug.destroy();
        };
        cancel.whenCancelled(stop);
        Thread timer = null;
        if (end.isPresent()) {
            timer = new Thread(() -> {
                try {
                    Thread.sleep(Math.max(0, Duration.between(clock.instant(), end.get()).toMillis()));
                    stop.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "capture-timer");
            timer.setDaemon(true);
            timer.start();
        }
        long count = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
             DataInputStream in = new DataInputStream(plug.getInputStream())) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            out.write(globalHeader());
            out.flush();
            byte[] frame = new byte[65536];
            while (count < max) {
                int length;
                try {
                    length = in.readUnsignedShort();
                    in.readFully(frame, 0, length);
                } catch (EOFException e) {
                    break;
                } catch (IOException e) {
                    if (stopping.get()) {
                        // The plug was stopped while a read waited: its pipe went with it.
                        break;
                    }
                    throw e;
                }
                Instant at = clock.instant();
                out.write(recordHeader(at, length));
                out.write(frame, 0, length);
                out.flush();
                packets.accept(++count);
            }
        } finally {
            if (timer != null) {
                timer.interrupt();
            }
            stop.run();
            if (!plug.waitFor(10, TimeUnit.SECONDS)) {
                plug.destroyForcibly();
                plug.waitFor();
            }
        }
        return new Result(file, count, Duration.between(start, clock.instant()));
    }

    /** The 24-byte pcap file header: microsecond timestamps, Ethernet. */
    static byte[] globalHeader() {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN).putInt(1);
        return b.array();
    }

    static byte[] recordHeader(Instant at, int length) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) at.getEpochSecond()).putInt(at.getNano() / 1000).putInt(length).putInt(length);
        return b.array();
    }

    private static Path marker(NetworkPaths paths, String network) {
        return paths.dir(network).resolve("capturing");
    }

    private static boolean hub(Path mgmt) throws IOException {
        return SwitchConsole.run(mgmt, "port/showinfo").data().stream().anyMatch(l -> l.strip().equals("HUB=true"));
    }

    private static void setHub(Path mgmt, boolean on) throws IOException {
        SwitchConsole.Reply r = SwitchConsole.run(mgmt, "port/sethub " + (on ? 1 : 0));
        if (!r.ok()) {
            throw new IOException("the switch refused port/sethub: " + r.status());
        }
    }

    /**
     * Puts the switch back in learning mode if a capture's program ended without doing it (killed
     * during the capture). Called by the keeper now and then.
     */
    static void undoAbandoned(NetworkPaths paths, String network) {
        Path marker = marker(paths, network);
        if (!Files.exists(marker)) {
            return;
        }
        try {
            String[] fields = Files.readString(marker).strip().split(" ");
            long pid = Long.parseLong(fields[0]);
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return;
            }
            if (!Boolean.parseBoolean(fields.length > 1 ? fields[1] : "false")) {
                setHub(paths.mgmtSocket(network), false);
            }
            Files.deleteIfExists(marker);
            LOG.info("undid the switch's hub mode of an abandoned capture of network {}", network);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not undo an abandoned capture of network {}: {}", network, e.getMessage());
        }
    }
}
