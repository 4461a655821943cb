package org.umlmanager.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.CommandLineParser;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.network.Attachments;
import org.umlmanager.network.NetworkPaths;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.ui.editor.InstanceEditorViewModel;

/**
 * Every permitted subtype of the sealed configuration types — network interfaces, vector and
 * legacy transports, console channels, line specs — walked from {@code getPermittedSubclasses()},
 * each with every field set, through the three places that turn a configuration into something
 * else and back: the command line (generate, then parse), the instance file (save, then load) and
 * the editor's view model (open, then read back). A subtype added to the model without a sample
 * here fails the first test; one that any of the three drops or changes fails the round trips. An
 * interface on a saved network is written as its network resolves it, so on the command line it
 * comes back as that kernel-syntax interface.
 */
class SealedTypesRoundTripTest {

    private static final String MAC = "02:4e:00:00:00:07";
    private static final Executor DIRECT = Runnable::run;

    /** One sample per subtype, with every Optional present and every list non-empty. */
    private static final Map<Class<?>, Object> SAMPLES = Map.ofEntries(
            Map.entry(VectorTransport.Tap.class, new VectorTransport.Tap(Optional.of("tap0"))),
            Map.entry(VectorTransport.Hybrid.class, new VectorTransport.Hybrid(Optional.of("tap1"))),
            Map.entry(VectorTransport.Raw.class, new VectorTransport.Raw(Optional.of("veth0"))),
            Map.entry(VectorTransport.Gre.class, new VectorTransport.Gre(Optional.of("192.0.2.1"),
                    Optional.of("192.0.2.2"), Optional.of(false), OptionalLong.of(0x10), OptionalLong.of(0x20),
                    Optional.of(true), Optional.of(true))),
            Map.entry(VectorTransport.L2tpv3.class, new VectorTransport.L2tpv3(Optional.of("192.0.2.1"),
                    Optional.of("192.0.2.2"), OptionalInt.of(1706), OptionalInt.of(1707), Optional.of(false),
                    Optional.of(true), OptionalLong.of(0x10), OptionalLong.of(0x20), OptionalLong.of(0x30),
                    OptionalLong.of(0x40), Optional.of(true), Optional.of(true), Optional.of(true))),
            Map.entry(VectorTransport.Bess.class, new VectorTransport.Bess(Optional.of("/run/bess/in.sock"),
                    Optional.of("/run/bess/port0"))),
            Map.entry(VectorTransport.Fd.class, new VectorTransport.Fd(OptionalInt.of(3))),
            Map.entry(VectorTransport.Vde.class, new VectorTransport.Vde(Optional.of("vde:///run/vde/switch"))),
            Map.entry(VectorInterface.class, new VectorInterface(3, new VectorTransport.Tap(Optional.of("tap3")),
                    new VectorOptions(OptionalInt.of(128), Optional.of(MAC), Optional.of(true), OptionalInt.of(1400),
                            OptionalInt.of(64), Optional.of(false), Optional.of("/etc/uml/filter.bpf"),
                            Optional.of(false), Optional.of("/etc/uml/ifup"), Map.of("future_key", "1")))),
            Map.entry(LegacyInterface.class, new LegacyInterface(2, new LegacyTransport.Daemon(Optional.of(MAC),
                    Optional.of("unix"), Optional.of("/run/uml-utilities/uml_switch.ctl")))),
            Map.entry(NetworkAttachment.class, new NetworkAttachment(NetworkAttachment.Family.ETH, 1, "lab",
                    Optional.of(MAC), InterfaceAddress.parse("192.168.50.2/24"))),
            Map.entry(LegacyTransport.Tuntap.class, new LegacyTransport.Tuntap(Optional.of("tap0"), Optional.of(MAC),
                    Optional.of("192.0.2.1"))),
            Map.entry(LegacyTransport.Ethertap.class, new LegacyTransport.Ethertap(Optional.of("tap1"),
                    Optional.of(MAC), Optional.of("192.0.2.1"))),
            Map.entry(LegacyTransport.Daemon.class, new LegacyTransport.Daemon(Optional.of(MAC), Optional.of("unix"),
                    Optional.of("/run/uml-utilities/uml_switch.ctl"))),
            Map.entry(LegacyTransport.Mcast.class, new LegacyTransport.Mcast(Optional.of(MAC),
                    Optional.of("239.192.168.1"), OptionalInt.of(1102), OptionalInt.of(1))),
            Map.entry(LegacyTransport.Ucast.class, new LegacyTransport.Ucast(Optional.of(MAC),
                    Optional.of("192.0.2.9"), OptionalInt.of(1102), OptionalInt.of(1103))),
            Map.entry(LegacyTransport.Vde.class, new LegacyTransport.Vde(Optional.of("/run/vde/switch"),
                    Optional.of(MAC), OptionalInt.of(2), Optional.of("netdev"), Optional.of("0700"),
                    Optional.of("lab"))),
            Map.entry(LegacyTransport.Slirp.class, new LegacyTransport.Slirp(Optional.of(MAC),
                    List.of("/usr/bin/slirp", "-P"))),
            Map.entry(LegacyTransport.Slip.class, new LegacyTransport.Slip(Optional.of("192.0.2.1"))),
            Map.entry(LegacyTransport.Pcap.class, new LegacyTransport.Pcap(Optional.of("eth0"), Optional.of("tcp"),
                    List.of("promisc", "optimize"), Optional.of(MAC))),
            Map.entry(ConsoleChannel.Embedded.class, new ConsoleChannel.Embedded()),
            Map.entry(ConsoleChannel.Null.class, new ConsoleChannel.Null()),
            Map.entry(ConsoleChannel.Fd.class, new ConsoleChannel.Fd(3)),
            Map.entry(ConsoleChannel.Port.class, new ConsoleChannel.Port(9000)),
            Map.entry(ConsoleChannel.Pts.class, new ConsoleChannel.Pts()),
            Map.entry(ConsoleChannel.Pty.class, new ConsoleChannel.Pty()),
            Map.entry(ConsoleChannel.Tty.class, new ConsoleChannel.Tty("/dev/tty8")),
            Map.entry(ConsoleChannel.Xterm.class, new ConsoleChannel.Xterm()),
            Map.entry(LineSpec.Disabled.class, new LineSpec.Disabled()),
            Map.entry(LineSpec.Single.class, new LineSpec.Single(new ConsoleChannel.Tty("/dev/tty9"))),
            Map.entry(LineSpec.Split.class, new LineSpec.Split(new ConsoleChannel.Fd(0), new ConsoleChannel.Fd(1))));

