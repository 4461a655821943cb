package org.umlmanager.launch.holder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.umlmanager.launch.KernelFaults;

/**
 * Reads the kernel's messages in the pty's output and reports the ones the holder acts on:
 * the mconsole socket (readiness when the notify socket could not be used), pts devices the
 * kernel allocated, the start of a reboot, and the kernel's own early-boot fault. Keeps the last
 * lines for crash reports. Called from the pty reader thread only.
 */
final class KernelLogScanner {

    /** Something worth knowing that the kernel printed. */
    sealed interface Sighting {
        record MconsoleReady(String socket) implements Sighting {
        }

        /** {@code line} is {@code con1}, {@code ssl0}, …; {@code device} is {@code /dev/pts/N}. */
        record PtsAssigned(String line, String device) implements Sighting {
        }

        record Restarting() implements Sighting {
        }

        /**
         * The kernel could not mount its root filesystem or start init for lack of memory it has:
         * its intermittent early-boot fault (docs/KERNEL.md §7.1). {@code line} is what it printed.
         */
        record EarlyBootFault(String line) implements Sighting {
        }
    }

    interface Listener {
        void seen(Sighting sighting);
    }

    private static final Pattern MCONSOLE = Pattern.compile("mconsole \\(version \\d+\\) initialized on (\\S+)");
    private static final Pattern PTS = Pattern.compile(
            "(Virtual console|Serial line) (\\d+) assigned device '(/dev/pts/\\d+)'");
    private static final Pattern RESTART = Pattern.compile("reboot: Restarting system");
    private static final int MAX_LINE = 2048;
    static final int KEPT_LINES = 40;

    private final Listener listener;
    private final StringBuilder partial = new StringBuilder();
    private final Deque<String> recent = new ArrayDeque<>();

    KernelLogScanner(Listener listener) {
        this.listener = listener;
    }

    void feed(byte[] data, int length) {
        String text = new String(data, 0, length, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                complete(partial.toString());
                partial.setLength(0);
            } else if (c != '\r' && partial.length() < MAX_LINE) {
                partial.append(c);
            }
        }
    }

    private void complete(String line) {
        synchronized (recent) {
            recent.addLast(line);
            if (recent.size() > KEPT_LINES) {
                recent.removeFirst();
            }
        }
        Matcher m = MCONSOLE.matcher(line);
        if (m.find()) {
            listener.seen(new Sighting.MconsoleReady(m.group(1)));
            return;
        }
        m = PTS.matcher(line);
        if (m.find()) {
            String prefix = m.group(1).startsWith("Virtual") ? "con" : "ssl";
            listener.seen(new Sighting.PtsAssigned(prefix + m.group(2), m.group(3)));
            return;
        }
        if (RESTART.matcher(line).find()) {
            listener.seen(new Sighting.Restarting());
        } else if (KernelFaults.earlyBootFault(line)) {
            listener.seen(new Sighting.EarlyBootFault(line.strip()));
        }
    }

    /** The last non-blank lines the kernel printed, oldest first (at most {@code count}). */
    List<String> lastLines(int count) {
        synchronized (recent) {
            List<String> lines = recent.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        }
    }
}
