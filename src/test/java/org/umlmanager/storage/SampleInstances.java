package org.umlmanager.storage;

import java.util.LinkedHashMap;
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
import org.umlmanager.model.InterfaceAddress;
import org.umlmanager.model.LegacyInterface;
import org.umlmanager.model.LegacyTransport;
import org.umlmanager.model.LineKind;
import org.umlmanager.model.LineSpec;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.NetworkAttachment;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.model.VectorOptions;
import org.umlmanager.model.VectorTransport;

/** Instances for store and CLI tests; {@link #full} uses every variant of every sealed type. */
public final class SampleInstances {

    private SampleInstances() {
    }

    public static Instance full(String name) {
        VectorOptions allOptions = new VectorOptions(OptionalInt.of(128), Optional.of("02:00:00:00:00:01"),
                Optional.of(true), OptionalInt.of(9000), OptionalInt.of(64), Optional.of(false),
                Optional.of("/etc/uml/filter.bpf"), Optional.of(true), Optional.of("/etc/uml/ifup"),
                Map.of("future", "1"));
        VectorOptions extraInOrder = new VectorOptions(OptionalInt.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), orderedMap("zeta", "1", "alpha", "", "mid", "x=y"));
        return Instance.builder(name)
                .umid(name + "-umid")
                .kernel("/usr/bin/linux")
                .memory(MemorySize.ofMebibytes(256))
                .root("/dev/ubdb1")
                .init("/sbin/init --verbose")
                .disk(Disk.of(0, "/var/lib/uml/root.img"))
                .disk(new Disk(1, "/var/lib/uml/base.img", Optional.of("/var/lib/uml/cow.img"),
                        Set.of(DiskFlag.READ_ONLY, DiskFlag.SYNC, DiskFlag.SHARED, DiskFlag.DATA, DiskFlag.NO_TRIM),
                        Optional.of("SERIAL-1")))
                .network(new VectorInterface(0, new VectorTransport.Tap(Optional.of("tap0")), allOptions))
                .network(new VectorInterface(1, new VectorTransport.Hybrid(Optional.of("tap1")), extraInOrder))
                .network(new VectorInterface(2, new VectorTransport.Raw(Optional.empty()), VectorOptions.NONE))
                .network(new VectorInterface(3, new VectorTransport.Gre(Optional.of("192.0.2.1"),
                        Optional.of("192.0.2.2"), Optional.of(false), OptionalLong.of(0xffffffffL), OptionalLong.of(7),
                        Optional.of(true), Optional.of(false)), VectorOptions.NONE))
                .network(new VectorInterface(4, new VectorTransport.L2tpv3(Optional.of("::1"), Optional.of("::2"),
                        OptionalInt.of(1701), OptionalInt.of(1702), Optional.of(true), Optional.of(true),
                        OptionalLong.of(0x7fffffffL), OptionalLong.of(1), OptionalLong.of(0xdeadbeefcafeL),
                        OptionalLong.of(2), Optional.of(true), Optional.of(false), Optional.of(true)),
                        VectorOptions.NONE))
                .network(new VectorInterface(5, new VectorTransport.Bess(Optional.of("/tmp/bess-src"),
                        Optional.of("/tmp/bess-dst")), VectorOptions.NONE))
                .network(new VectorInterface(6, new VectorTransport.Fd(OptionalInt.of(3)), VectorOptions.NONE))
                .network(new VectorInterface(7, new VectorTransport.Fd(OptionalInt.empty()), VectorOptions.NONE))
                .network(new LegacyInterface(0, new LegacyTransport.Tuntap(Optional.of("tap9"),
                        Optional.of("fe:fd:00:00:00:01"), Optional.of("192.168.0.254"))))
                .network(new LegacyInterface(1, new LegacyTransport.Ethertap(Optional.of("tap10"), Optional.empty(),
                        Optional.of("10.0.0.1"))))
                .network(new LegacyInterface(2, new LegacyTransport.Daemon(Optional.empty(), Optional.of("unix"),
                        Optional.of("/tmp/uml.ctl"))))
                .network(new LegacyInterface(3, new LegacyTransport.Mcast(Optional.empty(),
                        Optional.of("239.192.168.1"), OptionalInt.of(1102), OptionalInt.of(1))))
                .network(new LegacyInterface(4, new LegacyTransport.Ucast(Optional.empty(), Optional.of("10.0.0.9"),
                        OptionalInt.of(5000), OptionalInt.of(5001))))
                .network(new LegacyInterface(5, new LegacyTransport.Vde(Optional.of("/tmp/vde.ctl"), Optional.empty(),
                        OptionalInt.of(4), Optional.of("vde"), Optional.of("0770"), Optional.of("lab switch"))))
                .network(new LegacyInterface(6, new LegacyTransport.Slirp(Optional.empty(),
                        List.of("/usr/bin/slirp-fullbolt", "-P", "a b"))))
                .network(new LegacyInterface(7, new LegacyTransport.Slip(Optional.of("192.168.0.1"))))
                .network(new LegacyInterface(8, new LegacyTransport.Pcap(Optional.of("eth0"),
                        Optional.of("port 80"), List.of("promisc", "optimize"), Optional.empty())))
                .console(ConsoleLine.allOf(LineKind.CON, LineSpec.of(ConsoleChannel.NULL)))
                .console(ConsoleLine.con(0, LineSpec.of(ConsoleChannel.EMBEDDED)))
                .console(ConsoleLine.con(1, LineSpec.of(ConsoleChannel.PTS)))
                .console(ConsoleLine.con(2, LineSpec.of(new ConsoleChannel.Port(9000))))
                .console(ConsoleLine.con(3, LineSpec.of(new ConsoleChannel.Tty("/dev/tty8"))))
                .console(ConsoleLine.con(4, LineSpec.of(ConsoleChannel.XTERM)))
                .console(ConsoleLine.con(5, LineSpec.of(new ConsoleChannel.Pty())))
                .console(ConsoleLine.con(6, new LineSpec.Split(new ConsoleChannel.Fd(0), new ConsoleChannel.Fd(1))))
                .console(ConsoleLine.con(7, LineSpec.DISABLED))
                .console(ConsoleLine.allOf(LineKind.SSL, LineSpec.of(ConsoleChannel.PTS)))
                .console(ConsoleLine.ssl(63, new LineSpec.Split(ConsoleChannel.NULL, ConsoleChannel.XTERM)))
                .hostfs(new HostfsShare("/srv/share", true))
                .umlDir("/tmp/uml")
                .extraArgs(List.of("quiet", "systemd.unit=rescue.target", "weird arg with spaces"))
                .environment(orderedMap("TMPDIR", "/mnt/numa0", "A_VAR", "1", "LANG", "C.UTF-8"))
                .cpuPinning("0-1,3")
                .notes("Lab router.\nSecond line with ünïcode.")
                .build();
    }

    /**
     * {@link #full} with what schema version 2 added: interfaces that name networks (both
     * families, with and without MAC and address), the vector vde transport, the exec agent.
     */
    public static Instance fullV2(String name) {
        Instance v1 = full(name);
        return v1.toBuilder()
                .network(new NetworkAttachment(NetworkAttachment.Family.ETH, 9, "default",
                        Optional.of("52:54:00:12:34:56"), Optional.empty()))
                .network(new NetworkAttachment(NetworkAttachment.Family.ETH, 10, "lan", Optional.empty(),
                        InterfaceAddress.parse("192.168.50.7/24")))
                .network(new NetworkAttachment(NetworkAttachment.Family.VEC, 9, "tap-net", Optional.empty(),
                        Optional.empty()))
                .network(new VectorInterface(10, new VectorTransport.Vde(Optional.of("vde:///run/sw")),
                        VectorOptions.NONE))
                .agent(AgentLine.DEFAULT)
                .build();
    }

    /** Only the mandatory fields. */
    public static Instance minimal(String name) {
        return Instance.builder(name).build();
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
