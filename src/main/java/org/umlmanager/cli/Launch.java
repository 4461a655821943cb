package org.umlmanager.cli;

import java.util.List;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.cmdline.LaunchCommand;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Network;
import org.umlmanager.network.Attachments;

/**
 * The command the CLI shows for an instance: what a person would type, so without the launcher's
 * own additions (notify socket, default uml_dir) that only make sense inside UML Manager. An
 * interface on a saved network is written as the network resolves it now (its socket directory).
 */
final class Launch {

    private Launch() {
    }

    static LaunchCommand command(CliContext context, Instance instance) throws Exception {
        GenerateOptions options = GenerateOptions.none();
        if (!instance.attachments().isEmpty()) {
            List<Network> networks = Await.result(context.networks().definitions()).networks();
            options = options.withAttachments(Attachments.resolver(name -> networks.stream()
                    .filter(n -> n.name().equals(name)).findFirst(), context.networks().paths(), instance.name()));
        }
        return CommandLineGenerator.launchCommand(instance, options);
    }

    static String shellLine(CliContext context, Instance instance) throws Exception {
        return command(context, instance).toShellLine();
    }
}
