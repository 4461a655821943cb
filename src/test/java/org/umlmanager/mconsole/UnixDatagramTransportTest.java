package org.umlmanager.mconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramChannel;

/** The real AF_UNIX transport against a fake kernel on a real socket in this process. */
class UnixDatagramTransportTest {

    @TempDir
    Path dir;

    private static List<ByteBuffer> echo(MconsoleRequest r) {
        return MconsoleCodec.encodeReply(0, "you said " + r.command() + "\n" + "-".repeat(600), false);
    }

    @Test
    void requestAndMultiPacketReplyOverARealSocketFromAnAbstractAddress() throws Exception {
        Path sock = dir.resolve("mconsole");
        try (SocketPeer peer = SocketPeer.bind(sock, (r, from) -> echo(r));
                MconsoleClient c = new MconsoleClient(MconsoleAddress.ofSocket(sock))) {
            for (int i = 0; i < 3; i++) {
                assertThat(c.send("proc " + i).text()).isEqualTo("you said proc " + i + "\n" + "-".repeat(600));
            }
            assertThat(peer.senders).hasSize(3);
            assertThat(peer.senders.get(0).isInAbstractNamespace()).as("nothing on disk to clean up").isTrue();
            assertThat(peer.senders).as("one socket for all requests").containsOnly(peer.senders.get(0));
        }
        try (var files = Files.list(dir)) {
            assertThat(files).as("only the peer's own socket file").containsExactly(sock);
        }
    }

    @Test
    void missingSocketIsNotReachable() {
        try (MconsoleClient c = new MconsoleClient(MconsoleAddress.ofSocket(dir.resolve("absent/mconsole")))) {
            assertThatThrownBy(c::version).isInstanceOfSatisfying(InstanceNotReachableException.class,
                    e -> assertThat(e.reason()).isEqualTo(InstanceNotReachableException.Reason.NO_SOCKET));
        }
    }

    @Test
    void staleSocketFileIsNotReachableRefused() throws Exception {
        Path sock = dir.resolve("mconsole");
        SocketPeer.bind(sock, (r, from) -> echo(r)).close();
        assertThat(sock).exists();
        try (MconsoleClient c = new MconsoleClient(MconsoleAddress.ofSocket(sock))) {
            assertThatThrownBy(c::version).isInstanceOfSatisfying(InstanceNotReachableException.class, e -> {
                assertThat(e.reason()).isEqualTo(InstanceNotReachableException.Reason.REFUSED);
                assertThat(e.getMessage()).contains("stale");
            });
        }
    }

    @Test
    void silentPeerTimesOut() throws Exception {
        Path sock = dir.resolve("mconsole");
        try (SocketPeer peer = SocketPeer.bind(sock, (r, from) -> List.of());
                MconsoleClient c = new MconsoleClient(MconsoleAddress.ofSocket(sock), Duration.ofMillis(300))) {
            long start = System.nanoTime();
            assertThatThrownBy(c::version).isInstanceOf(MconsoleTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
        }
    }

    @Test
    void peerThatCameBackWithANewSocketIsReachedAgain() throws Exception {
        Path sock = dir.resolve("mconsole");
        try (MconsoleClient c = new MconsoleClient(MconsoleAddress.ofSocket(sock))) {
            try (SocketPeer first = SocketPeer.bind(sock, (r, from) -> MconsoleCodec.encodeReply(0, "first", false))) {
                assertThat(c.version().text()).isEqualTo("first");
            }
            Files.delete(sock);
            try (SocketPeer second = SocketPeer.bind(sock, (r, from) -> MconsoleCodec.encodeReply(0, "second", false))) {
                assertThat(c.version().text()).isEqualTo("second");
            }
        }
    }

    @Test
    void socketWhoseFileWasRemovedIsNotReachableEvenWhileAProcessStillHoldsIt() throws Exception {
        // A halted guest removes its socket file; a helper process of the dying kernel may still
        // hold the socket itself for a moment, and the host kernel then accepts our datagrams.
        Path sock = dir.resolve("mconsole");
        AtomicBoolean answering = new AtomicBoolean(true);
        try (SocketPeer peer = SocketPeer.bind(sock, (r, from) -> answering.get() ? echo(r) : List.of());
                MconsoleClient c = new MconsoleClient(MconsoleAddress.ofSocket(sock), Duration.ofSeconds(5))) {
            assertThat(c.version().text()).startsWith("you said version");
            answering.set(false);
            Files.delete(sock);
            long start = System.nanoTime();
            assertThatThrownBy(c::version).isInstanceOfSatisfying(InstanceNotReachableException.class,
                    e -> assertThat(e.reason()).isEqualTo(InstanceNotReachableException.Reason.NO_SOCKET));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("at once, not after the timeout")
                    .isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void datagramsFromAnyoneButTheInstanceAreNotAccepted() throws Exception {
        Path sock = dir.resolve("mconsole");
        try (AFUNIXDatagramChannel intruder = AFUNIXDatagramChannel.open();
                SocketPeer peer = SocketPeer.bind(sock, (r, from) -> {
                    try {
                        intruder.send(MconsoleCodec.encodeReply(0, "forged", false).get(0), from);
                    } catch (java.io.IOException refused) {
                        // expected: the client's socket only accepts its peer
                    }
                    return MconsoleCodec.encodeReply(0, "genuine", false);
                });
                MconsoleClient c = new MconsoleClient(MconsoleAddress.ofSocket(sock))) {
            assertThat(c.version().text()).isEqualTo("genuine");
            assertThat(c.version().text()).isEqualTo("genuine");
        }
    }

    @Test
    void addressesAreCheckedForTheSocketPathLimit() {
        Path deep = Path.of("/tmp", "d".repeat(100), "mconsole");
        assertThatThrownBy(() -> MconsoleAddress.ofSocket(deep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 107");
        assertThat(MconsoleAddress.ofUmid(Path.of("/tmp/um1/uml"), "vm1").socket())
                .isEqualTo(Path.of("/tmp/um1/uml/vm1/mconsole"));
        assertThat(MconsoleAddress.ofUmid("vm1").socket()).isEqualTo(MconsoleAddress.defaultUmlDir().resolve("vm1/mconsole"));
        assertThatThrownBy(() -> MconsoleAddress.ofUmid(Path.of("/tmp"), "a/b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/'");
    }
}
