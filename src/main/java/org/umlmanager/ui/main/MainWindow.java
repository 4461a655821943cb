package org.umlmanager.ui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import impl.org.controlsfx.skin.DecorationPane;
import org.umlmanager.ui.Icons;
import org.umlmanager.ui.Tooltips;
import org.umlmanager.ui.Windows;
import org.umlmanager.service.HostReport;
import org.umlmanager.ui.AppIcon;
import org.umlmanager.ui.actions.AppAction;
import org.umlmanager.ui.prefs.WindowGeometry;
import org.umlmanager.ui.usage.UsageHistory;

/**
 * The main window: menu bar and toolbar, the machine list with its filter on the left, and on
 * the right one view of the selected machine at a time, each with the whole side: Details (its
 * configuration), Console, Usage (CPU and memory graphs) and Inspect (its kernel through
 * mconsole). F6 and Shift+F6 move between toolbar, list and view.
 */
public final class MainWindow {

    /** The views of the selected machine, in the order of the switcher and of Ctrl+1 … Ctrl+4. */
    public enum View {
        DETAILS("Details", "The machine's configuration", AppIcon.TUNE_VERTICAL),
        CONSOLE("Console", "The machine's consoles and serial lines (the terminal gets the keyboard)",
                AppIcon.CONSOLE),
        USAGE("Usage", "CPU and memory use of the machine while it runs", AppIcon.CHART_AREASPLINE),
        INSPECT("Inspect", "The running kernel: version, /proc files, a process's stack, a kernel log line",
                AppIcon.MAGNIFY);

        private final String title;
        private final String description;
        private final AppIcon icon;

        View(String title, String description, AppIcon icon) {
            this.title = title;
            this.description = description;
            this.icon = icon;
        }

        public String title() {
            return title;
        }
    }

    private final Stage stage;
    private final MainViewModel vm;
    private final BorderPane root = new BorderPane();
    private final VBox top = new VBox();
    private final SplitPane split = new SplitPane();
    private final StackPane viewArea = new StackPane();
    private final StackPane consoleArea = new StackPane();
    private final StackPane inspectArea = new StackPane();
    private final Pane warmUpHost = new Pane();
    private final TableView<InstanceRow> table;
    private final TextField filter = new TextField();
    private final ObjectProperty<View> view = new SimpleObjectProperty<>(View.DETAILS);
    private final ToggleGroup viewToggles = new ToggleGroup();
    private final Map<View, Node> views;
    private final ToolBar toolBar;
    private final VBox left;
    private Node emptyPlaceholder = loading();
    private Runnable focusConsole = () -> { };
    private boolean reverting;

    /**
     * What acts on the selected guest, in the Machine menu and on the toolbar.
     *
     * @param power       Start, Shut down, Reboot, Reset, Force off, Pause, Resume, Ctrl-Alt-Del (by id)
     * @param sysRqMenu   the SysRq keys for the Machine menu
     * @param sysRqButton the same keys for the toolbar
     * @param devices     Add disk…, Add network interface…, Remove device…
     * @param closeEnded  closes the console tabs of stopped guests (Machine menu only)
     */
    public record MachineControls(List<AppAction> power, Menu sysRqMenu, MenuButton sysRqButton,
                                  List<AppAction> devices, AppAction closeEnded) {

        AppAction get(String id) {
            return power.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
        }
    }

