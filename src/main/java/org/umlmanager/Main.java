package org.umlmanager;

import java.util.logging.Logger;
import org.umlmanager.cli.Cli;

/**
 * Entry point of the {@code uml-manager} launcher. With no arguments it opens the desktop
 * application; with arguments it runs the command line interface. Deliberately not a JavaFX
 * {@code Application}: JavaFX then runs from the class path, which jeditermfx needs.
 */
public final class Main {

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    /** Held so that the filter below stays on the logger JavaFX will look up. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.umlmanager.ui.StartupTrace.mark("main");
            // JavaFX warns on every start that it runs from the class path; that is our choice (see
            // the comment above), so this one warning is dropped and every other one still shows.
            JAVAFX_LOG.setFilter(r -> r.getMessage() == null
                    || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
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
