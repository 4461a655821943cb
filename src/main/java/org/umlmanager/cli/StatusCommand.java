package org.umlmanager.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.umlmanager.launch.LineInfo;
import org.umlmanager.service.GuestException;
import org.umlmanager.service.GuestStatus;
import org.umlmanager.service.GuestRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show whether instances run: every instance, or one in detail.",
            "Also lists guests started outside UML Manager that run in the default uml_dir."})
final class StatusCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "One instance (default: all).")
    String name;

    @Option(names = "--json", description = "Print JSON for scripts.")
    boolean json;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        try (GuestRuntime runtime = RuntimeCli.open(context)) {
            if (name != null) {
                GuestStatus s;
                try {
                    s = Await.result(runtime.status(name));
                } catch (GuestException e) {
                    context.err().println("error: " + e.getMessage());
                    return ErrorHandler.USER_ERROR;
                }
                context.out().print(json ? StatusJson.of(s) + "\n" : details(s));
            } else {
                List<GuestStatus> all = Await.result(runtime.list());
                context.out().print(json ? StatusJson.of(all) + "\n" : table(all));
            }
            return 0;
        }
    }

    private static String state(GuestStatus s) {
        return s.state().name().toLowerCase(Locale.ROOT);
    }

    private static String table(List<GuestStatus> all) {
        if (all.isEmpty()) {
            return "No instances and no running guests.\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "STATE", "PID", "DETAILS"});
        for (GuestStatus s : all) {
            String details = s.origin() == GuestStatus.Origin.EXTERNAL ? "external: " + s.reason() : s.reason();
            rows.add(new String[] {s.name(), state(s), s.pid().isPresent() ? Long.toString(s.pid().getAsLong()) : "-",
                details});
        }
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int c = 0; c < 3; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < 3; c++) {
                line.append(row[c]).append(" ".repeat(widths[c] - row[c].length() + 2));
            }
            text.append((line + row[3]).stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static String details(GuestStatus s) {
        StringBuilder text = new StringBuilder();
        text.append(s.name()).append(": ").append(state(s));
        if (!s.reason().isEmpty()) {
            text.append(" (").append(s.reason()).append(')');
        }
        text.append('\n');
        s.pid().ifPresent(pid -> text.append("  pid:      ").append(pid).append('\n'));
        text.append("  umid:     ").append(s.umid()).append('\n');
        s.mconsoleSocket().ifPresent(m -> text.append("  mconsole: ").append(m).append('\n'));
        s.exitStatus().ifPresent(e -> text.append("  exit:     ").append(e).append('\n'));
        for (LineInfo line : s.lines()) {
            text.append("  ").append(line.name()).append(":").append(" ".repeat(Math.max(1, 9 - line.name().length())))
                    .append(StartCommand.describe(line, s.state().active())).append('\n');
        }
        return text.toString();
    }
}