    private static final List<Class<?>> SEALED = List.of(NetworkInterface.class, VectorTransport.class,
            LegacyTransport.class, ConsoleChannel.class, LineSpec.class);

    /** The saved network the attachment sample names. */
    private static final Network LAB = new Network.Switch("lab", false);

    @TempDir
    Path dir;

    static Stream<Class<?>> subtypes() {
        return SEALED.stream().flatMap(s -> Stream.of(s.getPermittedSubclasses()));
    }

    @Test
    void everyPermittedSubtypeHasASampleWithEveryFieldSet() {
        Set<Class<?>> permitted = subtypes().collect(Collectors.toSet());
        assertThat(SAMPLES.keySet()).as("a sample for every permitted subtype, no more")
                .containsExactlyInAnyOrderElementsOf(permitted);
        for (Object sample : SAMPLES.values()) {
            for (RecordComponent c : sample.getClass().getRecordComponents()) {
                assertThat(isSet(read(c, sample))).as(sample.getClass().getName() + "." + c.getName() + " is set")
                        .isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subtypes")
    void throughTheCommandLine(Class<?> type) {
        Instance instance = instanceWith(type);
        if (type == ConsoleChannel.Embedded.class) {
            // Ours, not the kernel's: the launcher writes the first embedded line on its pty.
            assertThat(CommandLineGenerator.kernelArgs(instance, GenerateOptions.none())).contains("con1=fd:0,fd:1");
            return;
        }
        if (type == NetworkAttachment.class) {
            attachmentThroughTheCommandLine((NetworkAttachment) SAMPLES.get(type));
            return;
        }
        List<String> args = CommandLineGenerator.kernelArgs(instance, GenerateOptions.none());
        Instance back = CommandLineParser.parse(instance.name(), args).instance();
        assertThat(back).as(String.join(" ", args)).isEqualTo(instance);
    }

    /**
     * In both families, the kernel-syntax interface the network makes of it (legacy vde for ethN,
     * vector vde for vecN) is what the generated line parses back to. Unresolved, the placeholder
     * the generator writes does not parse as an interface at all, so it can never start quietly.
     */
    private void attachmentThroughTheCommandLine(NetworkAttachment sample) {
        NetworkPaths paths = new NetworkPaths(dir.resolve("networks"));
        for (NetworkAttachment.Family family : NetworkAttachment.Family.values()) {
            NetworkAttachment a = new NetworkAttachment(family, sample.unit(), sample.network(), sample.mac(),
                    sample.address());
            Instance instance = instanceWith(a);
            GenerateOptions options = GenerateOptions.none().withAttachments(Attachments.resolver(
                    name -> Optional.of(LAB).filter(n -> n.name().equals(name)), paths, instance.name()));
            List<String> args = CommandLineGenerator.kernelArgs(instance, options);
            Instance back = CommandLineParser.parse(instance.name(), args).instance();
            NetworkInterface expected = Attachments.resolve(a, LAB, paths, instance.name());
            assertThat(back.networks()).as(String.join(" ", args)).containsExactly(expected);
            assertThat(expected.deviceName()).isEqualTo(a.deviceName());

            List<String> unresolved = CommandLineGenerator.kernelArgs(instance, GenerateOptions.none());
            assertThat(CommandLineParser.parse(instance.name(), unresolved).instance().networks())
                    .as(String.join(" ", unresolved)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subtypes")
    void throughTheInstanceFile(Class<?> type) throws Exception {
        Instance instance = instanceWith(type);
        InstanceStore store = new InstanceStore(dir.resolve("instances"));
        store.create(instance);
        assertThat(store.load(instance.name())).isEqualTo(instance);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subtypes")
    void throughTheEditor(Class<?> type) {
        Instance instance = instanceWith(type);
        var vm = new InstanceEditorViewModel(instance, i -> List.of(), i -> "", DIRECT, DIRECT);
        assertThat(vm.edited()).isEqualTo(instance);
    }

    /** An instance that uses the sample of {@code type}, and otherwise as little as possible. */
    private static Instance instanceWith(Class<?> type) {
        return instanceWith(SAMPLES.get(type));
    }

    private static Instance instanceWith(Object sample) {
        Instance.Builder b = Instance.builder("sample").umid("sample")
                .console(ConsoleLine.allOf(LineKind.CON, LineSpec.of(ConsoleChannel.NULL)));
        if (sample instanceof NetworkInterface n) {
            b.network(n);
        } else if (sample instanceof VectorTransport t) {
            b.network(new VectorInterface(0, t, VectorOptions.NONE.withMac(Optional.of(MAC))));
        } else if (sample instanceof LegacyTransport t) {
            b.network(new LegacyInterface(0, t));
        } else if (sample instanceof ConsoleChannel c) {
            b.console(ConsoleLine.con(1, LineSpec.of(c)));
        } else if (sample instanceof LineSpec spec) {
            b.console(ConsoleLine.con(1, spec));
        }
        return b.build();
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean isSet(Object value) {
        if (value instanceof Optional<?> o) {
            return o.isPresent();
        }
        if (value instanceof OptionalInt o) {
            return o.isPresent();
        }
        if (value instanceof OptionalLong o) {
            return o.isPresent();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty() && new ArrayList<>(c).stream().allMatch(SealedTypesRoundTripTest::isSet);
        }
        return value != null;
    }
}
