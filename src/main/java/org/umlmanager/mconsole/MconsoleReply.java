package org.umlmanager.mconsole;

import java.util.Objects;

/**
 * A complete reply: the concatenated text of all its packets and the error value of the first.
 *
 * <p>{@code proc} replies begin with the kernel's own {@code "\n"} packet, and {@code sysrq} and
 * {@code stack} replies are the kernel log lines the command produced; {@link #text()} keeps them
 * as sent so that {@link #formatted()} stays identical to {@code uml_mconsole}'s output.
 *
 * @param errorCode 0 on success; 1 for mconsole's own errors; a negative errno from device
 *                  drivers ({@code -19} "Device doesn't exist", {@code -16} busy, …)
 * @param text      the reply text without NUL terminators, decoded as UTF-8
 */
public record MconsoleReply(int errorCode, String text) {

    public MconsoleReply {
        Objects.requireNonNull(text, "text");
    }

    public boolean ok() {
        return errorCode == 0;
    }

    /**
     * Exactly what {@code uml_mconsole SOCKET COMMAND} writes to standard output for this reply:
     * {@code "OK " + text + "\n"} or {@code "ERR " + text + "\n"}. (Its local {@code help}
     * additionally appends a list of its own client-side commands, which do not exist here.)
     */
    public String formatted() {
        return (ok() ? "OK " : "ERR ") + text + "\n";
    }
}
