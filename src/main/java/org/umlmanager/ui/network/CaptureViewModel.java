package org.umlmanager.ui.network;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.umlmanager.job.Cancellation;
import org.umlmanager.network.NetworkCapture;
import org.umlmanager.service.NetworkService;

/**
 * Capture traffic… of one running network: where the pcap file goes, when to stop (when asked,
 * after N packets or after N seconds), the packet count while it runs (at most one FX update per
 * frame burst, however fast frames come), and how it ended. Touches no controls; FX thread.
 */
public final class CaptureViewModel {

    /** When the capture ends by itself. */
    public enum Until {
        STOPPED("until I stop it"), PACKETS("after a number of packets"), SECONDS("after a number of seconds");

        private final String label;

        Until(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final NetworkService service;
    private final String network;
    private final Executor ui;
    private final StringProperty file = new SimpleStringProperty("");
    private final ObjectProperty<Until> until = new SimpleObjectProperty<>(Until.STOPPED);
    private final StringProperty amount = new SimpleStringProperty("100");
    private final ReadOnlyLongWrapper packets = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicLong latest = new AtomicLong();
    private final AtomicBoolean updateScheduled = new AtomicBoolean();
    private final BooleanBinding canStart;
    private volatile Cancellation cancellation = Cancellation.none();

    public CaptureViewModel(NetworkService service, String network, Path defaultFile, Executor ui) {
        this.service = service;
        this.network = network;
        this.ui = ui;
        file.set(defaultFile.toString());
        canStart = Bindings.createBooleanBinding(() -> !running.get() && problem().isEmpty(), running, file, until,
                amount);
    }

    public String network() {
        return network;
    }

    /** What keeps the capture from starting, if anything. */
    public Optional<String> problem() {
        if (file.get().isBlank()) {
            return Optional.of("Choose the file the packets go to.");
        }
        if (until.get() != Until.STOPPED) {
            long n = number();
            if (n < 1) {
                return Optional.of("Give the number of " + (until.get() == Until.PACKETS ? "packets" : "seconds")
                        + " as a whole number from 1 up.");
            }
        }
        return Optional.empty();
    }

    private long number() {
        String t = amount.get().strip();
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(t);
    }

    /**
     * Starts writing the network's frames to the file; completes on the FX thread when the capture
     * ended (its limit, {@link #stop}, or a failure, which {@link #messageProperty()} then names).
     */
    public CompletableFuture<Void> start() {
        NetworkCapture.Limit limit = switch (until.get()) {
            case STOPPED -> new NetworkCapture.Limit.Open();
            case PACKETS -> new NetworkCapture.Limit.Count(number());
            case SECONDS -> new NetworkCapture.Limit.Seconds(Duration.ofSeconds(number()));
        };
        Cancellation token = new Cancellation();
        cancellation = token;
        latest.set(0);
        packets.set(0);
        running.set(true);
        message.set("Capturing the traffic of " + network + "…");
        Path target = Path.of(file.get().strip());
        return service.capture(network, target, limit, this::counted, token).handleAsync((result, error) -> {
            running.set(false);
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                message.set("The capture stopped: " + cause.getMessage());
            } else {
                packets.set(result.packets());
                message.set(result.packets() + " packets in " + result.duration().toSeconds() + " s written to "
                        + result.file() + " (tcpdump -r and Wireshark open it).");
            }
            return null;
        }, ui);
    }

    private void counted(long n) {
        latest.set(n);
        if (updateScheduled.compareAndSet(false, true)) {
            ui.execute(() -> {
                updateScheduled.set(false);
                packets.set(latest.get());
            });
        }
    }

    /** Ends a running capture; what was captured so far stays in the file. */
    public void stop() {
        cancellation.cancel();
    }

    public StringProperty fileProperty() {
        return file;
    }

    public ObjectProperty<Until> untilProperty() {
        return until;
    }

    /** The number of packets or seconds, as typed. */
    public StringProperty amountProperty() {
        return amount;
    }

    /** Packets written so far. */
    public ReadOnlyLongProperty packetsProperty() {
        return packets.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }
}
