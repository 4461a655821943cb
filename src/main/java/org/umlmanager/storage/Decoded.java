package org.umlmanager.storage;

import java.util.List;

/** What the bytes of a saved document (an instance, a network, a lab: {@code T}) turned out to be. */
sealed interface Decoded<T> {

    /** Read; {@code warnings} are things the user should know that did not stop the load. */
    record Readable<T>(T document, List<String> warnings) implements Decoded<T> {
        public Readable {
            warnings = List.copyOf(warnings);
        }
    }

    /** Written by a newer UML Manager; this version must not read or rewrite it. */
    record Newer<T>(int schemaVersion) implements Decoded<T> {
    }

    /** Not such a document at all; {@code reason} says what is wrong and where. */
    record Corrupt<T>(String reason) implements Decoded<T> {
    }
}
