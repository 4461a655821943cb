package org.umlmanager.cmdline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.umlmanager.model.Disk;
import org.umlmanager.model.HostfsShare;
import org.umlmanager.model.Instance;
import org.umlmanager.model.VectorInterface;
import org.umlmanager.model.VectorOptions;
import org.umlmanager.model.VectorTransport;

class HostPathsTest {

    private static final Path BASE = Path.of("/srv/uml");

    @Test
    void relativeHostPathsBecomeAbsoluteAndEachIsReported() {
        VectorOptions withBpf = new VectorOptions(OptionalInt.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.of("filters/drop.bpf"),
                Optional.empty(), Optional.of("ifup-script"), java.util.Map.of());
        Instance in = Instance.builder("x").kernel("./linux-6.1").umlDir("run/uml")
                .disk(new Disk(0, "../images/root.img", Optional.of("root.cow"), Set.of(), Optional.empty()))
                .disk(Disk.of(1, "/abs/data.img"))
                .hostfs(new HostfsShare("share", false))
                .network(new VectorInterface(0, new VectorTransport.Bess(Optional.empty(), Optional.of("bess.sock")),
                        withBpf))
                .build();

        HostPaths.Resolution r = HostPaths.absolutize(in, BASE);

        Instance out = r.instance();
        assertThat(out.kernel()).isEqualTo("/srv/uml/linux-6.1");
        assertThat(out.umlDir()).contains("/srv/uml/run/uml");
        assertThat(out.disks().get(0).image()).isEqualTo("/srv/images/root.img");
        assertThat(out.disks().get(0).cowFile()).contains("/srv/uml/root.cow");
        assertThat(out.disks().get(1).image()).isEqualTo("/abs/data.img");
        assertThat(out.hostfs()).contains(new HostfsShare("/srv/uml/share", false));
        VectorInterface nic = (VectorInterface) out.networks().get(0);
        assertThat(((VectorTransport.Bess) nic.transport()).dst()).contains("/srv/uml/bess.sock");
        assertThat(nic.options().bpffile()).contains("/srv/uml/filters/drop.bpf");
        // A bare ifup name is looked up on PATH by the kernel, so it stays as written.
        assertThat(nic.options().ifup()).contains("ifup-script");
        assertThat(r.notes()).extracting(Problem::field).containsExactly("kernel", "umlDir", "hostfs",
                "disks[0].image", "disks[0].cowFile", "networks[0].bpffile", "networks[0].dst");
        assertThat(r.notes()).allMatch(p -> !p.isError() && p.message().startsWith("relative path saved as /"));
    }

    @Test
    void aCommandNameKernelAndTildePathsAreLeftAlone() {
        Instance in = Instance.builder("x").disk(Disk.of(0, "~/root.img")).build();

        HostPaths.Resolution r = HostPaths.absolutize(in, BASE);

        assertThat(r.instance()).isEqualTo(in);
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void kernelBinaryAsFirstArgumentIsRecognised() {
        assertThat(CommandLineParser.looksLikeKernelBinary("linux")).isTrue();
        assertThat(CommandLineParser.looksLikeKernelBinary("./linux-6.1")).isTrue();
        assertThat(CommandLineParser.looksLikeKernelBinary("/usr/bin/linux.uml")).isTrue();
        assertThat(CommandLineParser.looksLikeKernelBinary("single")).isFalse();
        assertThat(CommandLineParser.looksLikeKernelBinary("mem=64M")).isFalse();
        assertThat(CommandLineParser.parse("x", List.of("linux", "mem=64M")).errors())
                .extracting(Problem::field).contains("kernel");
        assertThat(CommandLineParser.parse("x", List.of("mem=64M", "linux")).errors())
                .extracting(Problem::field).doesNotContain("kernel");
    }
}
