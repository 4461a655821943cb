package org.umlmanager.storage;

/** A document is valid JSON but not a valid instance; the message names the field. */
final class DocumentFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    DocumentFormatException(String message) {
        super(message);
    }
}
