package org.umlmanager.ui;

import javafx.application.Application;

/**
 * The window benchmark's subject, run in its own JVM with the launcher's options on a real
 * display: the app as {@code uml-manager} opens it (on {@code UML_MANAGER_HOME}), driven and
 * measured from inside by {@link WindowBenchSubject}.
 */
public final class WindowBenchApp {

    private WindowBenchApp() {
    }

    /** Not an Application itself: JavaFX then starts from the class path, as the real launcher does. */
    public static void main(String[] args) {
        Application.launch(WindowBenchSubject.class, args);
    }
}
