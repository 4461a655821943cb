package org.umlmanager.ui.main;

import java.util.List;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Tooltip;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import impl.org.controlsfx.skin.DecorationPane;
import org.umlmanager.service.HostReport;
import org.umlmanager.ui.actions.AppAction;
import org.umlmanager.ui.prefs.WindowGeometry;

/**
 * The main window: menu bar, toolbar, the instance list with its filter on the left, the selected
 * instance's details on the right above its consoles, and a status bar.
 */
public final class MainWindow {

    private final Stage stage;
    private final MainViewModel vm;
    private final DetailsPane details;
    private final BorderPane root = new BorderPane();
    private final VBox top = new VBox();
    private final SplitPane split = new SplitPane();
    private final SplitPane detailSplit = new SplitPane();
    private final StackPane consoleArea = new StackPane();
    private final Pane warmUpHost = new Pane();
    private final TableView<InstanceRow> table;
    private final TabPane detailTabs = new TabPane();
    private final Tab configurationTab = new Tab("Configuration");
    private final Tab inspectTab = new Tab("Inspect");
    private boolean reverting;
    private double consoleSplit = WindowGeometry.DEFAULT.consoleSplit();

    /**
     * What acts on the selected guest, in the Machine menu and on the toolbar.
     *
     * @param power       Start, Shut down, Force off, Reboot, Ctrl-Alt-Del, Pause, Resume
     * @param sysRqMenu   the SysRq keys for the Machine menu
     * @param sysRqButton the same keys for the toolbar
     * @param devices     Add disk…, Add network interface…, Remove device…
     * @param inspect     shows the Inspect tab
     * @param closeEnded  closes the console tabs of stopped guests (Machine menu only)
     */
    public record MachineControls(List<AppAction> power, Menu sysRqMenu, MenuButton sysRqButton,
                                  List<AppAction> devices, AppAction inspect, AppAction closeEnded) {
    }

