package org.umlmanager.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class DesktopApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("UML Manager");
        stage.setScene(new Scene(new Label("UML Manager"), 640, 400));
        stage.show();
    }
}
