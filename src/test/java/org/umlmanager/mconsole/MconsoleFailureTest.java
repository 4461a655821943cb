package org.umlmanager.mconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.umlmanager.testing.BusyboxImage;

/**
 * A guest that cannot answer must never hang a caller: frozen by SIGSTOP, then stopped and
 * crashed with {@code sysrq c}. One guest, in this order (the second test kills it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MconsoleFailureTest {

    /** For requests expected to time out; the others get the client's generous default. */
    private static final Duration SHORT = Duration.ofMillis(700);

    private TestGuest guest;
    private MconsoleClient client;

    @BeforeAll
    void boot() throws Exception {
        guest = TestGuest.boot(BusyboxImage.DEFAULT_INIT);
        client = new MconsoleClient(guest.address(), Duration.ofSeconds(10));
    }

    @AfterAll
    void shutDown() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (guest != null) {
                guest.close();
            }
        }
    }

    private void signal(String sig) throws Exception {
        Process p = new ProcessBuilder("kill", sig, Long.toString(guest.process().pid())).inheritIO().start();
        assertThat(p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0).as("kill " + sig).isTrue();
    }

    @Test
    @Order(1)
    void frozenProcessTimesOutAndItsLateReplyIsNotTakenForTheNext() throws Exception {
        assertThat(client.version().ok()).isTrue();
        signal("-STOP");
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.send("version", SHORT)).isInstanceOf(MconsoleTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            signal("-CONT");
        }
        // the guest now answers the stale 'version' too, to the client's discarded socket
        assertThat(client.config("con0").text()).isEqualTo("fd:0,fd:1");
        assertThat(client.proc("loadavg").text()).startsWith("\n");
    }

    @Test
    @Order(2)
    void crashWhileStoppedTimesOutReportsThePanicAndLeavesAStaleSocket() throws Exception {
        assertThat(client.stop().formatted()).isEqualTo("OK stopped\n");
        int from = guest.events.size();
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.send("sysrq c", SHORT)).isInstanceOf(MconsoleTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

        int i = guest.awaitEvent(e -> e instanceof NotifyEvent.Panic, from, Duration.ofSeconds(30));
        assertThat(((NotifyEvent.Panic) guest.events.get(i)).message()).contains("sysrq triggered crash");
        assertThat(guest.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(guest.process().exitValue()).as("killed by SIGABRT").isEqualTo(128 + 6);
        assertThat(guest.socket).as("a crash leaves the socket behind").exists();
        assertThatThrownBy(client::version).isInstanceOfSatisfying(InstanceNotReachableException.class,
                e -> assertThat(e.reason()).isEqualTo(InstanceNotReachableException.Reason.REFUSED));
    }
}
