package org.umlmanager;

import org.umlmanager.cli.Cli;

/**
 * Entry point of the {@code uml-manager} launcher. With no arguments it opens the desktop
 * application; with arguments it runs the command line interface. Deliberately not a JavaFX
 * {@code Application}: JavaFX then runs from the class path, which jeditermfx needs.
 */
public final class Main {

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.umlmanager.ui.StartupTrace.mark("main");
            org.umlmanager.ui.DesktopApp.launchApp(args);
            return;
        }
        // The CLI says everything it has to say in its own messages; log lines would only clutter
        // stderr for scripts. (-Dorg.slf4j.simpleLogger.defaultLogLevel=debug brings them back.)
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "off");
        }
        System.exit(Cli.run(args));
    }
}
