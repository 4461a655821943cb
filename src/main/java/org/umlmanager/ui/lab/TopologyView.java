package org.umlmanager.ui.lab;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import org.umlmanager.model.NodePosition;

/**
 * Draws a lab: devices as rounded boxes, collision domains as ellipses (networks outside the lab
 * dashed), links as lines labelled with the interface, every node filled with its state's colour
 * and redrawn as it changes. Nodes can be dragged (positions go to the view model, saved on
 * release); a double-click on a device and the right-click menus call the actions given.
 */
public final class TopologyView {

    static final double DEVICE_WIDTH = 86;
    static final double DEVICE_HEIGHT = 44;
    static final double DOMAIN_RADIUS_X = 38;
    static final double DOMAIN_RADIUS_Y = 25;

    /** What the drawing's menus and double-clicks do. */
    public interface Actions {
        void openConsole(TopologyNode device);

        void start(TopologyNode device);

        void stop(TopologyNode device, boolean force);

        void capture(TopologyNode domain);
    }

    private final LabsViewModel vm;
    private final Actions actions;
    private final Pane canvas = new Pane();
    private final Group links = new Group();
    private final Group shapes = new Group();
    private final ScrollPane scroll = new ScrollPane(canvas);
    private final Map<TopologyNode, Node> drawn = new HashMap<>();

