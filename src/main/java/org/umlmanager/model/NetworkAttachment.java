package org.umlmanager.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A guest interface connected to a saved {@link Network} by name, instead of written in kernel
 * syntax. What the kernel gets is decided when the guest starts, from the network as it is then
 * (its socket directory, the kernel's transports): see {@code network.Attachments}.
 *
 * @param family  whether the guest sees {@code ethN} (6.1's legacy vde transport) or {@code vecN}
 *                (host devices, and vde on kernels that only have vector transports)
 * @param unit    the device number N
 * @param network the network's name
 * @param mac     the interface's MAC address; empty lets the kernel pick a random one at every boot
 * @param address a static address UML Manager sets up in guests it made; empty means DHCP on NAT
 *                networks and no address elsewhere
 */
public record NetworkAttachment(Family family, int unit, String network, Optional<String> mac,
                                Optional<InterfaceAddress> address) implements NetworkInterface {

    /** The guest device name space an attachment lives in. */
    public enum Family {
        ETH("eth"), VEC("vec");

        private final String prefix;

        Family(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /** Written as {@code transport} in summaries: the interface goes to a saved network. */
    public static final String TRANSPORT = "network";

    public NetworkAttachment {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.attachment(this);
    }

    @Override
    public String deviceName() {
        return family.prefix() + unit;
    }

    @Override
    public String transportName() {
        return TRANSPORT;
    }

    public NetworkAttachment withMac(Optional<String> v) {
        return new NetworkAttachment(family, unit, network, v, address);
    }
}
