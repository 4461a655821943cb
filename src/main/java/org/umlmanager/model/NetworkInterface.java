package org.umlmanager.model;

/**
 * A guest network interface: a vector device ({@code vecN:}), a legacy one ({@code ethN=}), or one
 * connected to a saved network by name ({@link NetworkAttachment}).
 * Interfaces share the guest name space of their prefix only, so {@code vec0} and {@code eth0}
 * can coexist.
 */
public sealed interface NetworkInterface permits VectorInterface, LegacyInterface, NetworkAttachment {

    /** Runs the {@code visitor}'s method for this kind of interface. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of interface: adding one adds a method here, so every visitor (generator,
     * validator, host paths, storage, editor) stops compiling until it handles it.
     */
    interface Visitor<R> {
        R vector(VectorInterface x);
        R legacy(LegacyInterface x);
        R attachment(NetworkAttachment x);
    }

    /** The device number N. */
    int unit();

    /** {@code vecN} or {@code ethN}. */
    String deviceName();

    /** The transport's name as written on the command line ({@code tap}, {@code tuntap}, …). */
    String transportName();
}
