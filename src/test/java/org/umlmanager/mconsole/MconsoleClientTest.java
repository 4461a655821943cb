package org.umlmanager.mconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against an in-memory kernel: reply assembly, timeouts, serialisation, reconnects. */
class MconsoleClientTest {

    private static final MconsoleAddress ADDRESS = MconsoleAddress.ofSocket(Path.of("/nonexistent/um/t1/mconsole"));
    private final List<MconsoleClient> clients = new ArrayList<>();

    private MconsoleClient client(FakePeer peer, Duration timeout) {
        MconsoleClient c = new MconsoleClient(ADDRESS, timeout, peer);
        clients.add(c);
        return c;
    }

    private MconsoleClient client(FakePeer peer) {
        return client(peer, Duration.ofSeconds(5));
    }

    @AfterEach
    void closeClients() {
        clients.forEach(MconsoleClient::close);
    }

    @Test
    void typedMethodsSendTheKernelsCommandWords() throws Exception {
        FakePeer peer = FakePeer.answering(0, "");
        MconsoleClient c = client(peer);
        c.version();
        c.help();
        c.halt();
        c.reboot();
        c.config("ubd1", "/images/data.img");
        c.config("con2");
        c.remove("ubd1");
        c.sysrq('m');
        c.cad();
        c.stop();
        c.go();
        c.log("hello");
        c.log("line\n");
        c.proc("meminfo");
        c.stack(1);
        c.send("frobnicate now");
        assertThat(peer.requests).extracting(MconsoleRequest::command).containsExactly("version", "help", "halt",
                "reboot", "config ubd1=/images/data.img", "config con2", "remove ubd1", "sysrq m", "cad", "stop",
                "go", "log hello\n", "log line\n", "proc meminfo", "stack 1", "frobnicate now");
        assertThat(peer.requests).extracting(MconsoleRequest::version).containsOnly(2);
        assertThat(peer.opened).as("one socket reused for every request").hasValue(1);
    }

