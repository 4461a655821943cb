package org.umlmanager.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.umlmanager.mconsole.InstanceNotReachableException;
import org.umlmanager.mconsole.MconsoleAddress;
import org.umlmanager.mconsole.MconsoleClient;
import org.umlmanager.mconsole.MconsoleReply;
import org.umlmanager.mconsole.MconsoleTimeoutException;
import org.umlmanager.service.GuestException;
import org.umlmanager.service.GuestRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mconsole", mixinStandardHelpOptions = true,
        description = {"Send a management console command and print the reply as uml_mconsole does.",
            "Exit status: 0 on OK, 1 on ERR, 2 on a timeout or when the instance does not run.",
            "Example: uml-manager mconsole debian config ubd1=/srv/data.img"})
final class MconsoleCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--socket", paramLabel = "PATH", description = "Talk to this mconsole socket instead of an instance.")
    Path socket;

    @Parameters(paramLabel = "NAME COMMAND", arity = "1..*",
            description = "The instance (unless --socket is given), then the command and its arguments.")
    List<String> words = new ArrayList<>();

    MconsoleCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        List<String> command = socket == null ? words.subList(1, words.size()) : words;
        if (command.isEmpty()) {
            context.err().println("error: no command given; for example 'version' (see 'uml-manager mconsole --help')");
            return ErrorHandler.USER_ERROR;
        }
        String text = String.join(" ", command);
        MconsoleReply reply;
        try {
            reply = socket == null ? viaInstance(words.get(0), text) : viaSocket(text);
        } catch (MconsoleTimeoutException | InstanceNotReachableException | GuestException e) {
            context.err().println("error: " + e.getMessage());
            return ErrorHandler.USER_ERROR;
        }
        context.out().print(reply.formatted());
        return reply.ok() ? 0 : 1;
    }

    private MconsoleReply viaInstance(String name, String text) throws Exception {
        try (GuestRuntime runtime = RuntimeCli.open(context)) {
            return Await.result(runtime.command(name, text));
        }
    }

    private MconsoleReply viaSocket(String text) throws Exception {
        try (MconsoleClient client = new MconsoleClient(MconsoleAddress.ofSocket(socket.toAbsolutePath()))) {
            return client.send(text);
        }
    }
}
