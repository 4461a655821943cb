package org.umlmanager.cli;

import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.cmdline.LaunchCommand;
import org.umlmanager.model.Instance;

/**
 * The command the CLI shows for an instance: what a person would type, so without the launcher's
 * own additions (notify socket, default uml_dir) that only make sense inside UML Manager.
 */
final class Launch {

    private Launch() {
    }

    static LaunchCommand command(Instance instance) {
        return CommandLineGenerator.launchCommand(instance, GenerateOptions.none());
    }

    static String shellLine(Instance instance) {
        return command(instance).toShellLine();
    }
}
