package org.umlmanager.mconsole;

import java.io.IOException;

/**
 * A request could not be completed: the instance is unreachable, did not answer in time, sent
 * something that is not an mconsole reply, or the client was closed. An error <em>reply</em>
 * ({@code ERR …}) is not an exception: it is an {@link MconsoleReply} whose {@code ok()} is false.
 */
public class MconsoleException extends IOException {

    private static final long serialVersionUID = 1L;

    public MconsoleException(String message) {
        super(message);
    }

    public MconsoleException(String message, Throwable cause) {
        super(message, cause);
    }
}
