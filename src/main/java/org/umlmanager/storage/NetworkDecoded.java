package org.umlmanager.storage;

import java.util.List;
import org.umlmanager.model.Network;

/** What the bytes of a network file turned out to be (as {@link Decoded} for instances). */
sealed interface NetworkDecoded {

    record Readable(Network network, List<String> warnings) implements NetworkDecoded {
        public Readable {
            warnings = List.copyOf(warnings);
        }
    }

    record Newer(int schemaVersion) implements NetworkDecoded {
    }

    record Corrupt(String reason) implements NetworkDecoded {
    }
}
