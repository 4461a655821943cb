package org.umlmanager.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.model.MemorySize;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.storage.SampleInstances;

/** import, cmdline and export-script, in-process against a temporary UML_MANAGER_HOME. */
class CliCommandLineTest {

    /** The HowTo's "Starting UML" example, with the image in the test's directory. */
    private static final List<String> HOWTO_ARGS = List.of("mem=2048M", "umid=TEST", "ubd0=Filesystem.img",
            "vec0:transport=tap,ifname=tap0,depth=128,gro=1", "root=/dev/ubda", "con=null", "con0=null,fd:2",
            "con1=fd:0,fd:1");

    @TempDir
    Path home;
    InstanceStore store;

    @BeforeEach
    void setUp() throws Exception {
        store = new InstanceStore(AppPaths.under(home).instancesDir());
        Files.write(home.resolve("Filesystem.img"), new byte[4096]);
    }

    @Test
    void importSavesTheInstanceAndPrintsWarningsWithoutFailing() throws Exception {
        CliRun run = importArgs("howto", HOWTO_ARGS);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Imported 'howto'.\n");
        assertThat(run.err().lines()).isNotEmpty().allMatch(l -> l.startsWith("warning: "))
                .anyMatch(l -> l.startsWith("warning: hostfs=: host access is not restricted"));
        Instance saved = store.load("howto");
        assertThat(saved.umid()).isEqualTo("TEST");
        assertThat(saved.memory()).contains(MemorySize.ofMebibytes(2048));
        assertThat(saved.disks()).singleElement().satisfies(d -> assertThat(d.image())
                .isEqualTo(home.resolve("Filesystem.img").toString()));
        assertThat(run.err()).contains("warning: Filesystem.img: relative path saved as "
                + home.resolve("Filesystem.img"));
        assertThat(saved.consoles()).hasSize(3);
    }

    @Test
    void theKernelBinaryGivenAsFirstArgumentIsRefusedWithTheFix() throws Exception {
        CliRun run = importArgs("withbinary", List.of(concat(List.of("linux"), HOWTO_ARGS)));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("error: linux: this looks like the kernel binary")
                .contains("--kernel PATH");
        assertThat(store.loadAll().instances()).isEmpty();
    }

    @Test
    void anInvalidCommandLineIsRefusedWithOneLinePerProblemAndNothingIsSaved() throws Exception {
        Files.createDirectories(home.resolve("adir"));
        CliRun run = importArgs("bad", List.of("mem=256M", "umid=bad", "ubd0=adir", "con1=/dev/tty8",
                "vec0:transport=gre,src=192.0.2.1,dst=192.0.2.2,rx_key=1", "con=null"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).allMatch(l -> l.startsWith("error: ") || l.startsWith("warning: "))
                .anyMatch(l -> l.startsWith("warning: ubd0=adir: ") && l.contains("is a directory"))
                .anyMatch(l -> l.startsWith("error: con1=/dev/tty8: ") && l.contains("tty:/dev/tty8"))
                .anyMatch(l -> l.startsWith("error: vec0:transport=gre"));
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(store.loadAll().instances()).isEmpty();
    }

    @Test
    void dryRunShowsTheResultAndSavesNothing() throws Exception {
        CliRun run = CliRun.run(home, concat(List.of("import", "howto", "--dry-run", "--"), HOWTO_ARGS));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Name:            howto\n", "Umid:            TEST\n", "Memory:          2G\n",
                "  vec0  tap\n", "Command line:\n  linux mem=2G umid=TEST root=/dev/ubda ubd0="
                        + home.resolve("Filesystem.img") + " vec0:transport=tap,ifname=tap0,depth=128,gro=1 con=null con0=null,fd:2 con1=fd:0,fd:1\n")
                .endsWith("Dry run: 'howto' is valid and was not saved.\n");
        assertThat(store.loadAll().instances()).isEmpty();
    }

