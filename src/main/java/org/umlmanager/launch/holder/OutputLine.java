package org.umlmanager.launch.holder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.umlmanager.launch.LineInfo;

/**
 * One of the guest's lines inside the holder: keeps its scrollback, appends its output to the
 * log, fans it out to attached clients and takes their input. The device behind it (the pty, or
 * a pts that changes at every boot) is plugged in and out as a {@link Device}. Thread-safe.
 */
final class OutputLine {

    private static final Logger LOG = LoggerFactory.getLogger(OutputLine.class);
    static final int SCROLLBACK_BYTES = 256 * 1024;

    /** Where input and resizes go. */
    interface Device {
        void write(byte[] data) throws IOException;

        void resize(int columns, int rows);
    }

    /** An attached client. Called on the line's reader thread: must not block. */
    interface Subscriber {
        void output(String line, byte[] data);
    }

    private final String name;
    private final LineInfo.Transport transport;
    private final Path logFile;
    private final LogAppender log;
    private final Scrollback scrollback = new Scrollback(SCROLLBACK_BYTES);
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile Device device;
    private volatile Optional<String> devicePath = Optional.empty();

    OutputLine(String name, LineInfo.Transport transport, Path logFile, LogAppender log) {
        this.name = name;
        this.transport = transport;
        this.logFile = logFile;
        this.log = log;
    }

    String name() {
        return name;
    }

    LineInfo info() {
        return new LineInfo(name, transport, devicePath, device != null);
    }

    /** Output read from the device: kept, logged and sent to every subscriber. */
    void publish(byte[] buffer, int length) {
        byte[] data = java.util.Arrays.copyOf(buffer, length);
        synchronized (scrollback) {
            scrollback.append(data, 0, length);
            log.append(logFile, data);
            for (Subscriber s : subscribers) {
                s.output(name, data);
            }
        }
    }

    /** Puts {@code kept} (earlier output, from the log) into the scrollback, without logging it again. */
    void restore(byte[] kept) {
        synchronized (scrollback) {
            scrollback.append(kept, 0, kept.length);
        }
    }

    /** Hands {@code s} the scrollback, then registers it for live output: nothing is missed or doubled. */
    void attach(Subscriber s) {
        synchronized (scrollback) {
            byte[] kept = scrollback.contents();
            if (kept.length > 0) {
                s.output(name, kept);
            }
            subscribers.add(s);
        }
    }

    void detach(Subscriber s) {
        subscribers.remove(s);
    }

    void input(byte[] data) {
        Device d = device;
        if (d == null) {
            LOG.debug("{} is not connected; {} input bytes dropped", name, data.length);
            return;
        }
        try {
            d.write(data);
        } catch (IOException e) {
            LOG.debug("input to {} failed: {}", name, e.getMessage());
        }
    }

    void resize(int columns, int rows) {
        Device d = device;
        if (d != null) {
            d.resize(columns, rows);
        }
    }

    void connect(Device newDevice, Optional<String> path) {
        device = newDevice;
        devicePath = path;
    }

    void disconnect() {
        device = null;
        devicePath = Optional.empty();
    }
}
