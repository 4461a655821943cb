package org.umlmanager.network;

/**
 * Plugs a guest's interfaces into a network's switch again after the switch was restarted: the
 * guest's vde connections went with the old switch, and the kernel only connects when an
 * interface is configured.
 */
@FunctionalInterface
public interface Replug {

    /** What became of one guest. */
    record Outcome(boolean restored, String text) {
    }

    Outcome replug(GuestRegistration guest);
}
