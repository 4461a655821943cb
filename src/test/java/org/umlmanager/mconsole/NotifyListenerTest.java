package org.umlmanager.mconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

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
}
