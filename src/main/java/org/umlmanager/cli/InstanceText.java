package org.umlmanager.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Disk;
import org.umlmanager.model.DiskFlag;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.NetworkInterface;

/** Instances as text for people: a table for {@code list}, labelled fields for {@code show}. */
final class InstanceText {

    private static final List<String> COLUMNS = List.of("NAME", "UMID", "MEMORY", "DISKS", "NETWORKS", "KERNEL");

    private InstanceText() {
    }

    static String table(List<Instance> instances) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (Instance i : instances) {
            rows.add(List.of(i.name(), i.umid(), i.memory().map(MemorySize::toKernelString).orElse("default"),
                    Integer.toString(i.disks().size()), Integer.toString(i.networks().size()), i.kernel()));
        }
        int[] widths = new int[COLUMNS.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                line.append(c == widths.length - 1 ? row.get(c) : pad(row.get(c), widths[c] + 2));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /** Every field of {@code i}, then the shell line that starts it. */
    static String details(Instance i, String shellLine) {
        StringBuilder text = new StringBuilder();
        field(text, "Name", i.name());
        field(text, "Umid", i.umid());
        field(text, "Kernel", i.kernel());
        field(text, "Memory", i.memory().map(MemorySize::toKernelString).orElse("kernel default (64M)"));
        field(text, "Root device", i.root().orElse("kernel default (/dev/ubda)"));
        field(text, "Init", i.init().orElse("kernel default"));
        field(text, "uml_dir", i.umlDir().orElse("default"));
        field(text, "CPU pinning", i.cpuPinning().orElse("none"));
        field(text, "hostfs", i.hostfs().map(HostfsShare::describe)
                .orElse("not restricted: the guest can mount any of your files"));
        section(text, "Disks", i.disks().stream().map(InstanceText::disk).toList());
        section(text, "Network", i.networks().stream().map(InstanceText::network).toList());
        i.agent().ifPresent(a -> text.append(pad("Exec agent:", 17)).append(a.name()).append(" (uml-manager exec)\n"));
        section(text, "Consoles", i.consoles().stream().map(InstanceText::console).toList());
        section(text, "Environment", i.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toList());
        section(text, "Extra arguments", i.extraArgs());
        section(text, "Notes", i.notes().isEmpty() ? List.of() : i.notes().lines().toList());
        section(text, "Command line", List.of(shellLine));
        return text.toString();
    }

    private static String disk(Disk d) {
        String files = d.cowFile().map(cow -> cow + " over " + d.image()).orElse(d.image());
        String flags = d.flags().isEmpty() ? ""
                : "  [" + d.flags().stream().map(DiskFlag::description).collect(Collectors.joining(", ")) + "]";
        return pad(d.deviceName(), 6) + files + flags + d.serial().map(s -> "  serial " + s).orElse("");
    }

    private static String network(NetworkInterface n) {
        if (n instanceof NetworkAttachment a) {
            return pad(n.deviceName(), 6) + "network " + a.network() + a.mac().map(m -> ", mac " + m).orElse("")
                    + a.address().map(ip -> ", address " + ip).orElse("");
        }
        return pad(n.deviceName(), 6) + n.transportName();
    }

    private static String console(ConsoleLine line) {
        return pad(line.name(), 6) + spec(line.spec());
    }

    private static String spec(LineSpec spec) {
        if (spec instanceof LineSpec.Single s) {
            return channel(s.channel());
        }
        if (spec instanceof LineSpec.Split s) {
            return "input " + channel(s.input()) + ", output " + channel(s.output());
        }
        return "none (the line does not exist)";
    }

    private static String channel(ConsoleChannel c) {
        if (c instanceof ConsoleChannel.Embedded) {
            return "embedded terminal";
        } else if (c instanceof ConsoleChannel.Fd fd) {
            return "fd:" + fd.fd();
        } else if (c instanceof ConsoleChannel.Port port) {
            return "port:" + port.port();
        } else if (c instanceof ConsoleChannel.Tty tty) {
            return "tty:" + tty.device();
        } else if (c instanceof ConsoleChannel.Null) {
            return "null";
        } else if (c instanceof ConsoleChannel.Pts) {
            return "pts";
        } else if (c instanceof ConsoleChannel.Pty) {
            return "pty";
        } else if (c instanceof ConsoleChannel.Xterm) {
            return "xterm";
        }
        throw new IllegalArgumentException("unknown console channel " + c);
    }

    private static void field(StringBuilder text, String label, String value) {
        text.append(pad(label + ":", 17)).append(value).append('\n');
    }

    private static void section(StringBuilder text, String label, List<String> lines) {
        if (lines.isEmpty()) {
            field(text, label, "none");
            return;
        }
        text.append(label).append(":\n");
        lines.forEach(l -> text.append("  ").append(l).append('\n'));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
