package org.umlmanager.model;

/**
 * The serial line on which a guest that UML Manager made runs its command agent (for
 * {@code uml-manager exec}). The line is also one of the instance's embedded consoles, so that it
 * is kept open and read like the others; it has no login prompt and carries only the agent's frames.
 *
 * @param index the serial line's number: {@code ssl63} is guest {@code /dev/ttyS63}
 */
public record AgentLine(int index) {

    /** The last serial line: the one least likely to be wanted for anything else. */
    public static final AgentLine DEFAULT = new AgentLine(LineKind.SSL.count() - 1);

    public AgentLine {
        if (index < 0 || index >= LineKind.SSL.count()) {
            throw new IllegalArgumentException("serial line " + index + " does not exist; use 0 to "
                    + (LineKind.SSL.count() - 1));
        }
    }

    /** {@code ssl63}: the line's name on the command line and in the consoles. */
    public String name() {
        return LineKind.SSL.prefix() + index;
    }

    /** {@code ttyS63}: the guest's device under /dev. */
    public String guestDevice() {
        return LineKind.SSL.guestDevice(index);
    }
}
