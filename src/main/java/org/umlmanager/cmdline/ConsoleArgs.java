package org.umlmanager.cmdline;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;

/** {@code con[N]=spec} and {@code ssl[N]=spec} in both directions (docs/KERNEL.md §3.5). */
final class ConsoleArgs {

    private ConsoleArgs() {
    }

    /** A channel string that did not read cleanly: how the kernel takes it and the fix. */
    private record BadChannel(boolean kernelRefuses, String message) {
    }

    /** Reads {@code arg}, which starts with the kind's prefix, the way {@code line_setup} does. */
    static ArgReading read(LineKind kind, String arg) {
        String rest = arg.substring(kind.prefix().length());
        OptionalInt index;
        String spec;
        if (rest.startsWith("=")) {
            index = OptionalInt.empty();
            spec = rest.substring(1);
        } else {
            KernelNumbers.Prefix p = KernelNumbers.prefix(rest);
            if (p == null) {
                // Not a line at all (Marionnet's console_no=1): the kernel logs it and boots on.
                return ArgReading.Verbatim.warning("the kernel's " + describe(kind) + " driver takes every option"
                        + " starting with '" + kind.prefix() + "' and cannot read a line number here, so it"
                        + " never reaches the guest's init (the kernel logs it and boots on). Write "
                        + kind.prefix() + "N=CHANNEL (N from 0 to " + (kind.count() - 1) + ") for a line, or rename"
                        + " it so that it does not start with '" + kind.prefix() + "'");
            }
            if (p.end() >= rest.length() || rest.charAt(p.end()) != '=') {
                return ArgReading.Verbatim.error("expected '=' after " + kind.prefix() + rest.substring(0, p.end())
                        + ", so the kernel refuses the line; write " + kind.prefix() + rest.substring(0, p.end())
                        + "=CHANNEL");
            }
            if (p.value() > Integer.MAX_VALUE) {
                return ArgReading.Verbatim.error("line number " + rest.substring(0, p.end()) + " is out of range;"
                        + " use 0 to " + (kind.count() - 1));
            }
            index = OptionalInt.of((int) p.value());
            spec = rest.substring(p.end() + 1);
        }
        String name = kind.prefix() + (index.isPresent() ? Integer.toString(index.getAsInt()) : "");
        if (spec.equals("none")) {
            return new ArgReading.LineArg(new ConsoleLine(kind, index, LineSpec.DISABLED));
        }
        int comma = spec.indexOf(',');
        if (comma >= 0 && spec.indexOf(',', comma + 1) >= 0) {
            return ArgReading.Verbatim.error("a line takes one channel or an input,output pair, and the kernel"
                    + " cannot read '" + spec.substring(comma + 1) + "' as the output; keep two channels at most");
        }
        Object in = channel(spec.substring(0, comma < 0 ? spec.length() : comma), name, spec);
        Object out = comma < 0 ? in : channel(spec.substring(comma + 1), name, spec);
        for (Object o : new Object[] {in, out}) {
            if (o instanceof BadChannel bad) {
                return bad.kernelRefuses() ? ArgReading.Verbatim.error(bad.message())
                        : ArgReading.Verbatim.warning(bad.message());
            }
        }
        LineSpec lineSpec = comma < 0 ? new LineSpec.Single((ConsoleChannel) in)
                : new LineSpec.Split((ConsoleChannel) in, (ConsoleChannel) out);
        return new ArgReading.LineArg(new ConsoleLine(kind, index, lineSpec));
    }

    private static String describe(LineKind kind) {
        return kind == LineKind.CON ? "console" : "serial line";
    }

    /** One direction: a {@link ConsoleChannel}, or a {@link BadChannel}. */
    private static Object channel(String text, String name, String spec) {
        if (text.startsWith("fd")) {
            return number(text, "fd", name).map(n -> (Object) new ConsoleChannel.Fd(n))
                    .orElseGet(() -> new BadChannel(true, "'" + text + "' needs a file descriptor number;"
                            + " write fd:N, for example " + name + "=fd:0,fd:1"));
        }
        if (text.startsWith("port")) {
            return number(text, "port", name).map(n -> (Object) new ConsoleChannel.Port(n))
                    .orElseGet(() -> new BadChannel(true, "'" + text + "' needs a TCP port number;"
                            + " write port:P, for example " + name + "=port:9000"));
        }
        if (text.startsWith("tty")) {
            if (text.length() > 4 && text.charAt(3) == ':') {
                return new ConsoleChannel.Tty(text.substring(4));
            }
            return new BadChannel(true, "'" + text + "' needs a host device; write " + name + "=tty:/dev/ttyN");
        }
        for (String key : new String[] {"null", "pty", "pts", "xterm"}) {
            if (text.startsWith(key)) {
                if (text.length() > key.length()) {
                    return new BadChannel(false, "the kernel ignores '" + text.substring(key.length())
                            + "' after '" + key + "' and reads " + key + "; write " + name + "=" + key);
                }
                return switch (key) {
                    case "null" -> ConsoleChannel.NULL;
                    case "pty" -> new ConsoleChannel.Pty();
                    case "pts" -> ConsoleChannel.PTS;
                    case "xterm" -> ConsoleChannel.XTERM;
                    default -> throw new IllegalStateException("no channel for " + key);
                };
            }
        }
        if (text.startsWith("/dev/")) {
            return new BadChannel(true, "6.1 has no file channel, so the kernel refuses '" + text + "'; write "
                    + name + "=" + spec.replace(text, "tty:" + text));
        }
        return new BadChannel(true, "'" + text + "' is not a channel, so the kernel leaves " + name
                + " unusable; use null, fd:N, port:P, pts, tty:DEVICE, xterm or none");
    }

    private static Optional<Integer> number(String text, String key, String name) {
        if (text.length() <= key.length() + 1 || text.charAt(key.length()) != ':') {
            return Optional.empty();
        }
        OptionalLong v = KernelNumbers.base0(text.substring(key.length() + 1));
        return v.isPresent() && v.getAsLong() <= Integer.MAX_VALUE
                ? Optional.of((int) v.getAsLong()) : Optional.empty();
    }

    /** The option for {@code line}, with embedded channels already replaced by the caller. */
    static String write(ConsoleLine line) {
        return line.name() + "=" + spec(line.spec());
    }

    static String spec(LineSpec spec) {
        return spec.accept(new LineSpec.Visitor<>() {
            public String disabled(LineSpec.Disabled d) {
                return "none";
            }

            public String single(LineSpec.Single single) {
                return channel(single.channel());
            }

            public String split(LineSpec.Split split) {
                return channel(split.input()) + "," + channel(split.output());
            }
        });
    }

    /** Embedded channels are written as {@code pts}; the generator decides which one gets the launcher's pty. */
    static String channel(ConsoleChannel c) {
        return c.accept(CHANNEL);
    }

    private static final ConsoleChannel.Visitor<String> CHANNEL = new ConsoleChannel.Visitor<>() {
        public String embedded(ConsoleChannel.Embedded x) {
            return "pts";
        }

        public String none(ConsoleChannel.Null x) {
            return "null";
        }

        public String fd(ConsoleChannel.Fd x) {
            return "fd:" + x.fd();
        }

        public String port(ConsoleChannel.Port x) {
            return "port:" + x.port();
        }

        public String pts(ConsoleChannel.Pts x) {
            return "pts";
        }

        public String pty(ConsoleChannel.Pty x) {
            return "pty";
        }

        public String tty(ConsoleChannel.Tty x) {
            return "tty:" + x.device();
        }

        public String xterm(ConsoleChannel.Xterm x) {
            return "xterm";
        }
    };
}