    /**
     * @param details       the selected machine's editor
     * @param usage         the Usage view
     * @param history       the machines' recent usage, for the list's sparklines
     * @param configActions New VM, New from template, Import, Duplicate, Delete, Export (by id)
     * @param machine       actions on the running guest (Machine menu, toolbar)
     * @param appItems      Disk images…, Preferences… and similar entries for the File menu
     * @param helpItems     Keyboard shortcuts, About
     */
    public MainWindow(Stage stage, MainViewModel vm, DetailsPane details, Node usage, UsageHistory history,
                      List<AppAction> configActions, MachineControls machine, List<MenuItem> appItems,
                      List<MenuItem> helpItems) {
        this.stage = stage;
        this.vm = vm;
        table = InstanceTable.create(vm, history);
        views = Map.of(View.DETAILS, details.root(), View.CONSOLE, consoleArea, View.USAGE, usage,
                View.INSPECT, inspectArea);
        toolBar = toolBar(configActions, machine);
        top.getChildren().setAll(menuBar(configActions, machine, appItems, helpItems), toolBar);
        root.setTop(top);
        left = left();
        root.setCenter(center());
        root.setBottom(statusBar());
        vm.selectedProperty().addListener((o, old, row) -> {
            if (!reverting && old != null && old != row && !details.confirmLeave()) {
                reverting = true;
                Platform.runLater(() -> {
                    table.getSelectionModel().clearSelection();
                    table.getSelectionModel().select(old);
                    reverting = false;
                });
            } else if (!reverting) {
                details.show(row);
            }
        });
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
        // An empty list says why: no machines at all, or none the filter lets through.
        InvalidationListener placeholder = o -> table.setPlaceholder(vm.allRows().isEmpty() || vm.filterProperty()
                .get().isBlank() ? emptyPlaceholder : InstanceTable.noMatch(vm.filterProperty().get()));
        vm.allRows().addListener(placeholder);
        vm.filterProperty().addListener(placeholder);
        table.setPlaceholder(emptyPlaceholder);
        view.addListener((o, a, v) -> showView(v));
        showView(View.DETAILS);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
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

    /** What the list shows until the machines are loaded. */
    private static Label loading() {
        Label label = new Label("Loading machines…");
        label.setId("loadingMachines");
        return label;
    }

    /** What the list shows while there is no machine at all. */
    public void setListPlaceholder(Node placeholder) {
        emptyPlaceholder = placeholder;
        if (vm.filterProperty().get().isBlank() || vm.allRows().isEmpty()) {
            table.setPlaceholder(placeholder);
        }
    }

    /** An invisible pane in the scene where the terminal is warmed up before the first console. */
    public Pane warmUpHost() {
        return warmUpHost;
    }

    /** Where the console tabs of the selected machine go. */
    public StackPane consoleArea() {
        return consoleArea;
    }

    /** Where the Inspect panel of the selected running machine goes. */
    public StackPane inspectArea() {
        return inspectArea;
    }

    /** The view shown on the right. */
    public ObjectProperty<View> viewProperty() {
        return view;
    }

    /** What gives the keyboard to the selected machine's console (set by whoever owns the consoles). */
    public void setFocusConsole(Runnable action) {
        focusConsole = action;
    }

    /** Shows the console view and gives the terminal the keyboard. */
    public void showConsole() {
        view.set(View.CONSOLE);
        Platform.runLater(focusConsole);
    }

    private void showView(View v) {
        viewArea.getChildren().setAll(views.get(v));
        viewToggles.getToggles().stream().filter(t -> t.getUserData() == v).findFirst()
                .ifPresent(t -> t.setSelected(true));
    }

    private MenuBar menuBar(List<AppAction> config, MachineControls machine, List<MenuItem> app,
                            List<MenuItem> help) {
        Menu file = new Menu("_File");
        file.setId("fileMenu");
        for (String id : List.of("wizard", "new", "import", "export")) {
            file.getItems().add(action(config, id).menuItem());
        }
        file.getItems().addAll(new SeparatorMenuItem(), action(config, "networks").menuItem());
        file.getItems().addAll(app);
        MenuItem quit = new MenuItem("Quit");
        quit.setId("menu-quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        file.getItems().addAll(new SeparatorMenuItem(), quit);

        Menu edit = new Menu("_Edit");
        edit.setId("editMenu");
        for (String id : List.of("duplicate", "delete")) {
            edit.getItems().add(action(config, id).menuItem());
        }
        MenuItem find = new MenuItem("Filter machines");
        find.setId("menu-filter");
        find.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        find.setOnAction(e -> filter.requestFocus());
        edit.getItems().add(find);

        Menu viewMenu = new Menu("_View");
        viewMenu.setId("viewMenu");
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};
        for (View v : View.values()) {
            MenuItem item = new MenuItem(v.title(), Icons.of(v.icon));
            item.setId("menu-view-" + v.name().toLowerCase(java.util.Locale.ROOT));
            item.setAccelerator(new KeyCodeCombination(digits[v.ordinal()], KeyCombination.SHORTCUT_DOWN));
            item.setOnAction(e -> {
                if (v == View.CONSOLE) {
                    showConsole();
                } else {
                    view.set(v);
                }
            });
            viewMenu.getItems().add(item);
        }
        MenuItem next = new MenuItem("Next pane");
        next.setId("menu-nextpane");
        next.setAccelerator(new KeyCodeCombination(KeyCode.F6));
        next.setOnAction(e -> cyclePanes(1));
        MenuItem previous = new MenuItem("Previous pane");
        previous.setAccelerator(new KeyCodeCombination(KeyCode.F6, KeyCombination.SHIFT_DOWN));
        previous.setOnAction(e -> cyclePanes(-1));
        viewMenu.getItems().addAll(new SeparatorMenuItem(), next, previous);

        Menu machineMenu = new Menu("_Machine");
        machineMenu.setId("machineMenu");
        for (String id : List.of("start", "pause", "resume")) {
            machineMenu.getItems().add(machine.get(id).menuItem());
        }
        machineMenu.getItems().add(new SeparatorMenuItem());
        for (String id : List.of("shutdown", "reboot", "reset", "forceoff")) {
            machineMenu.getItems().add(machine.get(id).menuItem());
        }
        machineMenu.getItems().addAll(new SeparatorMenuItem(), machine.get("cad").menuItem(), machine.sysRqMenu(),
                new SeparatorMenuItem());
        machine.devices().forEach(a -> machineMenu.getItems().add(a.menuItem()));
        machineMenu.getItems().addAll(new SeparatorMenuItem(), machine.closeEnded().menuItem());

        Menu helpMenu = new Menu("_Help");
        helpMenu.setId("helpMenu");
        helpMenu.getItems().addAll(help);
        MenuBar bar = new MenuBar(file, edit, viewMenu, machineMenu, helpMenu);
        bar.setId("menuBar");
        return bar;
    }

    private static AppAction action(List<AppAction> actions, String id) {
        return actions.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    private ToolBar toolBar(List<AppAction> config, MachineControls machine) {
        ToolBar bar = new ToolBar();
        bar.setId("toolBar");
        MenuButton create = new MenuButton("New", Icons.of(AppIcon.PLUS));
        create.setId("tool-newmenu");
        create.setAccessibleText("New: a machine with its disk, a configuration from a template, or an import");
        Tooltips.onFirstHover(create, "Make a new machine");
        for (String id : List.of("wizard", "new", "import")) {
            MenuItem item = action(config, id).menuItem();
            item.setId("tool-" + id);
            create.getItems().add(item);
        }
        MenuButton power = menuButton("tool-power", "Shut down, reboot, reset or force off the machine",
                AppIcon.POWER, machine, List.of("shutdown", "reboot", "reset", "forceoff"));
        power.setText("Power");
        // Pause and Resume share a place: the one that applies shows.
        Node pause = machine.get("pause").toolItem();
        Node resume = machine.get("resume").toolItem();
        resume.visibleProperty().unbind();
        resume.visibleProperty().bind(machine.get("resume").executable());
        pause.visibleProperty().unbind();
        pause.visibleProperty().bind(Bindings.not(machine.get("resume").executable()));
        pause.managedProperty().unbind();
        pause.managedProperty().bind(pause.visibleProperty());
        resume.managedProperty().unbind();
        resume.managedProperty().bind(resume.visibleProperty());
        MenuButton devices = menuButton("tool-devices", "Add a disk or network interface to the running machine,"
                + " or remove one", AppIcon.HARDDISK_PLUS, machine, List.of());
        for (AppAction a : machine.devices()) {
            MenuItem item = a.menuItem();
            item.setId("tool-" + a.id());
            devices.getItems().add(item);
        }
        devices.disableProperty().bind(Bindings.createBooleanBinding(
                () -> machine.devices().stream().noneMatch(a -> a.executable().get()),
                machine.devices().stream().map(AppAction::executable).toArray(javafx.beans.Observable[]::new)));
        machine.sysRqButton().setText(null);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox switcher = new HBox();
        switcher.getStyleClass().add("view-switcher");
        for (View v : View.values()) {
            ToggleButton b = new ToggleButton(v.title(), Icons.of(v.icon));
            b.setId("view-" + v.name().toLowerCase(java.util.Locale.ROOT));
            b.setUserData(v);
            b.setToggleGroup(viewToggles);
            Tooltips.onFirstHover(b, () -> new Tooltip(v.description + " (" + new KeyCodeCombination(
                    KeyCode.valueOf("DIGIT" + (v.ordinal() + 1)), KeyCombination.SHORTCUT_DOWN).getDisplayText() + ")"));
            b.setOnAction(e -> {
                if (v == View.CONSOLE) {
                    showConsole();
                } else {
                    view.set(v);
                }
                b.setSelected(true);
            });
            switcher.getChildren().add(b);
        }
        bar.getItems().addAll(create, new Separator(), machine.get("start").toolItem(), pause, resume, power,
                new Separator(), devices, machine.sysRqButton(), new Separator(), action(config, "networks").toolItem(),
                spacer, switcher);
        return bar;
    }

    /** A toolbar menu of some machine actions, enabled while one of them can run. */
    private static MenuButton menuButton(String id, String tooltip, AppIcon icon, MachineControls machine,
                                         List<String> ids) {
        MenuButton button = new MenuButton(null, Icons.of(icon));
        button.setId(id);
        button.setAccessibleText(tooltip);
        Tooltips.onFirstHover(button, tooltip);
        List<AppAction> actions = new ArrayList<>();
        for (String actionId : ids) {
            AppAction a = machine.get(actionId);
            actions.add(a);
            MenuItem item = a.menuItem();
            item.setId("tool-" + a.id());
            button.getItems().add(item);
        }
        if (!actions.isEmpty()) {
            button.disableProperty().bind(Bindings.createBooleanBinding(
                    () -> actions.stream().noneMatch(a -> a.executable().get()),
                    actions.stream().map(AppAction::executable).toArray(javafx.beans.Observable[]::new)));
        }
        return button;
    }

    private VBox left() {
        filter.setId("filterField");
        filter.setPromptText("Filter by name or umid");
        filter.setAccessibleText("Filter machines by name or umid");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Button clear = new Button(null, Icons.of(AppIcon.FILTER_REMOVE_OUTLINE));
        clear.setId("clearFilter");
        Tooltips.onFirstHover(clear, "Clear the filter");
        clear.setAccessibleText("Clear the filter");
        clear.visibleProperty().bind(filter.textProperty().isNotEmpty());
        clear.managedProperty().bind(clear.visibleProperty());
        clear.setOnAction(e -> filter.clear());
        HBox filterRow = new HBox(4, filter, clear);
        HBox.setHgrow(filter, Priority.ALWAYS);
        filterRow.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, filterRow, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        box.setMinWidth(190);
        box.setId("machineListPane");
        return box;
    }

    private Node center() {
        consoleArea.setId("consoleArea");
        inspectArea.setId("inspectArea");
        viewArea.setId("viewArea");
        split.getItems().setAll(left, viewArea);
        SplitPane.setResizableWithParent(left, false);
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
        ProgressBar progress = new ProgressBar();
        progress.setId("bulkProgress");
        progress.setPrefWidth(140);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.progressProperty().greaterThanOrEqualTo(0));
        progress.managedProperty().bind(progress.visibleProperty());
        HBox bar = new HBox(8, progress, status, warmUpHost);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /**
     * F6, Shift+F6 and Ctrl+1 … Ctrl+4 before the focused control sees them: the terminal takes
     * every key it gets, and these must work from a console too.
     */
    private void keys(KeyEvent e) {
        if (e.getCode() == KeyCode.F6 && !e.isControlDown() && !e.isAltDown()) {
            e.consume();
            cyclePanes(e.isShiftDown() ? -1 : 1);
            return;
        }
        int digit = e.getCode().ordinal() - KeyCode.DIGIT1.ordinal();
        if (e.isShortcutDown() && !e.isShiftDown() && !e.isAltDown() && digit >= 0 && digit < View.values().length
                && e.getCode().isDigitKey()) {
            e.consume();
            View v = View.values()[digit];
            if (v == View.CONSOLE) {
                showConsole();
            } else {
                view.set(v);
            }
        }
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

    /** Moves the keyboard to the next (or previous) of toolbar, machine list and the view. */
    void cyclePanes(int direction) {
        List<Parent> panes = List.of(toolBar, left, viewArea);
        Node focused = stage.getScene() == null ? null : stage.getScene().getFocusOwner();
        int current = -1;
        for (int i = 0; i < panes.size(); i++) {
            if (focused != null && contains(panes.get(i), focused)) {
                current = i;
            }
        }
        int target = Math.floorMod(current + direction, panes.size());
        if (panes.get(target) == left) {
            table.requestFocus();
        } else if (panes.get(target) == viewArea && view.get() == View.CONSOLE && !consoleArea.getChildren()
                .isEmpty()) {
            focusConsole.run();
        } else {
            Node first = firstFocusable(panes.get(target));
            if (first != null) {
                first.requestFocus();
            } else {
                panes.get(target).requestFocus();
            }
        }
    }

    private static boolean contains(Parent pane, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == pane) {
                return true;
            }
        }
        return false;
    }

    private static Node firstFocusable(Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return null;
        }
        if (node.isFocusTraversable()) {
            return node;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                Node found = firstFocusable(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Puts the window where it was, or where a first run puts it, and the list's divider where it was. */
    public void applyGeometry(WindowGeometry g) {
        Windows.main(stage, g);
        split.setDividerPositions(g.split());
        // The first layout at the window manager's first size may move the divider; put it back once shown.
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> Platform.runLater(() -> split.setDividerPositions(
                g.split())));
    }

    /** The window and divider as they are now. */
    public WindowGeometry geometry() {
        return new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized(), split.getDividerPositions()[0]);
    }
}
