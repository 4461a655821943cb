package org.umlmanager.model;

import java.util.Objects;

/** A {@code vecN:transport=…} network interface. */
public record VectorInterface(int unit, VectorTransport transport, VectorOptions options)
        implements NetworkInterface {

    public VectorInterface {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(options, "options");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.vector(this);
    }

    @Override
    public String deviceName() {
        return "vec" + unit;
    }

    @Override
    public String transportName() {
        return transport.name();
    }
}
