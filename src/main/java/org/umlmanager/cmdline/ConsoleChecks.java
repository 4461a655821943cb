package org.umlmanager.cmdline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Instance;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;

/** The consoles' and serial lines' part of {@link Validator}. */
final class ConsoleChecks {

    private ConsoleChecks() {
    }

    static void check(Instance instance, ValidationContext context, List<Problem> p) {
        List<ConsoleLine> lines = instance.consoles();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            ConsoleLine line = lines.get(i);
            String f = "consoles[" + i + "]";
            String subject = ConsoleArgs.write(line);
            int max = line.kind().count() - 1;
            if (line.index().isPresent() && (line.index().getAsInt() < 0 || line.index().getAsInt() > max)) {
                p.add(Problem.error(f + ".index", subject, line.name() + " does not exist: the kernel has "
                        + line.kind().prefix() + "0 to " + line.kind().prefix() + max + "; use one of them"));
            }
            Integer other = seen.putIfAbsent(line.name(), i);
            if (other != null) {
                p.add(Problem.error(f, subject, line.name() + " is configured twice (also consoles[" + other + "]);"
                        + " the kernel uses only the last; keep one"));
            }
            if (line.spec() instanceof LineSpec.Single s) {
                channel(s.channel(), line, f, subject, context, p);
                if (s.channel() instanceof ConsoleChannel.Embedded && line.index().isEmpty()) {
                    p.add(Problem.error(f, subject, "embedded cannot be the default of every line; set it on single"
                            + " lines such as " + line.kind().prefix() + "0"));
                }
            } else if (line.spec() instanceof LineSpec.Split s) {
                if (s.input() instanceof ConsoleChannel.Embedded || s.output() instanceof ConsoleChannel.Embedded) {
                    p.add(Problem.error(f, subject, "embedded takes both directions of a line; it cannot be one half"
                            + " of an input,output pair. Use it alone"));
                }
                channel(s.input(), line, f + ".input", subject, context, p);
                if (!s.output().equals(s.input())) {
                    channel(s.output(), line, f + ".output", subject, context, p);
                }
            }
        }
        boolean conDefault = lines.stream().anyMatch(l -> l.kind() == LineKind.CON && l.index().isEmpty());
        if (!conDefault) {
            p.add(Problem.warning("consoles", "con=", "without a con= default, Debian's kernel gives consoles 1–15"
                    + " an invalid channel and logs 15 errors at boot; add con=null (or con=none)"));
        }
    }

    private static void channel(ConsoleChannel c, ConsoleLine line, String f, String subject,
                                ValidationContext context, List<Problem> p) {
        c.accept(new ChannelChecks(line, f, subject, context, p));
    }

    /** Each channel's own checks (one direction of a line). */
    private record ChannelChecks(ConsoleLine line, String f, String subject, ValidationContext context,
                                 List<Problem> p) implements ConsoleChannel.Visitor<Void> {
        public Void embedded(ConsoleChannel.Embedded x) {
            return null;
        }

        public Void none(ConsoleChannel.Null x) {
            return null;
        }

        public Void fd(ConsoleChannel.Fd fd) {
            if (fd.fd() < 0) {
                p.add(Problem.error(f, subject, "fd:" + fd.fd() + " is not a file descriptor; use 0 or more"));
            }
            return null;
        }

        public Void port(ConsoleChannel.Port port) {
            if (port.port() < 1 || port.port() > 65535) {
                p.add(Problem.error(f, subject, "port " + port.port() + " is not a TCP port; use 1 to 65535"));
            } else {
                p.add(Problem.warning(f, subject, "port:" + port.port() + " listens on all host interfaces (anyone"
                        + " who can reach the host gets the line), needs a netkit in.telnetd with -L on the host,"
                        + " and blocks " + (line.kind() == LineKind.CON && line.index().orElse(-1) == 0
                        ? "the boot" : "the line") + " until a client connects; prefer pts or embedded"));
            }
            return null;
        }

        public Void pts(ConsoleChannel.Pts x) {
            return null;
        }

        public Void pty(ConsoleChannel.Pty x) {
            p.add(Problem.error(f, subject, "pty needs legacy BSD pseudo terminals, which modern hosts do not have,"
                    + " so the line cannot open; use pts"));
            return null;
        }

        public Void tty(ConsoleChannel.Tty tty) {
            String dev = tty.device();
            if (dev.isEmpty() || dev.contains(",") || dev.chars().anyMatch(Character::isWhitespace)) {
                p.add(Problem.error(f, subject, "tty: needs a device path without ',' or spaces, e.g. tty:/dev/tty8"));
            } else if (context.checkFiles() && !Files.exists(context.baseDir().resolve(Path.of(dev)))) {
                p.add(context.hostProblem(f, subject, dev + " does not exist on the host; give an existing terminal"
                        + " device"));
            }
            return null;
        }

        public Void xterm(ConsoleChannel.Xterm x) {
            p.add(Problem.warning(f, subject, "xterm opens a terminal window per line: it needs $DISPLAY and"
                    + " uml-utilities' port-helper, and fails without them; prefer embedded or pts"));
            return null;
        }
    }
}
