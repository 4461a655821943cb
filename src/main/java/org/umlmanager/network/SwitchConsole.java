package org.umlmanager.network;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@code vde_switch} management socket ({@code -M}), as its own text protocol has it: a banner
 * ending in the prompt {@code "vde$ "}, then per command either {@code "1000 Success"} or an
 * error code line, with any data between {@code "0000 DATA END WITH '.'"} and a line {@code "."}.
 * One command at a time; each call opens its own connection. JDK Unix sockets, no library.
 */
final class SwitchConsole {

    private static final String PROMPT = "vde$ ";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "switch-console-timeout");
        t.setDaemon(true);
        return t;
    });

    private SwitchConsole() {
    }

    /** The reply to one command: its data lines, and whether it succeeded (with the status line if not). */
    record Reply(List<String> data, boolean ok, String status) {
    }

    /** Sends {@code command} and reads its reply. */
    static Reply run(Path socket, String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ScheduledFuture<?> timeout = TIMER.schedule(() -> {
                try {
                    channel.close();
                } catch (IOException e) {
                    // Closing is what the timeout is for.
                }
            }, TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                StringBuilder in = new StringBuilder();
                readUntilPrompt(channel, in);
                channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
                in.setLength(0);
                readUntilPrompt(channel, in);
                return parse(in.toString());
            } catch (IOException e) {
                if (!channel.isOpen()) {
                    throw new IOException("the switch did not answer '" + command + "' within "
                            + TIMEOUT.toSeconds() + " s (" + socket + ")", e);
                }
                throw e;
            } finally {
                timeout.cancel(false);
            }
        }
    }

    private static void readUntilPrompt(SocketChannel channel, StringBuilder in) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (!in.toString().endsWith(PROMPT)) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                throw new IOException("the switch closed its management connection");
            }
            in.append(new String(buffer.array(), 0, n, StandardCharsets.UTF_8));
        }
    }

    static Reply parse(String text) {
        List<String> data = new ArrayList<>();
        boolean inData = false;
        String status = "";
        for (String line : text.split("\n")) {
            if (line.startsWith("0000 DATA")) {
                inData = true;
            } else if (inData && line.equals(".")) {
                inData = false;
            } else if (inData) {
                data.add(line);
            } else if (line.matches("\\d{4} .*")) {
                status = line;
            }
        }
        return new Reply(data, status.startsWith("1000"), status);
    }
}