    public TopologyView(LabsViewModel vm, Actions actions) {
        this.vm = vm;
        this.actions = actions;
        canvas.setId("topology");
        canvas.getStyleClass().add("topology");
        canvas.setStyle("-fx-background-color: white;");
        canvas.getChildren().addAll(links, shapes);
        canvas.setMinSize(LabsViewModel.AREA_WIDTH, LabsViewModel.AREA_HEIGHT);
        scroll.setId("topologyScroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        vm.nodes().addListener((ListChangeListener<TopologyNode>) c -> redraw());
        vm.edges().addListener((ListChangeListener<TopologyEdge>) c -> redraw());
        redraw();
    }

    public Node root() {
        return scroll;
    }

    /** The drawing itself (for snapshots). */
    public Pane canvas() {
        return canvas;
    }

    /** The node drawn for {@code node}, for tests. */
    public Node shapeOf(TopologyNode node) {
        return drawn.get(node);
    }

    /** The filled shape of a node, whose colour is its state's. */
    public static Shape body(Node drawnNode) {
        return (Shape) drawnNode.lookup(".topology-body");
    }

    /** The drawing as an image, at its size, white behind it. */
    public WritableImage snapshot() {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        return canvas.snapshot(p, null);
    }

    private void redraw() {
        links.getChildren().clear();
        shapes.getChildren().clear();
        drawn.clear();
        for (TopologyEdge e : vm.edges()) {
            Line line = new Line();
            line.startXProperty().bind(e.device().xProperty());
            line.startYProperty().bind(e.device().yProperty());
            line.endXProperty().bind(e.network().xProperty());
            line.endYProperty().bind(e.network().yProperty());
            line.setStroke(Color.web("#607d8b"));
            line.setStrokeWidth(2);
            Label label = new Label(e.label());
            label.getStyleClass().add("topology-link-label");
            label.setStyle("-fx-font-size: 11px; -fx-text-fill: #37474f;");
            // The interface's name sits just outside the device's box, on its link.
            label.layoutXProperty().bind(Bindings.createDoubleBinding(() -> labelAt(e)[0] - 14,
                    e.device().xProperty(), e.device().yProperty(), e.network().xProperty(), e.network().yProperty()));
            label.layoutYProperty().bind(Bindings.createDoubleBinding(() -> labelAt(e)[1] - 9,
                    e.device().xProperty(), e.device().yProperty(), e.network().xProperty(), e.network().yProperty()));
            label.setMouseTransparent(true);
            links.getChildren().addAll(line, label);
        }
        for (TopologyNode n : vm.nodes()) {
            Node shape = n.kind() == NodePosition.Kind.DEVICE ? device(n) : domain(n);
            drawn.put(n, shape);
            shapes.getChildren().add(shape);
        }
    }

    /** Where a link's label goes: where the link leaves the device's box, a little further out. */
    static double[] labelAt(TopologyEdge e) {
        double x = e.device().xProperty().get();
        double y = e.device().yProperty().get();
        double dx = e.network().xProperty().get() - x;
        double dy = e.network().yProperty().get() - y;
        double length = Math.max(1, Math.hypot(dx, dy));
        double ux = dx / length;
        double uy = dy / length;
        double out = Math.min(Math.abs(ux) < 1e-6 ? Double.MAX_VALUE : DEVICE_WIDTH / 2 / Math.abs(ux),
                Math.abs(uy) < 1e-6 ? Double.MAX_VALUE : DEVICE_HEIGHT / 2 / Math.abs(uy)) + 16;
        out = Math.min(out, length / 2);
        return new double[] {x + ux * out, y + uy * out};
    }

    private Node device(TopologyNode n) {
        Rectangle box = new Rectangle(DEVICE_WIDTH, DEVICE_HEIGHT);
        box.setArcWidth(16);
        box.setArcHeight(16);
        return decorate(n, box, DEVICE_WIDTH, DEVICE_HEIGHT);
    }

    private Node domain(TopologyNode n) {
        Ellipse e = new Ellipse(DOMAIN_RADIUS_X, DOMAIN_RADIUS_Y);
        if (n.kind() == NodePosition.Kind.NETWORK) {
            e.getStrokeDashArray().setAll(5.0, 3.0);
        }
        return decorate(n, e, DOMAIN_RADIUS_X * 2, DOMAIN_RADIUS_Y * 2);
    }

    private Node decorate(TopologyNode n, Shape body, double width, double height) {
        body.getStyleClass().add("topology-body");
        body.setStroke(Color.web("#263238"));
        body.setStrokeWidth(1.5);
        body.fillProperty().bind(Bindings.createObjectBinding(() -> Color.web(n.state().colour()), n.stateProperty()));
        Label name = new Label(n.name());
        name.setStyle("-fx-font-weight: bold; -fx-text-fill: white; -fx-font-size: 13px;");
        Label state = new Label();
        state.textProperty().bind(Bindings.createStringBinding(() -> n.state().word(), n.stateProperty()));
        state.setStyle("-fx-font-size: 10px; -fx-text-fill: white;");
        VBox text = new VBox(-1, name, state);
        text.setAlignment(Pos.CENTER);
        text.setMouseTransparent(true);
        StackPane box = new StackPane(body, text);
        box.setPrefSize(width, height);
        box.setMaxSize(width, height);
        box.setId("node-" + n.id());
        box.getStyleClass().add("topology-node");
        box.setUserData(n);
        // The node's position is the centre of its shape.
        box.layoutXProperty().bind(n.xProperty().subtract(width / 2));
        box.layoutYProperty().bind(n.yProperty().subtract(height / 2));
        Tooltip.install(box, new Tooltip(tooltip(n)));
        drag(box, n);
        // The menu opens on a secondary click (not every glass sends a context-menu request for one)
        // and on the keyboard's menu key.
        box.setOnContextMenuRequested(e -> {
            if (e.isKeyboardTrigger()) {
                menu(n).show(box, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        box.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                menu(n).show(box, e.getScreenX(), e.getScreenY());
            } else if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && n.kind() == NodePosition.Kind.DEVICE) {
                actions.openConsole(n);
            }
        });
        return box;
    }

    private static String tooltip(TopologyNode n) {
        return switch (n.kind()) {
            case DEVICE -> "Device " + n.name() + " (instance " + n.target() + "). Double-click: its console.";
            case DOMAIN -> "Collision domain " + n.name() + " (network " + n.target() + ")";
            case NETWORK -> "Network " + n.name() + ", outside the lab";
        };
    }

    private void drag(Node box, TopologyNode n) {
        double[] offset = new double[2];
        boolean[] moved = new boolean[1];
        box.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                offset[0] = n.xProperty().get() - e.getSceneX();
                offset[1] = n.yProperty().get() - e.getSceneY();
                moved[0] = false;
            }
        });
        box.setOnMouseDragged(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                n.xProperty().set(Math.max(DEVICE_WIDTH / 2, e.getSceneX() + offset[0]));
                n.yProperty().set(Math.max(DEVICE_HEIGHT / 2, e.getSceneY() + offset[1]));
                moved[0] = true;
                e.consume();
            }
        });
        box.setOnMouseReleased(e -> {
            if (moved[0]) {
                vm.moved(n);
                vm.savePositions();
            }
        });
    }

    private ContextMenu menu(TopologyNode n) {
        ContextMenu menu = new ContextMenu();
        if (n.kind() == NodePosition.Kind.DEVICE) {
            MenuItem console = item("Open console", "menu-node-console", () -> actions.openConsole(n));
            MenuItem start = item("Start", "menu-node-start", () -> actions.start(n));
            MenuItem stop = item("Shut down", "menu-node-stop", () -> actions.stop(n, false));
            MenuItem off = item("Force off", "menu-node-forceoff", () -> actions.stop(n, true));
            boolean up = n.state() == NodeState.RUNNING || n.state() == NodeState.PAUSED;
            console.setDisable(!up && n.state() != NodeState.STARTING);
            start.setDisable(up || n.state() == NodeState.STARTING || n.state() == NodeState.MISSING);
            stop.setDisable(!up);
            off.setDisable(!up && n.state() != NodeState.STARTING && n.state() != NodeState.STOPPING);
            menu.getItems().addAll(console, start, stop, off);
        } else {
            MenuItem capture = item("Capture traffic…", "menu-node-capture", () -> actions.capture(n));
            capture.setDisable(n.state() != NodeState.RUNNING);
            menu.getItems().add(capture);
        }
        return menu;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

}
