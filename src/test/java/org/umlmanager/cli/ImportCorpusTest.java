package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.umlmanager.cmdline.CommandLineParser;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.storage.InstanceStore;

/**
 * Command lines as people have them in scripts — in the style of the UML HowTo, Netkit's vstart,
 * Netkit-JH, Marionnet and VNX (src/test/resources/cmdline/corpus, one argv element per line) —
 * all naming disks, backing files, COW destinations, hostfs directories or devices that are not on
 * this host. Each imports, with a warning about what is missing, and regenerates to a command line
 * that reads back as the same instance with every host path it named; starting one whose image is
 * missing is refused with the reason, in the words of the warning.
 */
class ImportCorpusTest {

    @TempDir
    Path home;

    record Entry(String name, String style, List<String> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Entry> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(ImportCorpusTest.class.getResource("/cmdline/corpus").toURI());
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".args")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                String name = file.getFileName().toString().replace(".args", "");
                entries.add(new Entry(name, lines.get(0).substring(2),
                        lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList()));
            }
        }
        return entries.stream();
    }

    private CliRun importEntry(Entry e) {
        List<String> args = new ArrayList<>(List.of("import", e.name(), "--"));
        args.addAll(e.args());
        return CliRun.run(home, args.toArray(String[]::new));
    }

    @Test
    void theCorpusHasEveryStyleAndNamesFilesThatAreNotHere() throws Exception {
        List<Entry> entries = corpus().toList();
        assertThat(entries).extracting(Entry::name).anyMatch(n -> n.startsWith("howto-"))
                .anyMatch(n -> n.startsWith("netkit-vstart")).anyMatch(n -> n.startsWith("netkit-jh"))
                .anyMatch(n -> n.startsWith("marionnet")).anyMatch(n -> n.startsWith("vnx"));
        for (Entry e : entries) {
            assertThat(hostPaths(e)).as(e.name()).isNotEmpty().noneMatch(p -> Files.exists(Path.of(p)));
        }
        assertThat(entries).hasSizeGreaterThanOrEqualTo(8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void importsWithAWarningAboutWhatIsMissingAndRegeneratesTheSameInstance(Entry e) throws Exception {
        CliRun run = importEntry(e);

        assertThat(run.status()).as(e.style() + "\n" + run.err()).isZero();
        assertThat(run.out()).isEqualTo("Imported '" + e.name() + "'.\n");
        List<String> warnings = run.err().lines().toList();
        assertThat(warnings).as(e.style()).allMatch(l -> l.startsWith("warning: "))
                .anyMatch(l -> l.contains(" does not exist") || l.contains(" is not a directory")
                        || l.contains("cannot create"));

        Instance saved = new InstanceStore(AppPaths.under(home).instancesDir()).load(e.name());
        CliRun cmdline = CliRun.run(home, "cmdline", e.name(), "--lines");
        assertThat(cmdline.status()).as(cmdline.err()).isZero();
        List<String> argv = cmdline.out().lines().toList();
        assertThat(argv.get(0)).isEqualTo(saved.kernel());
        Instance again = CommandLineParser.parse(e.name(), argv.subList(1, argv.size())).instance().toBuilder()
                .kernel(saved.kernel()).build();
        assertThat(again).as("the regenerated command line reads back as the saved instance").isEqualTo(saved);
        String regenerated = String.join(" ", argv);
        for (String path : hostPaths(e)) {
            assertThat(regenerated).as(e.name() + " keeps " + path).contains(path);
        }
    }

    @Test
    void startingAnImportedMachineWhoseImageIsMissingIsRefusedWithTheReason() throws Exception {
        Entry marionnet = corpus().filter(e -> e.name().startsWith("marionnet")).findFirst().orElseThrow();
        CliRun imported = importEntry(marionnet);
        assertThat(imported.status()).as(imported.err()).isZero();
        String reason = "/usr/share/marionnet/filesystems/machine-debian-lenny does not exist; create the image or"
                + " fix the path";
        assertThat(imported.err()).contains("warning: ubd0s=/tmp/marionnet-1234/m1.cow,/usr/share/marionnet/"
                + "filesystems/machine-debian-lenny: " + reason);

        CliRun start = CliRun.run(home, "start", marionnet.name());

        assertThat(start.status()).isEqualTo(2);
        assertThat(start.out()).isEmpty();
        assertThat(start.err()).contains(reason).contains("/tmp/marionnet-1234/m1-swap does not exist");
        assertThat(CliRun.run(home, "status", marionnet.name()).out()).startsWith(marionnet.name() + ": stopped");
    }

    /**
     * The host paths an entry names — files, directories, devices, sockets — absolute as the import
     * saves them (a relative disk path resolves against the directory the CLI runs in, here the
     * test's home).
     */
    private List<String> hostPaths(Entry e) {
        List<String> paths = new ArrayList<>();
        for (String arg : e.args()) {
            String[] parts = arg.split("[=,]");
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i];
                if (part.startsWith("/") && !part.startsWith("/dev/root") && !part.startsWith("/dev/ubd")) {
                    paths.add(part);
                } else if (arg.startsWith("ubd") && !part.isEmpty() && !part.contains(":")) {
                    paths.add(home.resolve(part).toString());
                }
            }
        }
        return paths;
    }
}
