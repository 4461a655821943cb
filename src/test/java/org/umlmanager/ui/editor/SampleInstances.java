package org.umlmanager.ui.editor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.umlmanager.model.AgentLine;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.Disk;
import org.umlmanager.model.DiskFlag;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.model.LegacyInterface;
import org.umlmanager.model.LegacyTransport;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.model.VectorOptions;
import org.umlmanager.model.VectorTransport;

/** Instances that use every part of the editor. */
final class SampleInstances {

    private SampleInstances() {
    }

    static Instance everything() {
        var options = new VectorOptions(OptionalInt.of(32), Optional.of("02:00:00:00:00:01"), Optional.of(false),
                OptionalInt.of(9000), OptionalInt.empty(), Optional.of(true), Optional.empty(), Optional.empty(),
                Optional.of("/etc/uml/ifup"), Map.of("future", "1"));
        return Instance.builder("web1").umid("web-1").kernel("/usr/bin/linux")
                .memory(MemorySize.ofMebibytes(256)).root("/dev/ubda1").init("/sbin/init")
                .disk(new Disk(1, "/srv/base.img", Optional.of("/srv/web1.cow"), Set.of(DiskFlag.SYNC),
                        Optional.of("WEB1")))
                .disk(new Disk(0, "/srv/root.img", Optional.empty(), Set.of(DiskFlag.READ_ONLY, DiskFlag.NO_TRIM),
                        Optional.empty()))
                .network(new VectorInterface(0, new VectorTransport.Tap(Optional.of("tap0")), options))
                .network(new VectorInterface(1, new VectorTransport.L2tpv3(Optional.of("10.0.0.1"),
                        Optional.of("10.0.0.2"), OptionalInt.of(1701), OptionalInt.of(1702), Optional.empty(),
                        Optional.of(true), OptionalLong.of(0x7fffffffL), OptionalLong.of(2), OptionalLong.empty(),
                        OptionalLong.empty(), Optional.empty(), Optional.of(false), Optional.empty()),
                        VectorOptions.NONE))
                .network(new LegacyInterface(0, new LegacyTransport.Mcast(Optional.empty(), Optional.of("239.1.1.1"),
                        OptionalInt.of(1102), OptionalInt.of(1))))
                .network(new LegacyInterface(1, new LegacyTransport.Slirp(Optional.of("02:11:22:33:44:55"),
                        List.of("slirp", "-P", "8080"))))
                .console(ConsoleLine.allOf(LineKind.CON, LineSpec.of(ConsoleChannel.NULL)))
                .console(ConsoleLine.con(0, LineSpec.of(ConsoleChannel.EMBEDDED)))
                .console(ConsoleLine.con(1, new LineSpec.Split(new ConsoleChannel.Fd(0),
                        new ConsoleChannel.Tty("/dev/tty8"))))
                .console(ConsoleLine.ssl(0, LineSpec.of(new ConsoleChannel.Port(9000))))
                .console(ConsoleLine.ssl(1, LineSpec.DISABLED))
                .console(ConsoleLine.ssl(AgentLine.DEFAULT.index(), LineSpec.of(ConsoleChannel.EMBEDDED)))
                .agent(AgentLine.DEFAULT)
                .hostfs(new HostfsShare("/srv/share", true))
                .umlDir("/tmp/uml")
                .extraArgs(List.of("quiet", "T=with space"))
                .env("TMPDIR", "/var/tmp").env("EMPTY", "")
                .cpuPinning("0-1")
                .notes("the web server\nsecond line")
                .build();
    }
}
