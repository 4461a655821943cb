package org.umlmanager.launch.holder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.launch.SessionFile;
import org.umlmanager.launch.SessionRecord;
import org.umlmanager.launch.protocol.Message;
import org.umlmanager.launch.protocol.MessageCodec;
import org.umlmanager.model.InstanceState;

/**
 * What the supervisor does when it starts, beside its first clients: it runs once, on throw-away objects, everything a
 * start runs for the first time — a pty spawn, binding a notify socket and sending an mconsole
 * request (junixsocket's native part), writing a session file, encoding a reply, loading the
 * session's classes — so that the real start pays none of it. Measured: without this, the first
 * notify bind alone took 90–360 ms.
 */
final class WarmUp {

    private static final List<Class<?>> SESSION_CLASSES = List.of(GuestSession.class, OutputLine.class,
            Scrollback.class, LogAppender.class, KernelLogScanner.class, PtsLines.class, ResizeGate.class,
            GuestStateMachine.class, StopSequence.class, ExitReport.class, ClientConnection.class, PtsDevice.class,
            GuestHost.class, Orphans.class);

    private WarmUp() {
    }

    /** Warms up using scratch files named after {@code prefix} (removed again). */
    static void run(Path prefix) throws IOException, InterruptedException {
        UmlProcess.warmUp();
        Path socket = prefix.resolveSibling(prefix.getFileName() + ".w");
        Path file = prefix.resolveSibling(prefix.getFileName() + ".w.properties");
        try (GuestLink link = new MconsoleGuestLink()) {
            link.listen(socket, CompletableFuture.completedFuture(-1L), n -> { });
            link.send(prefix.resolveSibling(prefix.getFileName() + ".nothing"), "version", Duration.ofMillis(200));
        }
        GuestSnapshot snapshot = new GuestSnapshot("warm-up", "warm-up", InstanceState.STARTING, "",
                OptionalInt.empty(), OptionalLong.empty(), ProcessHandle.current().pid(), Optional.empty(), 0,
                List.of(), Instant.now());
        try {
            SessionFile.write(file, new SessionRecord(snapshot, prefix.getParent()));
            SessionFile.read(file);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(socket);
        }
        MessageCodec.decode(MessageCodec.encode(new Message.Started(0, snapshot)));
        for (Class<?> c : SESSION_CLASSES) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("a class of the holder is missing", e);
            }
        }
    }
}
