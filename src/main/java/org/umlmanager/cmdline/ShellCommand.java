package org.umlmanager.cmdline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** One UML start command picked out of pasted shell text: environment, taskset, binary, arguments. */
record ShellCommand(Map<String, String> environment, Optional<String> cpuList, Optional<String> kernel,
                    List<String> arguments, List<Problem> problems) {

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);
    private static final Pattern CPU_LIST = Pattern.compile("[0-9]+(-[0-9]+(:[0-9]+)?)?(,[0-9]+(-[0-9]+(:[0-9]+)?)?)*");
    private static final List<String> BARE_SWITCHES = List.of("quiet", "noreboot", "nosysemu", "debug", "rw", "ro",
            "single", "emergency", "ssl-non-raw", "--help", "--version", "--showconfig");

    static ShellCommand of(String text, String home) {
        List<Problem> problems = new ArrayList<>();
        List<List<ShellWords.Token>> commands = commands(ShellWords.tokens(text, home), problems);
        List<ShellWords.Token> cmd = pick(commands, problems);
        Map<String, String> env = new LinkedHashMap<>();
        Optional<String> cpus = Optional.empty();
        int i = 0;
        boolean viaEnv = false;
        while (i < cmd.size() && List.of("exec", "env", "sudo").contains(cmd.get(i).text())) {
            String word = cmd.get(i++).text();
            viaEnv |= word.equals("env");
            if (word.equals("sudo")) {
                i = skipSudoOptions(cmd, i);
                problems.add(Problem.warning("kernel", "sudo", "not imported: UML Manager runs the kernel as you;"
                        + " give it the capabilities it needs instead (setcap cap_net_raw,cap_net_admin+ep)"));
            }
        }
        int firstAssignment = i;
        // env(1) takes any NAME=VALUE; the shell itself only valid names.
        while (i < cmd.size() && (viaEnv ? cmd.get(i).text().indexOf('=') > 0
                : ASSIGNMENT.matcher(cmd.get(i).text()).matches())) {
            i++;
        }
        int afterAssignments = i;
        if (i < cmd.size() && cmd.get(i).text().equals("taskset")) {
            i++;
            Taskset t = taskset(cmd, i, problems);
            cpus = t.cpus;
            i = t.next;
        }
        Optional<String> kernel = Optional.empty();
        if (i < cmd.size() && !looksLikeOption(cmd.get(i).text())) {
            kernel = Optional.of(cmd.get(i).text());
            for (ShellWords.Token t : cmd.subList(firstAssignment, afterAssignments)) {
                String[] kv = t.text().split("=", 2);
                env.put(kv[0], kv[1]);
            }
            i++;
        } else {
            i = firstAssignment;
        }
        List<String> args = new ArrayList<>();
        for (ShellWords.Token t : cmd.subList(i, cmd.size())) {
            args.add(t.text());
        }
        for (ShellWords.Token t : cmd) {
            if (t.unexpanded()) {
                problems.add(Problem.error("commandLine", t.text(), "contains a shell expansion ($… or `…`)"
                        + " that UML Manager does not perform; replace it with its value"));
            }
            if (t.unterminated()) {
                problems.add(Problem.error("commandLine", t.text(), "the quote opened here is never closed;"
                        + " close it"));
            }
        }
        return new ShellCommand(env, cpus, kernel, args, problems);
    }

    private static int skipSudoOptions(List<ShellWords.Token> cmd, int i) {
        while (i < cmd.size() && cmd.get(i).text().startsWith("-")) {
            String opt = cmd.get(i++).text();
            if (List.of("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U").contains(opt)) {
                i++;
            }
        }
        return i;
    }

    /** Splits at {@code ; & && || |} and drops redirections (reported). */
    private static List<List<ShellWords.Token>> commands(List<ShellWords.Token> tokens, List<Problem> problems) {
        List<List<ShellWords.Token>> commands = new ArrayList<>();
        List<ShellWords.Token> current = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            ShellWords.Token t = tokens.get(i);
            if (!t.operator()) {
                current.add(t);
            } else if (t.text().contains("<") || t.text().contains(">")) {
                String target = i + 1 < tokens.size() && !tokens.get(i + 1).operator() ? tokens.get(++i).text() : "";
                problems.add(Problem.warning("commandLine", t.text() + target, "redirection ignored:"
                        + " UML Manager connects the kernel's input and output itself"));
            } else {
                commands.add(current);
                current = new ArrayList<>();
            }
        }
        commands.add(current);
        commands.removeIf(List::isEmpty);
        return commands;
    }

    /** The command that starts UML: the first one with a kernel option, else the first one. */
    private static List<ShellWords.Token> pick(List<List<ShellWords.Token>> commands, List<Problem> problems) {
        if (commands.isEmpty()) {
            return List.of();
        }
        List<ShellWords.Token> chosen = commands.stream()
                .filter(c -> c.stream().anyMatch(t -> isUmlOption(t.text())))
                .findFirst().orElse(commands.get(0));
        for (List<ShellWords.Token> c : commands) {
            if (c != chosen) {
                problems.add(Problem.warning("commandLine", String.join(" ", c.stream().map(ShellWords.Token::text)
                        .toList()), "not imported: only the command that starts UML is read"));
            }
        }
        return chosen;
    }

    private static boolean isUmlOption(String w) {
        return w.startsWith("mem=") || w.startsWith("umid=") || w.startsWith("ubd") || w.startsWith("root=")
                || w.startsWith("con") || w.startsWith("vec") || w.startsWith("eth") || w.startsWith("ssl");
    }

    private static boolean looksLikeOption(String w) {
        return w.contains("=") || w.startsWith("vec") && w.contains(":") || BARE_SWITCHES.contains(w);
    }

    private record Taskset(Optional<String> cpus, int next) {
    }

    private static Taskset taskset(List<ShellWords.Token> cmd, int i, List<Problem> problems) {
        boolean list = false;
        while (i < cmd.size() && cmd.get(i).text().startsWith("-")) {
            String opt = cmd.get(i).text();
            if (opt.equals("-c") || opt.equals("--cpu-list")) {
                list = true;
            } else if (!opt.equals("-a") && !opt.equals("--all-tasks")) {
                problems.add(Problem.warning("cpuPinning", "taskset " + opt, "taskset option ignored;"
                        + " only a CPU list (-c LIST) or a mask is imported"));
            }
            i++;
        }
        if (i >= cmd.size()) {
            return new Taskset(Optional.empty(), i);
        }
        String value = cmd.get(i).text();
        if (list) {
            if (!CPU_LIST.matcher(value).matches()) {
                problems.add(Problem.error("cpuPinning", "taskset -c " + value, "not a CPU list; write for example"
                        + " taskset -c 0-3 or taskset -c 0,2"));
            }
            return new Taskset(Optional.of(value), i + 1);
        }
        OptionalLong mask = KernelNumbers.base0(value.startsWith("0x") || value.startsWith("0X")
                ? value : "0x" + value);
        if (mask.isEmpty() || mask.getAsLong() == 0) {
            problems.add(Problem.error("cpuPinning", "taskset " + value, "not a CPU mask; write for example"
                    + " taskset 0x3 or taskset -c 0,1"));
            return new Taskset(Optional.empty(), i + 1);
        }
        return new Taskset(Optional.of(maskToList(mask.getAsLong())), i + 1);
    }

    /** {@code 0x3b} → {@code 0-1,3-5}. */
    static String maskToList(long mask) {
        List<String> ranges = new ArrayList<>();
        int cpu = 0;
        while (cpu < 64) {
            if ((mask >>> cpu & 1) == 0) {
                cpu++;
                continue;
            }
            int start = cpu;
            while (cpu < 64 && (mask >>> cpu & 1) == 1) {
                cpu++;
            }
            ranges.add(cpu - 1 == start ? Integer.toString(start) : start + "-" + (cpu - 1));
        }
        return String.join(",", ranges);
    }
}
