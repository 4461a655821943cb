package org.umlmanager.ui.main;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.umlmanager.cmdline.ParseResult;
import org.umlmanager.model.Instance;
import org.umlmanager.service.InstanceService;

/** The main window with its view models and actions, assembled from what {@code App} hands in. */
public final class MainUi {

    /**
     * @param defaultKernel the kernel for new instances
     * @param dataDir       where new instances' images and shared directories go
     * @param parse         the command-line parser with validation, for Import
     * @param script        an instance's start script, for Export
     * @param background    where blocking work runs
     * @param ui            the FX thread
     */
    public record Context(Supplier<String> defaultKernel, Path dataDir, BiFunction<String, String, ParseResult> parse,
                          Function<Instance, String> script, Executor background, Executor ui) {
    }

    private final MainViewModel main;
    private final MainWindow window;

    public MainUi(Stage stage, InstanceService instances, EditorFactory editors, Context context,
                  List<MenuItem> appItems) {
        main = new MainViewModel(instances, context.ui());
        DetailsPane details = new DetailsPane(instances, editors, main, context.ui());
        ConfigActions config = new ConfigActions(() -> stage, instances, main, context);
        window = new MainWindow(stage, main, details, config.actions(), List.of(), appItems);
    }

    public MainViewModel main() {
        return main;
    }

    public MainWindow window() {
        return window;
    }
}
