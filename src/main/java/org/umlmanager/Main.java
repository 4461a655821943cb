package org.umlmanager;

import org.umlmanager.cli.Cli;

/**
 * Entry point of the {@code uml-manager} launcher. With no arguments it opens the desktop
 * application; with arguments it runs the command line interface. Deliberately not a JavaFX
 * {@code Application}: JavaFX then runs from the class path, which jeditermfx needs.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.umlmanager.ui.DesktopApp.launchApp(args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
