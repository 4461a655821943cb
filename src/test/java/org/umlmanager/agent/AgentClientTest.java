package org.umlmanager.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.umlmanager.launch.ConsoleStream;

/** The host side of exec against a scripted agent: frames of other requests, lost output, limits. */
class AgentClientTest {

    /** A line whose "guest" answers each request line through {@code agent}. */
    private static final class FakeLine implements ConsoleStream {
        final PipedInputStream fromGuest = new PipedInputStream(1 << 20);
        final PipedOutputStream guestWrites;
        final List<String> requests = new ArrayList<>();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final BiConsumer<FakeLine, String[]> agent;

        FakeLine(String scrollback, BiConsumer<FakeLine, String[]> agent) throws IOException {
            this.guestWrites = new PipedOutputStream(fromGuest);
            this.agent = agent;
            say(scrollback);
        }

        synchronized void say(String text) {
            try {
                guestWrites.write(text.getBytes(StandardCharsets.US_ASCII));
                guestWrites.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public String line() {
            return "ssl63";
        }

        @Override
        public InputStream input() {
            return fromGuest;
        }

        @Override
        public OutputStream output() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    if (b == '\n') {
                        String request = pending.toString(StandardCharsets.US_ASCII);
                        pending.reset();
                        synchronized (requests) {
                            requests.add(request);
                        }
                        agent.accept(FakeLine.this, request.split(" "));
                    } else {
                        pending.write(b);
                    }
                }
            };
        }

        @Override
        public void resize(int columns, int rows) {
        }

        @Override
        public void close() {
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        return s.equals("-") ? "" : new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }

    @Test
    void framesOfOtherRequestsAndOldScrollbackArePassedOverAndArgumentsTravelWhole() throws Exception {
        FakeLine line = new FakeLine("UMX1 O 0011 " + b64("old output") + "\nUMX1 X 0011 0 1 0\nlogin: ", (l, r) -> {
            if (r[1].equals("PING")) {
                l.say("UMX1 PONG someone-else\nnoise UMX1 PONG " + r[2] + "\n");
            } else if (r[1].equals("RUN")) {
                String args = String.join("|", java.util.Arrays.stream(r, 4, r.length).map(a -> decode(a)).toList());
                l.say("UMX1 O other " + b64("not ours") + "\n");
                l.say("UMX1 O " + r[2] + " " + b64(args) + "\nUMX1 E " + r[2] + " " + b64("warn\n")
                        + "\nUMX1 X " + r[2] + " 5 1 1\n");
            }
        });

        AgentClient.Result r = AgentClient.run(line, List.of("printf", "", "a b", "é\n"), Optional.empty(),
                Duration.ofSeconds(10));

        assertThat(r.status()).isEqualTo(5);
        assertThat(new String(r.stdout(), StandardCharsets.UTF_8)).isEqualTo("printf||a b|é\n");
        assertThat(new String(r.stderr(), StandardCharsets.UTF_8)).isEqualTo("warn\n");
        assertThat(r.timedOut()).isFalse();
        assertThat(line.requests.get(1)).matches("UMX1 RUN [0-9a-f]{16} 0 cHJpbnRm - YSBi w6kK");
    }

    @Test
    void outputLostOnTheWayIsAnErrorNotAShorterResult() throws Exception {
        FakeLine line = new FakeLine("", (l, r) -> {
            if (r[1].equals("PING")) {
                l.say("UMX1 PONG " + r[2] + "\n");
            } else if (r[1].equals("RUN")) {
                l.say("UMX1 O " + r[2] + " " + b64("part") + "\n[skipped 4096 bytes]\nUMX1 X " + r[2] + " 0 2 0\n");
            }
        });

        assertThatThrownBy(() -> AgentClient.run(line, List.of("cat", "big"), Optional.empty(), Duration.ofSeconds(10)))
                .isInstanceOf(AgentException.class).hasMessageContaining("output was lost");
    }

    @Test
    void anAgentThatNeverAnswersIsReportedAfterTheWait() throws Exception {
        FakeLine line = new FakeLine("", (l, r) -> { });

        assertThatThrownBy(() -> AgentClient.run(line, List.of("true"), Optional.empty(), Duration.ofSeconds(2)))
                .isInstanceOf(AgentException.class).hasMessageContaining("did not answer on ssl63 within 2 s");
        assertThat(line.requests).allMatch(req -> req.startsWith("UMX1 PING ")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theAgentsTimeoutStatusIsATimeOutAndTheLimitTravelsWithTheRequest() throws Exception {
        FakeLine line = new FakeLine("", (l, r) -> {
            if (r[1].equals("PING")) {
                l.say("UMX1 PONG " + r[2] + "\n");
            } else if (r[1].equals("RUN")) {
                l.say("UMX1 X " + r[2] + " 124 0 0\n");
            }
        });

        AgentClient.Result r = AgentClient.run(line, List.of("sleep", "9"), Optional.of(Duration.ofSeconds(3)),
                Duration.ofSeconds(10));

        assertThat(r.status()).isEqualTo(124);
        assertThat(r.timedOut()).isTrue();
        assertThat(line.requests.get(1)).contains(" RUN ").contains(" 3 ");
    }
}
