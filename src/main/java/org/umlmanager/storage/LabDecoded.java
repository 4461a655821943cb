package org.umlmanager.storage;

import java.util.List;
import org.umlmanager.model.Lab;

/** What the bytes of a lab file turned out to be (as {@link Decoded} for instances). */
sealed interface LabDecoded {

    record Readable(Lab lab, List<String> warnings) implements LabDecoded {
        public Readable {
            warnings = List.copyOf(warnings);
        }
    }

    record Newer(int schemaVersion) implements LabDecoded {
    }

    record Corrupt(String reason) implements LabDecoded {
    }
}
