package org.umlmanager.ui.lab;

import java.util.Objects;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.umlmanager.model.NodePosition;

/**
 * One node of a lab's drawing: a device (an instance), a collision domain (a switch network), or a
 * network outside the lab that a device reaches (the NAT network of a bridged device). Its position
 * and state are properties the view follows; change them on the FX thread.
 */
public final class TopologyNode {

    private final NodePosition.Kind kind;
    private final String name;
    private final String target;
    private final DoubleProperty x = new SimpleDoubleProperty();
    private final DoubleProperty y = new SimpleDoubleProperty();
    private final ObjectProperty<NodeState> state = new SimpleObjectProperty<>(NodeState.STOPPED);

    /**
     * @param name   what the drawing says: the device's or domain's name in the lab, or the network's
     * @param target the instance (device) or network (domain, network) behind it
     */
    public TopologyNode(NodePosition.Kind kind, String name, String target) {
        this.kind = Objects.requireNonNull(kind);
        this.name = Objects.requireNonNull(name);
        this.target = Objects.requireNonNull(target);
    }

    public NodePosition.Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String target() {
        return target;
    }

    public DoubleProperty xProperty() {
        return x;
    }

    public DoubleProperty yProperty() {
        return y;
    }

    public ObjectProperty<NodeState> stateProperty() {
        return state;
    }

    public NodeState state() {
        return state.get();
    }

    public NodePosition position() {
        return new NodePosition(kind, name, x.get(), y.get());
    }

    /** {@code device r1}: for ids and messages. */
    public String id() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + name;
    }

    @Override
    public String toString() {
        return id();
    }
}
