package org.umlmanager.cmdline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
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

/** Instances as the editor builds them, including what no command line can express. */
class ValidatorTest {

    private static Instance.Builder valid() {
        return Instance.builder("vm1").memory(MemorySize.ofMebibytes(256)).root("/dev/ubda")
                .disk(Disk.cow(0, "/srv/vm1.cow", "/srv/debian.img"))
                .console(ConsoleLine.allOf(LineKind.CON, LineSpec.of(ConsoleChannel.NULL)))
                .console(ConsoleLine.con(0, LineSpec.of(ConsoleChannel.EMBEDDED)))
                .hostfs(new HostfsShare("/srv/share", false)).umlDir("/tmp/uml");
    }

    private static List<Problem> problems(Instance i) {
        return Validator.validate(i, ValidationContext.syntaxOnly());
    }

    /** The single problem on {@code field}. */
    private static Problem only(Instance i, String field) {
        List<Problem> on = problems(i).stream().filter(p -> p.field().equals(field)).toList();
        assertThat(on).as("problems on %s in %s", field, problems(i)).hasSize(1);
        return on.get(0);
    }

    @Test
    void aCarefulInstanceHasNoProblems() {
        assertThat(problems(valid().build())).isEmpty();
    }

    @Test
    void embeddedCannotBeHalfOfASplitOrTheDefault() {
        Problem split = only(valid().console(ConsoleLine.con(1, new LineSpec.Split(ConsoleChannel.EMBEDDED,
                ConsoleChannel.NULL))).build(), "consoles[2]");
        assertThat(split.isError()).isTrue();
        assertThat(split.subject()).isEqualTo("con1=pts,null");
        assertThat(split.message()).contains("embedded");
        assertThat(only(valid().console(ConsoleLine.allOf(LineKind.SSL, LineSpec.of(ConsoleChannel.EMBEDDED)))
                .build(), "consoles[2]").message()).contains("default");
    }

    @Test
    void separatorsInsideValuesAreRefusedWithTheFieldNamed() {
        Problem comma = only(valid().disks(List.of(Disk.of(0, "/srv/a,b.img"))).build(), "disks[0].image");
        assertThat(comma.isError()).isTrue();
        assertThat(comma.message()).contains("','").contains("rename");
        Problem colon = only(valid().disks(List.of(Disk.cow(0, "/srv/c:ow", "/srv/b.img"))).build(),
                "disks[0].cowFile");
        assertThat(colon.message()).contains("':'");
        VectorInterface v = new VectorInterface(0, new VectorTransport.Tap(Optional.of("tap0,x")), VectorOptions.NONE);
        assertThat(only(valid().network(v).build(), "networks[0].ifname").message()).contains("','");
        VectorOptions extra = new VectorOptions(OptionalInt.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of("note", "a=b"));
        VectorInterface eq = new VectorInterface(1, new VectorTransport.Tap(Optional.of("t")), extra);
        assertThat(problems(valid().network(eq).build())).anyMatch(p -> p.isError() && p.field().equals("networks[0].note"));
        LegacyInterface legacy = new LegacyInterface(0, new LegacyTransport.Daemon(Optional.empty(), Optional.empty(),
                Optional.of("/run/sw,1.ctl")));
        assertThat(only(valid().network(legacy).build(), "networks[0]").message()).contains("','");
    }

    @Test
    void dataFlagWithCowAndSharedFlag() {
        Disk d = new Disk(1, "/srv/b.img", Optional.of("/srv/b.cow"), Set.of(DiskFlag.DATA, DiskFlag.SHARED),
                Optional.empty());
        List<Problem> p = problems(valid().disk(d).build()).stream().filter(x -> x.field().equals("disks[1].flags"))
                .toList();
        assertThat(p).extracting(Problem::isError).containsExactly(true, false);
        assertThat(p.get(0).subject()).isEqualTo("ubd1cd=/srv/b.cow,/srv/b.img");
    }

    @Test
    void twoDisksOnOneWritableImage() {
        Instance i = valid().disk(Disk.of(1, "/srv/data.img")).disk(Disk.of(2, "/srv/../srv/data.img"))
                .disk(Disk.of(3, "/srv/debian.img")).build();
        assertThat(only(i, "disks[2]").message()).contains("disks[1] writes to");
        assertThat(only(i, "disks[3]").message()).contains("backing image of disks[0]");
        Instance readOnly = valid().disk(new Disk(1, "/srv/debian.img", Optional.empty(), Set.of(DiskFlag.READ_ONLY),
                Optional.empty())).build();
        assertThat(problems(readOnly)).isEmpty();
    }

    @Test
    void umidAndSocketPath() {
        assertThat(only(valid().umid("x".repeat(64)).build(), "umid").message()).contains("64");
        assertThat(only(valid().umid("a/b").build(), "umid").message()).contains("'/'");
        Problem longDir = only(valid().umlDir("/tmp/" + "d".repeat(90)).build(), "umlDir");
        assertThat(longDir.message()).contains("107").contains("/mconsole");
        ValidationContext ctx = new ValidationContext(Optional.of(Path.of("/tmp/" + "d".repeat(50))),
                ValidationContext.HostChecks.NONE, Path.of("/"));
        assertThat(Validator.validate(valid().umlDir(null).umid("u".repeat(50)).build(), ctx))
                .anyMatch(p -> p.field().equals("umid") && p.message().contains("107"));
    }

