package org.umlmanager.storage;

import java.nio.file.Path;
import org.umlmanager.model.Instance;

/**
 * A separate process for {@link StoreConcurrencyTest}: rewrites one instance in a loop with a new
 * generation number in its notes until it is killed.
 */
public final class CrashingWriter {

    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        InstanceStore store = new InstanceStore(Path.of(args[0]));
        Instance base = SampleInstances.full(args[1]);
        for (long generation = 1; ; generation++) {
            store.update(base.toBuilder().notes(StoreConcurrencyTest.notes("generation-" + generation)).build());
        }
    }
}
