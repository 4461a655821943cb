package org.umlmanager.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.cmdline.LaunchCommand;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Instance;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;

/** Turns an instance into the {@link LaunchSpec} the supervisor runs. Pure; thread-safe. */
public final class LaunchPlanner {

    private LaunchPlanner() {
    }

    public static LaunchSpec plan(Instance instance, RuntimeLayout layout) {
        SessionPaths session = SessionPaths.of(layout.sessionsDir(), instance.name());
        Path umlDir = umlDir(instance, layout);
        LaunchCommand command = CommandLineGenerator.launchCommand(instance,
                new GenerateOptions(Optional.of(layout.defaultUmlDir()), Optional.of(session.notifySocket())));
        Optional<ConsoleLine> first = CommandLineGenerator.firstEmbedded(instance.consoles());
        List<String> pts = instance.consoles().stream()
                .filter(l -> l.index().isPresent() && l.spec().embedded() && !first.map(f -> f == l).orElse(false))
                .map(ConsoleLine::name)
                .toList();
        Optional<String> ptyLine = first.map(ConsoleLine::name).or(() -> onOwnStdio(instance))
                .or(() -> kernelDefaultCon0(instance));
        return new LaunchSpec(instance.name(), instance.umid(), umlDir, command.argv(), command.environment(),
                layout.workingDirectory(), ptyLine, pts, layout.logsDir().resolve(instance.name()), session);
    }

    /** The uml_dir the kernel will use for {@code instance}. */
    public static Path umlDir(Instance instance, RuntimeLayout layout) {
        return instance.umlDir().map(d -> layout.workingDirectory().resolve(d)).orElse(layout.defaultUmlDir())
                .toAbsolutePath().normalize();
    }

    /** A line written as {@code fd:0,fd:1} (an imported command line) is on the pty as well. */
    private static Optional<String> onOwnStdio(Instance instance) {
        return instance.consoles().stream()
                .filter(l -> l.index().isPresent() && l.spec() instanceof LineSpec.Split split
                        && split.input() instanceof ConsoleChannel.Fd in && in.fd() == 0
                        && split.output() instanceof ConsoleChannel.Fd out && out.fd() == 1)
                .map(ConsoleLine::name)
                .findFirst();
    }

    /** Without any {@code con0=} or {@code con=}, the kernel itself puts con0 on stdin/stdout: our pty. */
    private static Optional<String> kernelDefaultCon0(Instance instance) {
        boolean configured = instance.consoles().stream().anyMatch(l -> l.kind() == LineKind.CON
                && (l.index().isEmpty() || l.index().getAsInt() == 0));
        return configured ? Optional.empty() : Optional.of("con0");
    }
}
