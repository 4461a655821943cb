package org.umlmanager.service;

/** No running guest (or known instance) has the name. */
public final class NoSuchGuestException extends GuestException {

    private static final long serialVersionUID = 1L;

    public NoSuchGuestException(String name) {
        super("no instance or running guest named '" + name + "'; see 'uml-manager status' for the guests");
    }
}
