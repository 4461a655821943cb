package org.umlmanager.model;

import java.util.Objects;

/** An {@code ethN=transport,…} network interface of the legacy driver. */
public record LegacyInterface(int unit, LegacyTransport transport) implements NetworkInterface {

    public LegacyInterface {
        Objects.requireNonNull(transport, "transport");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.legacy(this);
    }

    @Override
    public String deviceName() {
        return "eth" + unit;
    }

    @Override
    public String transportName() {
        return transport.name();
    }
}
