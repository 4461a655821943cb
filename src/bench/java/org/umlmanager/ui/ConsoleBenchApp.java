package org.umlmanager.ui;

import javafx.application.Application;

/**
 * The benchmark's subject, run in its own JVM with the launcher's options on a real display:
 * {@code throughput FILE} streams FILE through one console tab of 120x40 cells and prints the time
 * until the terminal has consumed it all; {@code rss N FILE} opens N console tabs, streams FILE
 * through each and prints the process's resident memory afterwards.
 */
public final class ConsoleBenchApp {

    private ConsoleBenchApp() {
    }

    /** Not an Application itself: JavaFX then starts from the class path, as the real launcher does. */
    public static void main(String[] args) {
        Application.launch(ConsoleBenchSubject.class, args);
    }
}
