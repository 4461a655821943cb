package org.umlmanager.ui;

import javafx.application.Application;
import javafx.stage.Stage;
import org.umlmanager.model.AppPaths;

/** The JavaFX application: hands the stage to {@link App}, which wires everything. */
public final class DesktopApp extends Application {

    private App app;

    public static void launchApp(String[] args) {
        StartupTrace.mark("launching the toolkit");
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        app = new App(stage, AppPaths.fromEnvironment());
        app.launch();
    }

    @Override
    public void stop() {
        if (app != null) {
            app.stop();
        }
    }
}
