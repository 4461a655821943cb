package org.umlmanager.mconsole;

import java.time.Duration;

/**
 * No complete reply arrived within the request's timeout: the guest is stopped by a host signal,
 * panicked or halted in the middle of a reply, or another request on the same socket held the
 * line for the whole time. {@link #partialText()} holds whatever text arrived before the end.
 */
public final class MconsoleTimeoutException extends MconsoleException {

    private static final long serialVersionUID = 1L;

    private final String command;
    private final String partialText;

    public MconsoleTimeoutException(String command, Duration timeout, String partialText, String what) {
        super("no " + what + " to '" + command + "' within " + timeout.toMillis() + " ms"
                + " (the guest may be frozen, crashed or halting)");
        this.command = command;
        this.partialText = partialText;
    }

    public String command() {
        return command;
    }

    /** Text received before the timeout, empty when nothing arrived. */
    public String partialText() {
        return partialText;
    }
}