    @Test
    void badArgumentsAreRefusedBeforeSending() {
        FakePeer peer = FakePeer.answering(0, "");
        MconsoleClient c = client(peer);
        assertThatThrownBy(() -> c.config("ubd 1", "/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ubd1, con2");
        assertThatThrownBy(() -> c.remove("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.sysrq(' ')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.stack(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.proc(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.log("x".repeat(600))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 511");
        assertThat(peer.requests).isEmpty();
    }

    @Test
    void multiPacketReplyIsConcatenatedUntilMoreIsZero() throws Exception {
        String help = "Commands:\n" + "x".repeat(700) + "\n";
        MconsoleReply r = client(FakePeer.answering(0, help)).help();
        assertThat(r.ok()).isTrue();
        assertThat(r.text()).isEqualTo(help);
        assertThat(r.formatted()).isEqualTo("OK " + help + "\n");
    }

    @Test
    void utf8SplitAcrossPacketsSurvives() throws Exception {
        String text = "a".repeat(510) + "é" + "z";
        MconsoleReply r = client(FakePeer.answering(0, text)).send("proc x");
        assertThat(r.text()).isEqualTo(text);
    }

    @Test
    void streamedSysrqLinesAndProcLeadingNewline() throws Exception {
        FakePeer sysrq = new FakePeer((req, l) -> FakePeer.packets(ReplyPacket.of(0, true, "sysrq: Show Memory\n"),
                ReplyPacket.of(0, true, "Mem-Info:\n"), ReplyPacket.of(0, false, "")));
        assertThat(client(sysrq).sysrq('m').text()).isEqualTo("sysrq: Show Memory\nMem-Info:\n");
        clients.forEach(MconsoleClient::close);
        FakePeer proc = new FakePeer((req, l) -> FakePeer.packets(ReplyPacket.of(0, true, "\n"),
                ReplyPacket.of(0, true, "MemTotal: 1 kB\n"), ReplyPacket.of(0, false, "")));
        MconsoleReply r = client(proc).proc("meminfo");
        assertThat(r.text()).isEqualTo("\nMemTotal: 1 kB\n");
        assertThat(r.formatted()).isEqualTo("OK \nMemTotal: 1 kB\n\n");
    }

    @Test
    void errorValuesAreSigned() throws Exception {
        MconsoleReply r = client(FakePeer.answering(-19, "Device doesn't exist")).remove("ubd3");
        assertThat(r.ok()).isFalse();
        assertThat(r.errorCode()).isEqualTo(-19);
        assertThat(r.formatted()).isEqualTo("ERR Device doesn't exist\n");
    }

    @Test
    void versionWarningPacketIsSkippedForTheReplyThatFollows() throws Exception {
        FakePeer peer = new FakePeer((req, l) -> {
            List<ByteBuffer> out = new ArrayList<>(MconsoleCodec.encodeReply(1, MconsoleCodec.VERSION_WARNING, false));
            out.addAll(MconsoleCodec.encodeReply(0, "Linux (none) 6.1.176", false));
            return out;
        });
        MconsoleReply r = client(peer).version();
        assertThat(r).isEqualTo(new MconsoleReply(0, "Linux (none) 6.1.176"));
    }

    @Test
    void versionZeroRawReplyBecomesAnErrorReply() throws Exception {
        String raw = "ERR Version 0 mconsole clients are not supported by this driver";
        FakePeer peer = new FakePeer((req, l) -> List.of(ByteBuffer.wrap(raw.getBytes(StandardCharsets.US_ASCII))));
        MconsoleReply r = client(peer).version();
        assertThat(r.errorCode()).isEqualTo(1);
        assertThat(r.formatted()).isEqualTo(raw + "\n");
    }

    @Test
    void silentPeerTimesOutAndTheNextRequestUsesAFreshSocket() throws Exception {
        FakePeer peer = new FakePeer((req, link) -> req.command().equals("version")
                ? List.of() : MconsoleCodec.encodeReply(0, "fd:0,fd:1", false));
        MconsoleClient c = client(peer, Duration.ofMillis(200));
        long start = System.nanoTime();
        assertThatThrownBy(c::version).isInstanceOf(MconsoleTimeoutException.class)
                .hasMessageContaining("'version'").hasMessageContaining("200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(3));
        // the stalled request's reply arrives late on the old socket; it must not answer the next request
        peer.links.get(0).deliver(MconsoleCodec.encodeReply(0, "Linux late", false));
        assertThat(c.config("con0").text()).isEqualTo("fd:0,fd:1");
        assertThat(peer.opened).hasValue(2);
        assertThat(peer.links.get(0).closed).isTrue();
    }

    @Test
    void replyStoppingMidStreamTimesOutWithThePartialText() {
        FakePeer peer = new FakePeer((req, l) -> FakePeer.packets(ReplyPacket.of(0, true, "sysrq: Trigger a crash\n")));
        MconsoleClient c = client(peer, Duration.ofMillis(200));
        assertThatThrownBy(() -> c.sysrq('c')).isInstanceOfSatisfying(MconsoleTimeoutException.class, e -> {
            assertThat(e.partialText()).isEqualTo("sysrq: Trigger a crash\n");
            assertThat(e.command()).isEqualTo("sysrq c");
            assertThat(e.getMessage()).contains("end of the reply");
        });
    }

    @Test
    void unreachableInstanceIsTyped() {
        MconsoleTransport.Factory missing = socket -> {
            throw new InstanceNotReachableException(socket, InstanceNotReachableException.Reason.NO_SOCKET, null);
        };
        MconsoleClient c = new MconsoleClient(ADDRESS, Duration.ofSeconds(1), missing);
        clients.add(c);
        assertThatThrownBy(c::version).isInstanceOfSatisfying(InstanceNotReachableException.class, e -> {
            assertThat(e.reason()).isEqualTo(InstanceNotReachableException.Reason.NO_SOCKET);
            assertThat(e.socket()).isEqualTo(ADDRESS.socket());
            assertThat(e.getMessage()).contains("not running");
        });
    }

    @Test
    void refusedOnAReusedSocketRetriesOnceWithAFreshOne() throws Exception {
        // A guest that rebooted has a new socket at the same path: the old connection is refused.
        AtomicInteger calls = new AtomicInteger();
        FakePeer rebooting = new FakePeer((req, link) -> {
            if (calls.incrementAndGet() == 2) {
                throw new InstanceNotReachableException(ADDRESS.socket(), InstanceNotReachableException.Reason.REFUSED,
                        null);
            }
            return MconsoleCodec.encodeReply(0, req.command(), false);
        });
        MconsoleClient c = client(rebooting);
        assertThat(c.version().text()).isEqualTo("version");
        assertThat(c.config("con0").text()).isEqualTo("config con0");
        assertThat(rebooting.opened).hasValue(2);

        FakePeer dead = new FakePeer((req, link) -> {
            throw new InstanceNotReachableException(ADDRESS.socket(), InstanceNotReachableException.Reason.REFUSED, null);
        });
        MconsoleClient d = client(dead);
        assertThatThrownBy(d::version).isInstanceOf(InstanceNotReachableException.class);
        assertThat(dead.opened).as("a fresh socket that is refused is not retried").hasValue(1);
    }

    @Test
    void oneRequestInFlightPerSocketAcrossClientsAndThreads() throws Exception {
        FakePeer peer = new FakePeer((req, l) -> {
            Thread.sleep(2);
            return MconsoleCodec.encodeReply(0, "echo " + req.command() + "\n" + "x".repeat(600), false);
        });
        MconsoleClient a = client(peer);
        MconsoleClient b = client(peer);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                MconsoleClient c = i % 2 == 0 ? a : b;
                String cmd = "proc n" + i;
                results.add(pool.submit(() -> c.send(cmd).text().startsWith("echo " + cmd + "\n")));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get(20, TimeUnit.SECONDS)).as("each caller gets its own reply").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(peer.requests).hasSize(60);
        assertThat(peer.maxInFlight).hasValue(1);
    }

    @Test
    void waitingForTheTurnCountsAgainstTheTimeout() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        FakePeer peer = new FakePeer((req, l) -> {
            stalled.countDown();
            return List.of();
        });
        MconsoleClient slow = client(peer, Duration.ofSeconds(2));
        MconsoleClient other = client(peer, Duration.ofMillis(200));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = pool.submit(() -> slow.version());
            assertThat(stalled.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(other::version).isInstanceOf(MconsoleTimeoutException.class)
                    .hasMessageContaining("another request");
            first.cancel(true);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeAbortsARequestInProgressAndLaterCallsFail() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        FakePeer peer = new FakePeer((req, l) -> {
            stalled.countDown();
            return List.of();
        });
        MconsoleClient c = client(peer, Duration.ofSeconds(30));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<MconsoleReply> pending = pool.submit(c::version);
            assertThat(stalled.await(5, TimeUnit.SECONDS)).isTrue();
            c.close();
            assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(MconsoleException.class);
        } finally {
            pool.shutdownNow();
        }
        assertThat(peer.links.get(0).closed).isTrue();
        assertThatThrownBy(c::version).isInstanceOf(MconsoleException.class).hasMessageContaining("closed");
    }
}
