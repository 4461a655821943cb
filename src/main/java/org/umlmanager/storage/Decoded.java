package org.umlmanager.storage;

import java.util.List;
import org.umlmanager.model.Instance;

/** What the bytes of an instance file turned out to be. */
sealed interface Decoded {

    /** Read; {@code warnings} are things the user should know that did not stop the load. */
    record Readable(Instance instance, List<String> warnings) implements Decoded {
        public Readable {
            warnings = List.copyOf(warnings);
        }
    }

    /** Written by a newer UML Manager; this version must not read or rewrite it. */
    record Newer(int schemaVersion) implements Decoded {
    }

    /** Not an instance document at all; {@code reason} says what is wrong and where. */
    record Corrupt(String reason) implements Decoded {
    }
}
