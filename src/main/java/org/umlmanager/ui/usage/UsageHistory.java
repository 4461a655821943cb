package org.umlmanager.ui.usage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import org.umlmanager.service.GuestUsage;
import org.umlmanager.ui.FxThread;

/**
 * The recent CPU and memory use of every running guest, as the sampler reported it: a fixed
 * number of samples per guest, the oldest dropped. FX thread only; {@link #versionProperty()}
 * changes after every update, which is what graphs redraw on.
 */
public final class UsageHistory {

    /** Samples kept per guest: three minutes at one every two seconds. */
    public static final int SAMPLES = 90;

    /** One guest's samples, oldest first; NaN where a sample had no value. */
    public static final class Series {
        private final double[] cpu = new double[SAMPLES];
        private final double[] memUsed = new double[SAMPLES];
        private double memTotal = Double.NaN;
        private int count;
        private int next;

        private void add(GuestUsage u) {
            cpu[next] = u.cpu().isPresent() ? u.cpu().getAsDouble() : Double.NaN;
            memUsed[next] = u.memUsed().isPresent() ? u.memUsed().getAsLong() : Double.NaN;
            if (u.memTotal().isPresent()) {
                memTotal = u.memTotal().getAsLong();
            }
            next = (next + 1) % SAMPLES;
            count = Math.min(count + 1, SAMPLES);
        }

        /** CPU in cores, oldest first. */
        public double[] cpu() {
            return ordered(cpu);
        }

        /** Memory in use, bytes, oldest first. */
        public double[] memUsed() {
            return ordered(memUsed);
        }

        /** The guest's total memory in bytes, NaN until it answered once. */
        public double memTotal() {
            return memTotal;
        }

        public double lastCpu() {
            return last(cpu);
        }

        public double lastMemUsed() {
            return last(memUsed);
        }

        private double last(double[] values) {
            return count == 0 ? Double.NaN : values[(next - 1 + SAMPLES) % SAMPLES];
        }

        private double[] ordered(double[] ring) {
            double[] out = new double[count];
            for (int i = 0; i < count; i++) {
                out[i] = ring[(next - count + i + SAMPLES) % SAMPLES];
            }
            return out;
        }
    }

    private final Map<String, Series> series = new HashMap<>();
    private final LongProperty version = new SimpleLongProperty();

    /** One tick of the sampler: every guest in it gets a sample, guests not in it are forgotten. */
    public void add(List<GuestUsage> samples) {
        FxThread.check("the usage history");
        Set<String> names = new java.util.HashSet<>();
        for (GuestUsage u : samples) {
            names.add(u.name());
            series.computeIfAbsent(u.name(), n -> new Series()).add(u);
        }
        series.keySet().retainAll(names);
        version.set(version.get() + 1);
    }

    /** The samples of {@code name}, or null when it is not running. */
    public Series of(String name) {
        FxThread.check("the usage history");
        return series.get(name);
    }

    public LongProperty versionProperty() {
        return version;
    }
}