    @Test
    void dryRunOfAnInvalidCommandLineFailsLikeTheRealImport() {
        CliRun run = CliRun.run(home, "import", "x", "--dry-run", "--", "con1=/dev/tty8");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("error: con1=/dev/tty8: ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anImageThatIsNotOnThisHostIsImportedWithAWarningAndRefusedAtStartInTheSameWords() throws Exception {
        Path missing = home.resolve("elsewhere/lab/pc1.img");
        CliRun run = importArgs("moved", List.of("umid=moved", "ubd0=" + missing, "con=null", "con0=fd:0,fd:1",
                "hostfs=" + home));

        assertThat(run.status()).as(run.err()).isZero();
        String warning = "warning: ubd0=" + missing + ": " + missing + " does not exist; create the image or fix the"
                + " path";
        assertThat(run.err().lines()).contains(warning);
        assertThat(store.load("moved").disks().get(0).image()).isEqualTo(missing.toString());

        CliRun start = CliRun.run(home, "start", "moved");
        assertThat(start.status()).isEqualTo(2);
        assertThat(start.err()).contains(missing + " does not exist; create the image or fix the path");
        assertThat(start.out()).isEmpty();
    }

    @Test
    void importRefusesATakenOrInvalidName() throws Exception {
        store.create(SampleInstances.minimal("Taken"));

        CliRun taken = importArgs("taken", HOWTO_ARGS);
        CliRun invalid = importArgs("no/slash", HOWTO_ARGS);

        assertThat(taken.status()).isEqualTo(2);
        assertThat(taken.err()).contains("error: taken: an instance named 'Taken' already exists; choose another name");
        assertThat(invalid.status()).isEqualTo(2);
        assertThat(invalid.err()).isEqualTo("error: no/slash: 'no/slash' is not a valid name; use 1–64 letters,"
                + " digits, '.', '-' or '_', not starting with '.' or '-'\n");
    }

    @Test
    void kernelOptionSetsTheBinaryAndAtSignsAreNotArgumentFiles() throws Exception {
        Path kernel = home.resolve("linux-6.1");
        Files.writeString(kernel, "#!/bin/sh\n");
        Files.setPosixFilePermissions(kernel, PosixFilePermissions.fromString("rwxr-xr-x"));

        CliRun run = CliRun.run(home, "import", "k", "--kernel", kernel.toString(), "--", "umid=k", "con=null",
                "@not-a-file", "init=/bin/sh");

        assertThat(run.status()).as(run.err()).isZero();
        Instance saved = store.load("k");
        assertThat(saved.kernel()).isEqualTo(kernel.toString());
        assertThat(saved.extraArgs()).contains("@not-a-file");
    }

    @Test
    void cmdlinePrintsOneShellLineThatTheShellSplitsBackIntoTheArgv() throws Exception {
        Instance instance = SampleInstances.full("router").toBuilder()
                .extraArgs(List.of("quiet", "weird arg with 'quotes' and $dollars"))
                .environment(Map.of("TMPDIR", "/mnt/numa 0")).build();
        store.create(instance);

        CliRun line = CliRun.run(home, "cmdline", "router");
        CliRun lines = CliRun.run(home, "cmdline", "router", "--lines");

        assertThat(line.status()).isZero();
        assertThat(line.out().lines()).hasSize(1);
        assertThat(line.out()).startsWith("TMPDIR='/mnt/numa 0' taskset -c 0-1,3 /usr/bin/linux mem=256M ");
        assertThat(lines.status()).isZero();
        assertThat(lines.out()).startsWith("taskset\n-c\n0-1,3\n/usr/bin/linux\nmem=256M\numid=router-umid\n")
                .endsWith("quiet\nweird arg with 'quotes' and $dollars\n");
        List<String> expected = new ArrayList<>(List.of("TMPDIR=/mnt/numa 0"));
        expected.addAll(lines.out().lines().toList());
        assertThat(wordsAsTheShellReadsThem(line.out())).containsExactlyElementsOf(expected);
    }

    @Test
    void exportScriptIsAShellScriptThatRunsTheSameCommand() throws Exception {
        store.create(SampleInstances.full("router"));

        CliRun run = CliRun.run(home, "export-script", "router");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("#!/bin/sh\n").contains("exec taskset -c 0-1,3 /usr/bin/linux");
        Path script = home.resolve("router.sh");
        Files.writeString(script, run.out());
        Process check = new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
        assertThat(check.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(new String(check.getInputStream().readAllBytes(), UTF_8)).isZero();
    }

    @Test
    void cmdlineAndExportScriptOfAnUnknownInstanceAreUserErrors() {
        for (String command : List.of("cmdline", "export-script")) {
            CliRun run = CliRun.run(home, command, "ghost");

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("error: No instance is named 'ghost'; 'uml-manager list' shows the"
                    + " existing ones\n");
        }
    }

    private CliRun importArgs(String name, List<String> args) {
        return CliRun.run(home, concat(List.of("import", name, "--"), args));
    }

    private static String[] concat(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return all.toArray(String[]::new);
    }

    /** The words of {@code line} as /bin/sh reads them, one per element. */
    private static List<String> wordsAsTheShellReadsThem(String line) throws Exception {
        Process sh = new ProcessBuilder("sh", "-c", "set -- " + line.strip() + "\nprintf '%s\\n' \"$@\"").start();
        String out = new String(sh.getInputStream().readAllBytes(), UTF_8);
        assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sh.exitValue()).isZero();
        return out.lines().toList();
    }
}
