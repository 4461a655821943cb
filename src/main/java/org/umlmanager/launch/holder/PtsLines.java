package org.umlmanager.launch.holder;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.launch.GuestEvent;
import org.umlmanager.launch.LineInfo;
import org.umlmanager.model.InstanceState;

/**
 * Connects the session's pts lines. The kernel allocates a pts only when the guest opens the
 * line, and a new one at every open (and at every boot), so the holder learns the device from
 * the kernel's announcement in the log and, where the log does not show it, by asking mconsole
 * {@code config conN} until it answers {@code pts:/dev/pts/M} (docs/KERNEL.md §5). Each
 * connected device has its own reader thread, which alone closes it; the line stays the same for
 * attached clients.
 */
final class PtsLines {

    private static final Logger LOG = LoggerFactory.getLogger(PtsLines.class);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(1);

    private final GuestSession session;
    private final Map<String, PtsDevice> devices = new ConcurrentHashMap<>();

    PtsLines(GuestSession session) {
        this.session = session;
    }

    /** The kernel announced {@code device} for {@code lineName}. */
    void assigned(String lineName, String device) {
        if (session.spec().ptsLines().contains(lineName)) {
            connect(lineName, device);
        }
    }

    /** Asks mconsole about each line that has no device yet; runs on the session's timer. */
    void poll() {
        if (session.snapshot().state() != InstanceState.RUNNING) {
            return;
        }
        for (String lineName : session.spec().ptsLines()) {
            if (devices.containsKey(lineName)) {
                continue;
            }
            CommandResult r = session.commandNow("config " + lineName, QUERY_TIMEOUT);
            if (r.ok() && r.text().startsWith("pts:")) {
                connect(lineName, r.text().substring("pts:".length()).strip());
            }
        }
    }

    private synchronized void connect(String lineName, String device) {
        PtsDevice current = devices.get(lineName);
        if (current != null && current.path().equals(device)) {
            return;
        }
        OutputLine line = session.line(lineName).orElseThrow();
        PtsDevice opened;
        try {
            opened = PtsDevice.open(device);
        } catch (IOException e) {
            LOG.warn("{}: cannot open {} for {}: {}", session.spec().name(), device, lineName, e.getMessage());
            return;
        }
        // A replaced device is closed by its own reader when the kernel closes its master: closing it
        // here could free the descriptor number while that reader still loops on it.
        devices.put(lineName, opened);
        line.connect(new OutputLine.Device() {
            @Override
            public void write(byte[] data) throws IOException {
                opened.write(data, 0, data.length);
            }

            @Override
            public void resize(int columns, int rows) {
                opened.resize(columns, rows);
            }
        }, Optional.of(device));
        session.reapplySize(lineName);
        publish(line);
        Thread reader = new Thread(() -> read(line, opened), "pts-" + lineName);
        reader.setDaemon(true);
        reader.start();
        LOG.info("{}: {} connected to {}", session.spec().name(), lineName, device);
    }

    private void read(OutputLine line, PtsDevice device) {
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = device.read(buffer)) > 0) {
            session.outputRead(n);
            line.publish(buffer, n);
        }
        synchronized (this) {
            if (devices.remove(line.name(), device)) {
                line.disconnect();
                publish(line);
                LOG.info("{}: {} lost {}", session.spec().name(), line.name(), device.path());
            }
        }
        device.close();
    }

    private void publish(OutputLine line) {
        LineInfo info = line.info();
        session.machine().updateAndPublish(s -> s.withLine(info), s -> new GuestEvent.LineChanged(s.name(), info));
    }
}
