package org.umlmanager.ui.main;

import java.util.Locale;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.NetworkInterface;

/** A short human-readable account of an instance's configuration. */
final class InstanceSummary {

    private InstanceSummary() {
    }

    static String describe(Instance i) {
        StringBuilder s = new StringBuilder();
        line(s, "Name", i.name());
        line(s, "umid", i.umid());
        line(s, "Kernel", i.kernel());
        line(s, "Memory", i.memory().map(InstanceRow::memoryText).orElse("kernel default"));
        i.root().ifPresent(r -> line(s, "Root", r));
        i.init().ifPresent(r -> line(s, "Init", r));
        for (Disk d : i.disks()) {
            line(s, d.deviceName(), d.cowFile().map(c -> c + " over " + d.image()).orElse(d.image())
                    + (d.flags().isEmpty() ? "" : " " + d.flags()));
        }
        for (NetworkInterface n : i.networks()) {
            line(s, n.deviceName(), n.transportName());
        }
        for (ConsoleLine c : i.consoles()) {
            line(s, c.name(), spec(c.spec()));
        }
        line(s, "hostfs", i.hostfs().map(HostfsShare::describe).orElse("not restricted: the guest can mount any"
                + " of your files"));
        i.umlDir().ifPresent(d -> line(s, "uml_dir", d));
        if (!i.extraArgs().isEmpty()) {
            line(s, "Other arguments", String.join(" ", i.extraArgs()));
        }
        if (!i.environment().isEmpty()) {
            line(s, "Environment", i.environment().toString());
        }
        i.cpuPinning().ifPresent(c -> line(s, "CPUs", c));
        return s.toString().stripTrailing();
    }

    private static String spec(LineSpec spec) {
        if (spec instanceof LineSpec.Single single) {
            return channel(single.channel());
        } else if (spec instanceof LineSpec.Split split) {
            return "in " + channel(split.input()) + ", out " + channel(split.output());
        }
        return "disabled";
    }

    private static String channel(Object channel) {
        String text = channel.toString();
        return text.replace("[]", "").toLowerCase(Locale.ROOT);
    }

    private static void line(StringBuilder s, String key, String value) {
        s.append(String.format("%-16s %s%n", key, value));
    }
}
