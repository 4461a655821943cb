package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.MemorySize;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.storage.SampleInstances;

/** list, show and delete, run in-process against a store in a temporary UML_MANAGER_HOME. */
class CliConfigurationTest {

    @TempDir
    Path home;
    InstanceStore store;

    @BeforeEach
    void setUp() {
        store = new InstanceStore(AppPaths.under(home).instancesDir());
    }

    @Test
    void listPrintsATableOfTheSavedInstances() throws Exception {
        store.create(SampleInstances.full("router"));
        store.create(SampleInstances.minimal("tiny").toBuilder().memory(MemorySize.ofMebibytes(1536)).build());

        CliRun run = CliRun.run(home, "list");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                NAME    UMID         MEMORY  DISKS  NETWORKS  KERNEL
                router  router-umid  256M    2      17        /usr/bin/linux
                tiny    tiny         1536M   0      0         linux
                """);
    }

    @Test
    void listOfAnEmptyStoreSaysHowToCreateOne() {
        CliRun run = CliRun.run(home, "list");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("No instances yet").contains("uml-manager import");
    }

    @Test
    void listJsonIsTheStoredDocumentsAndReportsUnreadableFiles() throws Exception {
        store.create(SampleInstances.minimal("tiny"));
        Files.writeString(store.directory().resolve("broken.json"), "{");

        CliRun run = CliRun.run(home, "list", "--json");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("{\n  \"instances\" : [ {\n    \"schemaVersion\" : 2,\n    \"name\" : \"tiny\",")
                .contains("\"problems\" : [ {").contains("broken.json.corrupt-");
        assertThat(run.err()).startsWith("warning: " + store.directory().resolve("broken.json"))
                .contains("moved aside to");
    }

    @Test
    void showPrintsEveryPartOfTheInstance() throws Exception {
        store.create(SampleInstances.full("router"));

        CliRun run = CliRun.run(home, "show", "router");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Name:            router\n", "Memory:          256M\n",
                "  ubdb  /var/lib/uml/cow.img over /var/lib/uml/base.img  [read-only, synchronous writes",
                "  vec4  l2tpv3\n", "  eth6  slirp\n", "  con0  embedded terminal\n",
                "  con6  input fd:0, output fd:1\n", "  con7  none", "  ssl63 input null, output xterm\n",
                "Environment:\n  TMPDIR=/mnt/numa0\n  A_VAR=1\n  LANG=C.UTF-8\n",
                "hostfs:          shares /srv/share (append only) with the guest\n", "Notes:\n  Lab router.\n",
                "Command line:\n  TMPDIR=/mnt/numa0 A_VAR=1 LANG=C.UTF-8 taskset -c 0-1,3 /usr/bin/linux mem=256M");
    }

    @Test
    void showJsonIsTheDocumentOfTheFile() throws Exception {
        store.create(SampleInstances.full("router"));

        CliRun run = CliRun.run(home, "show", "router", "--json");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo(Files.readString(store.fileOf("router")));
    }

    @Test
    void deleteRemovesTheInstance() throws Exception {
        store.create(SampleInstances.minimal("doomed"));

        CliRun run = CliRun.run(home, "delete", "doomed");

        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("Deleted instance 'doomed'.\n");
        assertThat(store.loadAll().instances()).isEmpty();
    }

    @Test
    void userErrorsAreOneLineAndStatusTwo() throws Exception {
        store.create(SampleInstances.minimal("Debian"));

        assertUserError(CliRun.run(home, "show", "nothing"), "error: No instance is named 'nothing'; 'uml-manager list'"
                + " shows the existing ones");
        assertUserError(CliRun.run(home, "delete", "debian"), "error: No instance is named 'debian'; did you mean"
                + " 'Debian'?");
        assertUserError(CliRun.run(home, "show", "../etc/passwd"), "error: Invalid instance name: '../etc/passwd' is"
                + " not a valid name");
        assertUserError(CliRun.run(home, "show"), "error: Missing required parameter: 'NAME' (see 'uml-manager show"
                + " --help')");
        assertUserError(CliRun.run(home, "frobnicate"), "error: Unmatched argument at index 0: 'frobnicate'");
        assertUserError(CliRun.run(home, "list", "--yaml"), "error: Unknown option: '--yaml'");
    }

    @Test
    void anUnreadableInstanceIsAUserErrorThatSaysWhereTheFileWent() throws Exception {
        Files.createDirectories(store.directory());
        Files.writeString(store.fileOf("vm"), "{\"schemaVersion\": 1, \"umid\": 5}");

        CliRun run = CliRun.run(home, "show", "vm");

        assertUserError(run, "error: Instance 'vm' could not be read (required field 'kernel' is missing)");
        assertThat(run.err()).contains("moved aside to " + store.directory().resolve("vm.json.corrupt-"));
    }

    @Test
    void aStoreThatIsNotADirectoryIsAUserErrorForEveryCommand() throws Exception {
        Path instances = AppPaths.under(home).instancesDir();
        Files.createDirectories(instances.getParent());
        Files.writeString(instances, "a file where the directory should be");

        for (String[] args : new String[][] {{"list"}, {"show", "vm"}, {"delete", "vm"}, {"import", "vm", "--"}}) {
            assertUserError(CliRun.run(home, args), "error: The instance store " + instances + " is not a directory;");
        }
    }

    @Test
    void helpListsTheSubcommands() {
        CliRun run = CliRun.run(home, "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("list", "show", "delete");
    }

    @Test
    void versionIsTheBuildsVersion() throws Exception {
        CliRun run = CliRun.run(home, "--version");

        assertThat(run.status()).isZero();
        // The pom's version, filled in by the build: the .deb's version is made from the same one.
        String pom = Files.readString(Path.of("pom.xml"));
        String version = pom.substring(pom.indexOf("</artifactId>") + "</artifactId>".length());
        version = version.substring(version.indexOf("<version>") + "<version>".length(), version.indexOf("</version>"));
        assertThat(run.out().strip()).isEqualTo("UML Manager " + version);
    }

    private static void assertUserError(CliRun run, String expectedStart) {
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(expectedStart).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.err().lines()).hasSize(1);
    }
}
