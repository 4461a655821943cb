package org.umlmanager.mconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.umlmanager.testing.SecondUser;

class NotifyListenerTest {

    @TempDir
    Path dir;

    /** Sends like the kernel: from an unbound socket. */
    private static void send(Path socket, ByteBuffer datagram) throws Exception {
        try (AFUNIXDatagramChannel ch = AFUNIXDatagramChannel.open()) {
            ch.send(datagram, AFUNIXSocketAddress.of(socket));
        }
    }

    private static Thread threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst().orElse(null);
    }

    @Test
    void eventsArriveInOrderOnANamedDaemonThread() throws Exception {
        Path sock = dir.resolve("run/n.sock");
        BlockingQueue<NotifyEvent> events = new LinkedBlockingQueue<>();
        BlockingQueue<Thread> threads = new LinkedBlockingQueue<>();
        try (NotifyListener l = NotifyListener.bind(sock, e -> {
            threads.add(Thread.currentThread());
            events.add(e);
        })) {
            assertThat(l.socket()).isEqualTo(sock);
            assertThat(Files.getPosixFilePermissions(sock.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            NotifyEvent[] sent = {new NotifyEvent.SocketReady(Path.of("/tmp/u/vm/mconsole")),
                    new NotifyEvent.UserNotify("hi\n"), new NotifyEvent.Hang(), new NotifyEvent.Panic("sysrq triggered crash")};
            for (NotifyEvent e : sent) {
                send(sock, NotifyCodec.encode(e));
            }
            for (NotifyEvent e : sent) {
                assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo(e);
            }
            Thread t = threads.take();
            assertThat(t.getName()).isEqualTo("mconsole-notify-n.sock");
            assertThat(t.isDaemon()).isTrue();
        }
    }

    @Test
    void closeUnbindsDeletesTheFileAndEndsTheThread() throws Exception {
        Path sock = dir.resolve("c.sock");
        NotifyListener l = NotifyListener.bind(sock, e -> { });
        assertThat(sock).exists();
        assertThat(threadNamed("mconsole-notify-c.sock")).isNotNull();
        l.close();
        l.close();
        assertThat(sock).doesNotExist();
        assertThat(threadNamed("mconsole-notify-c.sock")).isNull();
    }

    @Test
    void malformedDatagramsAndFailingListenersDoNotStopDelivery() throws Exception {
        Path sock = dir.resolve("m.sock");
        BlockingQueue<NotifyEvent> events = new LinkedBlockingQueue<>();
        try (NotifyListener l = NotifyListener.bind(sock, e -> {
            if (e instanceof NotifyEvent.UserNotify u && u.text().equals("boom")) {
                throw new IllegalStateException("listener bug");
            }
            events.add(e);
        })) {
            send(sock, ByteBuffer.wrap(new byte[] {1, 2, 3}));
            send(sock, NotifyCodec.encode(new NotifyEvent.UserNotify("boom")));
            send(sock, NotifyCodec.encode(new NotifyEvent.UserNotify("after")));
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo(new NotifyEvent.UserNotify("after"));
        }
    }

    @Test
    void staleSocketIsReplacedButALiveOneOrAFileIsRefused() throws Exception {
        Path stale = dir.resolve("s.sock");
        try (AFUNIXDatagramChannel crashed = AFUNIXDatagramChannel.open()) {
            crashed.bind(AFUNIXSocketAddress.of(stale));
        }
        assertThat(stale).exists();
        BlockingQueue<NotifyEvent> events = new LinkedBlockingQueue<>();
        try (NotifyListener l = NotifyListener.bind(stale, events::add)) {
            send(stale, NotifyCodec.encode(new NotifyEvent.UserNotify("x")));
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo(new NotifyEvent.UserNotify("x"));
            assertThatThrownBy(() -> NotifyListener.bind(stale, e -> { }))
                    .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("another process is listening");
        }
        Path file = Files.writeString(dir.resolve("plain"), "data");
        assertThatThrownBy(() -> NotifyListener.bind(file, e -> { }))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("not a socket");
        assertThat(file).hasContent("data");
    }

    @Test
    void tooLongPathIsRefusedWithTheLimit() {
        Path deep = dir.resolve("x".repeat(110)).resolve("n.sock");
        assertThatThrownBy(() -> NotifyListener.bind(deep, e -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notify socket path").hasMessageContaining("at most 107");
        assertThat(deep.getParent()).doesNotExist();
    }

    @Test
    void onlyTheExpectedProcessIsHeardOthersOfTheSameUserAreDropped() throws Exception {
        Path sock = dir.resolve("k.sock");
        BlockingQueue<NotifyEvent> events = new LinkedBlockingQueue<>();
        BlockingQueue<String> decisions = new LinkedBlockingQueue<>();
        CompletableFuture<Long> kernel = new CompletableFuture<>();
        try (NotifyListener l = NotifyListener.bind(sock, recording(NotifySender.process(kernel,
                Duration.ofSeconds(10)), decisions), events::add)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sock))).isEqualTo("rw-------");
            // Another process of this user plays the kernel before and after the real pid is known.
            SecondUser.Result early = SecondUser.sendDatagramAsMe(sock.toString(), bytes(
                    NotifyCodec.encode(new NotifyEvent.Panic("spoofed before the kernel ran"))));
            assertThat(early.output()).contains("sent");
            kernel.complete(ProcessHandle.current().pid());
            assertThat(decisions.poll(10, TimeUnit.SECONDS)).startsWith("refused");
            SecondUser.Result fake = SecondUser.sendDatagramAsMe(sock.toString(), bytes(
                    NotifyCodec.encode(new NotifyEvent.SocketReady(Path.of("/tmp/elsewhere/mconsole")))));
            assertThat(fake.output()).contains("sent");
            assertThat(decisions.poll(10, TimeUnit.SECONDS)).startsWith("refused");
            send(sock, NotifyCodec.encode(new NotifyEvent.UserNotify("from the kernel")));
            assertThat(decisions.poll(10, TimeUnit.SECONDS)).isEqualTo("accepted " + ProcessHandle.current().pid());
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo(new NotifyEvent.UserNotify("from the kernel"));
            assertThat(events).isEmpty();
        }
    }

    @Test
    void aStartThatFailedAcceptsNobody() throws Exception {
        Path sock = dir.resolve("f.sock");
        BlockingQueue<NotifyEvent> events = new LinkedBlockingQueue<>();
        BlockingQueue<String> decisions = new LinkedBlockingQueue<>();
        CompletableFuture<Long> kernel = new CompletableFuture<>();
        kernel.completeExceptionally(new java.io.IOException("no such kernel"));
        try (NotifyListener l = NotifyListener.bind(sock, recording(NotifySender.process(kernel,
                Duration.ofSeconds(10)), decisions), events::add)) {
            send(sock, NotifyCodec.encode(new NotifyEvent.UserNotify("anyone")));
            assertThat(decisions.poll(10, TimeUnit.SECONDS)).startsWith("refused");
            assertThat(events).isEmpty();
        }
    }

    /** {@code sender}, noting each decision, so that a test can await a dropped message. */
    private static NotifySender recording(NotifySender sender, BlockingQueue<String> decisions) {
        return who -> {
            boolean ok = sender.accepts(who);
            decisions.add((ok ? "accepted " : "refused ") + who.pid());
            return ok;
        };
    }

    /**
     * Another user's datagram is dropped even where it can reach the socket (here a directory
     * open to all, which UML Manager never makes): the kernel names its sender. In UML Manager's
     * own private directory it cannot even be sent.
     */
    @Test
    void anotherUsersMessageIsNeverDelivered() throws Exception {
        SecondUser.require();
        Path open = Files.createTempDirectory(Path.of("/tmp"), "umopen");
        try {
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path sock = open.resolve("n.sock");
            BlockingQueue<NotifyEvent> events = new LinkedBlockingQueue<>();
            try (NotifyListener l = NotifyListener.bind(sock, events::add)) {
                Files.setPosixFilePermissions(sock, PosixFilePermissions.fromString("rwxrwxrwx"));
                SecondUser.Result spoof = SecondUser.sendDatagram(sock.toString(),
                        bytes(NotifyCodec.encode(new NotifyEvent.Panic("spoofed by another user"))));
                assertThat(spoof.status()).as(spoof.output()).isZero();
                send(sock, NotifyCodec.encode(new NotifyEvent.UserNotify("mine")));
                assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo(new NotifyEvent.UserNotify("mine"));
                assertThat(events).isEmpty();
            }

            Path privateSock = dir.resolve("private/n.sock");
            try (NotifyListener l = NotifyListener.bind(privateSock, events::add)) {
                SecondUser.Result blocked = SecondUser.sendDatagram(privateSock.toString(),
                        bytes(NotifyCodec.encode(new NotifyEvent.Panic("spoofed by another user"))));
                assertThat(blocked.status()).isNotZero();
                assertThat(blocked.output()).contains("Permission denied");
            }
        } finally {
            try (var files = Files.walk(open)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