    @Test
    void vectorTransportsNeedTheirOptions() {
        var l2tp = new VectorTransport.L2tpv3(Optional.empty(), Optional.of("10.0.0.2"), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty(), Optional.empty(), OptionalLong.of(0x80000000L),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(5), Optional.empty(), Optional.empty(),
                Optional.empty());
        List<Problem> p = problems(valid().network(new VectorInterface(0, l2tp, VectorOptions.NONE)).build());
        assertThat(p).filteredOn(Problem::isError).extracting(Problem::field).containsExactly(
                "networks[0].txSession", "networks[0].rxSession", "networks[0].rxCookie");
        var fd = new VectorInterface(1, new VectorTransport.Fd(OptionalInt.empty()), VectorOptions.NONE);
        assertThat(only(valid().network(fd).build(), "networks[0].fd").isError()).isTrue();
        var bess = new VectorInterface(2, new VectorTransport.Bess(Optional.of("/a"), Optional.empty()),
                VectorOptions.NONE);
        assertThat(only(valid().network(bess).build(), "networks[0].dst").isError()).isTrue();
        var dup = new VectorInterface(0, new VectorTransport.Tap(Optional.of("t1")), VectorOptions.NONE);
        var dup2 = new VectorInterface(0, new VectorTransport.Tap(Optional.of("t2")), VectorOptions.NONE);
        assertThat(only(valid().network(dup).network(dup2).build(), "networks[1].unit").isError()).isTrue();
    }

    @Test
    void consolesRangesAndChannels() {
        assertThat(only(valid().console(ConsoleLine.con(16, LineSpec.of(ConsoleChannel.NULL))).build(),
                "consoles[2].index").message()).contains("con0 to con15");
        assertThat(only(valid().console(ConsoleLine.ssl(1, LineSpec.of(new ConsoleChannel.Pty()))).build(),
                "consoles[2]").message()).contains("use pts");
        assertThat(only(valid().console(ConsoleLine.con(0, LineSpec.of(ConsoleChannel.NULL))).build(),
                "consoles[2]").message()).contains("twice");
        Problem port = only(valid().console(ConsoleLine.con(1, LineSpec.of(new ConsoleChannel.Port(4321)))).build(),
                "consoles[2]");
        assertThat(port.isError()).isFalse();
        assertThat(port.message()).contains("all host interfaces").contains("in.telnetd");
    }

    @Test
    void memoryRootHostfsEnvironmentAndPinning() {
        assertThat(only(valid().memory(MemorySize.ofMebibytes(16)).build(), "memory").isError()).isTrue();
        assertThat(only(valid().memory(MemorySize.ofMebibytes(40)).build(), "memory").isError()).isFalse();
        assertThat(only(valid().root("/dev/ubd0").build(), "root").message()).contains("root=/dev/ubda");
        assertThat(only(valid().root("/dev/ubd5").build(), "root").message()).contains("root=/dev/ubdf");
        assertThat(only(valid().root("/dev/ubdc").build(), "root").message()).contains("no disk on unit 2");
        assertThat(only(valid().hostfs(null).build(), "hostfs").message()).contains("any host directory")
                .contains("hostfs=DIR");
        assertThat(only(valid().env("1X", "y").build(), "environment").isError()).isTrue();
        assertThat(only(valid().cpuPinning("0-3,x").build(), "cpuPinning").isError()).isTrue();
        assertThat(only(valid().extraArg("mconsole=notify:/x").build(), "extraArgs[0]").isError()).isFalse();
    }

    @Test
    void umlsOwnOptionsAfterDashesAreRefusedBecauseTheKernelStillAppliesThem() {
        Instance i = valid().extraArgs(List.of("quiet", "--", "single", "mem=144M", "hostfs=/", "umid=x", "--help",
                "root=/dev/ubdb", "debug", "KEY=value", "ubd1=disk.img")).build();
        assertThat(only(i, "extraArgs[3]").message()).startsWith("UML applies mem= even after '--'")
                .contains("its memory would be this");
        assertThat(only(i, "extraArgs[3]").isError()).isTrue();
        assertThat(only(i, "extraArgs[4]").message()).contains("not the Host access setting");
        assertThat(only(i, "extraArgs[5]").isError()).isTrue();
        assertThat(only(i, "extraArgs[6]").message()).contains("print and exit instead of booting");
        // A root device before '--' is the kernel's; one after it is init's, as '--' means.
        assertThat(problems(i)).noneMatch(p -> p.field().equals("extraArgs[7]"));
        assertThat(only(i, "extraArgs[8]").isError()).isFalse();
        // Disks after '--' are not set up by the kernel: they are init's arguments, nothing to report.
        assertThat(problems(i)).noneMatch(p -> p.field().equals("extraArgs[2]") || p.field().equals("extraArgs[9]")
                || p.field().equals("extraArgs[10]") || p.field().equals("extraArgs[1]"));
    }

    @Test
    void dashesWithoutARootDeviceBeforeThemAreRefused() {
        Instance noRoot = Instance.builder("vm1").disk(Disk.of(0, "/srv/vm1.img")).umlDir("/tmp/uml")
                .extraArgs(List.of("--", "single", "root=/dev/ubda")).build();
        Problem dashes = only(noRoot, "extraArgs[0]");
        assertThat(dashes.isError()).isTrue();
        assertThat(dashes.message()).contains("root=98:0", "after '--'", "panics", "root=/dev/ubda");
        assertThat(only(noRoot, "extraArgs[2]").message()).contains("the kernel does not use root=");
    }
}