    /**
     * @param configActions New, Import, Duplicate, Delete, Export (File and Edit menus, toolbar)
     * @param machine       actions on the running guest (Machine menu, toolbar)
     * @param appItems      Preferences…, Refresh and similar entries for the File/View menus
     */
    public MainWindow(Stage stage, MainViewModel vm, DetailsPane details, List<AppAction> configActions,
                      MachineControls machine, List<MenuItem> appItems) {
        this.stage = stage;
        this.vm = vm;
        this.details = details;
        table = InstanceTable.create(vm);
        top.getChildren().setAll(menuBar(configActions, machine, appItems), toolBar(configActions, machine));
        root.setTop(top);
        root.setCenter(center());
        root.setBottom(statusBar());
        vm.selectedProperty().addListener((o, old, row) -> selectionChanged(old, row));
        vm.toSelectProperty().addListener((o, a, name) -> {
            if (name != null) {
                vm.visibleRows().stream().filter(r -> r.name().equals(name)).findFirst().ifPresent(r -> {
                    table.getSelectionModel().clearSelection();
                    table.getSelectionModel().select(r);
                    table.scrollTo(r);
                });
            }
        });
        // A refresh replaces the rows: the editor follows the configuration just loaded.
        vm.allRows().addListener((ListChangeListener<InstanceRow>) c -> {
            if (table.getSelectionModel().isEmpty() && !vm.visibleRows().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        });
    }

    public Scene scene(double width, double height) {
        // ControlsFX puts a decoration layer at the scene's root on the first field decoration; made
        // up front, the swap never happens mid-layout (which logged CSS lookup warnings).
        DecorationPane layer = new DecorationPane();
        layer.setRoot(root);
        return new Scene(layer, width, height);
    }

    public BorderPane root() {
        return root;
    }

    /** What the instance list shows while it is empty. */
    public void setListPlaceholder(Node placeholder) {
        table.setPlaceholder(placeholder);
    }

    /** An invisible pane in the scene where the terminal is warmed up before the first console. */
    public Pane warmUpHost() {
        return warmUpHost;
    }

    /** Where the console tabs of the selected instance go. */
    public StackPane consoleArea() {
        return consoleArea;
    }

    /** The Inspect tab beside the configuration; its content follows the selected running guest. */
    public Tab inspectTab() {
        return inspectTab;
    }

    private void selectionChanged(InstanceRow old, InstanceRow row) {
        if (reverting) {
            return;
        }
        if (old != null && old != row && !details.confirmLeave()) {
            reverting = true;
            Platform.runLater(() -> {
                table.getSelectionModel().clearSelection();
                table.getSelectionModel().select(old);
                reverting = false;
            });
            return;
        }
        details.show(row);
    }

    /** Brings the Inspect tab of the selected guest to the front. */
    public void showInspect() {
        detailTabs.getSelectionModel().select(inspectTab);
    }

    private MenuBar menuBar(List<AppAction> config, MachineControls machine, List<MenuItem> app) {
        Menu file = new Menu("_File");
        file.setId("fileMenu");
        config.stream().filter(a -> List.of("wizard", "new", "import", "export").contains(a.id()))
                .forEach(a -> file.getItems().add(a.menuItem()));
        file.getItems().add(new SeparatorMenuItem());
        file.getItems().addAll(app);
        MenuItem quit = new MenuItem("Quit");
        quit.setId("menu-quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        file.getItems().addAll(new SeparatorMenuItem(), quit);
        Menu edit = new Menu("_Edit");
        edit.setId("editMenu");
        config.stream().filter(a -> List.of("duplicate", "delete").contains(a.id()))
                .forEach(a -> edit.getItems().add(a.menuItem()));
        MenuItem find = new MenuItem("Filter instances");
        find.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        find.setOnAction(e -> root.lookup("#filterField").requestFocus());
        edit.getItems().add(find);
        Menu machineMenu = new Menu("_Machine");
        machineMenu.setId("machineMenu");
        machine.power().forEach(a -> machineMenu.getItems().add(a.menuItem()));
        machineMenu.getItems().addAll(new SeparatorMenuItem(), machine.sysRqMenu(), new SeparatorMenuItem());
        machine.devices().forEach(a -> machineMenu.getItems().add(a.menuItem()));
        machineMenu.getItems().addAll(new SeparatorMenuItem(), machine.inspect().menuItem(),
                machine.closeEnded().menuItem());
        MenuBar bar = new MenuBar(file, edit, machineMenu);
        bar.setId("menuBar");
        return bar;
    }

    private ToolBar toolBar(List<AppAction> config, MachineControls machine) {
        ToolBar bar = new ToolBar();
        bar.setId("toolBar");
        config.stream().filter(a -> List.of("wizard", "new", "import").contains(a.id())).forEach(a -> bar.getItems()
                .add(a.button()));
        bar.getItems().add(new Separator(Orientation.VERTICAL));
        machine.power().forEach(a -> bar.getItems().add(a.button()));
        bar.getItems().addAll(machine.sysRqButton(), new Separator(Orientation.VERTICAL));
        bar.getItems().addAll(devicesButton(machine.devices()), new Separator(Orientation.VERTICAL),
                machine.inspect().button());
        return bar;
    }

    /** Hot-plug under one toolbar button, so that the toolbar fits a 1100-pixel window. */
    private static MenuButton devicesButton(List<AppAction> devices) {
        MenuButton button = new MenuButton("Devices");
        button.setId("tool-devices");
        button.setAccessibleText("Devices: add a disk or network interface to the running guest, or remove one");
        button.setTooltip(new Tooltip("Add a disk or network interface to the running guest, or remove one"));
        button.setFocusTraversable(false);
        for (AppAction a : devices) {
            MenuItem item = a.menuItem();
            item.setId("tool-" + a.id());
            button.getItems().add(item);
        }
        button.disableProperty().bind(Bindings.createBooleanBinding(
                () -> devices.stream().noneMatch(a -> a.executable().get()),
                devices.stream().map(AppAction::executable).toArray(javafx.beans.Observable[]::new)));
        return button;
    }

    private Node center() {
        TextField filter = new TextField();
        filter.setId("filterField");
        filter.setPromptText("Filter by name or umid");
        filter.setAccessibleText("Filter instances by name or umid");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        VBox left = new VBox(6, filter, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(6));
        left.setMinWidth(220);
        consoleArea.setId("consoleArea");
        detailSplit.setOrientation(Orientation.VERTICAL);
        configurationTab.setContent(details.root());
        configurationTab.setId("configurationTab");
        inspectTab.setId("inspectTab");
        inspectTab.setDisable(true);
        detailTabs.setId("detailTabs");
        detailTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        detailTabs.getTabs().setAll(configurationTab, inspectTab);
        detailSplit.getItems().setAll(detailTabs);
        // The console area takes room only while there is a console to show.
        consoleArea.getChildren().addListener((ListChangeListener<Node>) c -> {
            boolean shown = detailSplit.getItems().contains(consoleArea);
            if (consoleArea.getChildren().isEmpty() && shown) {
                detailSplit.getItems().remove(consoleArea);
            } else if (!consoleArea.getChildren().isEmpty() && !shown) {
                detailSplit.getItems().add(consoleArea);
                detailSplit.setDividerPositions(consoleSplit);
            }
        });
        split.getItems().setAll(left, detailSplit);
        return split;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(vm.statusProperty());
        warmUpHost.setManaged(false);
        warmUpHost.setMouseTransparent(true);
        warmUpHost.setOpacity(0);
        warmUpHost.setFocusTraversable(false);
        HBox bar = new HBox(status, warmUpHost);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /**
     * Names each feature the host lacks and what to install for it, above the list, with the one
     * command that installs all of it; nothing when nothing is missing.
     */
    public void showHostProblems(HostReport report) {
        top.getChildren().removeIf(n -> "hostBanner".equals(n.getId()));
        if (report.complete()) {
            return;
        }
        VBox banner = new VBox(3);
        banner.setId("hostBanner");
        banner.getStyleClass().add("host-banner");
        Label title = new Label("Some features need programs that are not installed on this computer:");
        title.getStyleClass().add("host-banner-title");
        banner.getChildren().add(title);
        for (var m : report.missing()) {
            Label line = new Label(m.feature() + " needs " + m.needs() + ": sudo apt-get install " + m.debianPackage());
            line.setId("hostProblem-" + m.debianPackage());
            line.setWrapText(true);
            banner.getChildren().add(line);
        }
        TextField command = new TextField(report.installCommand());
        command.setId("hostInstallCommand");
        command.setEditable(false);
        command.setAccessibleText("Command that installs the missing programs");
        HBox.setHgrow(command, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("hostInstallCopy");
        copy.setOnAction(e -> {
            ClipboardContent text = new ClipboardContent();
            text.putString(command.getText());
            Clipboard.getSystemClipboard().setContent(text);
        });
        Button dismiss = new Button("Dismiss");
        dismiss.setId("hostBannerDismiss");
        dismiss.setOnAction(e -> top.getChildren().remove(banner));
        HBox actions = new HBox(6, command, copy, dismiss);
        banner.getChildren().add(actions);
        top.getChildren().add(banner);
    }

    /** Puts the window and dividers where they were. */
    public void applyGeometry(WindowGeometry g) {
        if (!Double.isNaN(g.x()) && !Double.isNaN(g.y())) {
            stage.setX(g.x());
            stage.setY(g.y());
        }
        stage.setWidth(g.width());
        stage.setHeight(g.height());
        stage.setMaximized(g.maximized());
        if (!stage.isShowing()) {
            // Under some window managers (openbox) a window shown with a size set beforehand comes up
            // at its minimum size (about 200 pixels square); the same size set once it is shown holds.
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<WindowEvent>() {
                @Override
                public void handle(WindowEvent e) {
                    stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                    if (!stage.isMaximized()) {
                        stage.setWidth(g.width());
                        stage.setHeight(g.height());
                    }
                }
            });
        }
        split.setDividerPositions(g.split());
        consoleSplit = g.consoleSplit();
        detailSplit.setDividerPositions(consoleSplit);
    }

    /** The window and dividers as they are now. */
    public WindowGeometry geometry() {
        return new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized(), split.getDividerPositions()[0], detailSplit.getDividerPositions().length > 0
                ? detailSplit.getDividerPositions()[0] : consoleSplit);
    }
}
