package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.testing.LabDirectories;
import org.umlmanager.testing.UmlKernel;

/** The lab commands' output and exit status, without starting guests. */
class LabCliTest {

    @TempDir
    Path home;
    Path lab;

    @BeforeEach
    void setUp() throws Exception {
        UmlKernel.requireBusybox();
        UmlKernel.requireMkfsExt4();
        lab = LabDirectories.twoRouters(home.resolve("two-routers"));
    }

    @Test
    void aBrokenLabIsRefusedWithExitTwoAndEveryErrorOnItsOwnLine() throws Exception {
        Files.writeString(lab.resolve("lab.conf"), "r1[0]=A\nr1 0 A\nr2[0]=\"B\nLAB_VERSION=1\n");

        CliRun run = CliRun.run(home, "lab", "import", lab.toString(), "--rootfs", "busybox");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("error: nothing was imported:",
                "error: lab.conf line 2: 'r1 0 A' is not a lab.conf line",
                "error: lab.conf line 3: the value opens a quote");
        assertThat(CliRun.run(home, "lab", "list").out()).contains("No labs.");
    }

    @Test
    void importListStatusExportAndDeleteSayWhatTheyDid() throws Exception {
        CliRun imported = CliRun.run(home, "lab", "import", lab.toString(), "--rootfs", "busybox");
        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("warning: lab.conf line 17: h1[shiny] is not an option UML Manager knows");

        assertThat(CliRun.run(home, "lab", "list").out()).contains("two-routers", "5", "3", lab.toRealPath().toString());
        assertThat(CliRun.run(home, "lab", "list", "--json").out()).contains("\"labs\" : [", "\"name\" : \"two-routers\"",
                "\"schemaVersion\" : 1");
        CliRun status = CliRun.run(home, "lab", "status", "two-routers");
        assertThat(status.status()).as(status.err()).isZero();
        assertThat(status.out()).contains("Lab two-routers: stopped", "r1", "two-routers-r1", "eth0→A eth1→B");
        assertThat(CliRun.run(home, "lab", "status", "two-routers", "--json").out()).contains("\"summary\": \"stopped\"",
                "\"running\": 0", "\"domain\": \"A\"");

        CliRun export = CliRun.run(home, "lab", "export", "two-routers", home.resolve("out").toString());
        assertThat(export.status()).as(export.err()).isZero();
        assertThat(Files.readString(home.resolve("out/lab.conf"))).contains("h3[0]=\"A/" + LabDirectories.H3_MAC + "\"",
                "h1[shiny]=\"an option nobody knows\"");
        assertThat(CliRun.run(home, "lab", "export", "two-routers", home.resolve("out").toString()).status())
                .as("an export never writes into a directory with files").isEqualTo(2);

        CliRun deleted = CliRun.run(home, "lab", "delete", "two-routers", "--with-files");
        assertThat(deleted.status()).as(deleted.err()).isZero();
        assertThat(deleted.out()).contains("Deleted lab 'two-routers':", "instance two-routers-h3", "network two-routers-C",
                "h3.cow");
        assertThat(CliRun.run(home, "lab", "status", "two-routers").status()).isEqualTo(2);
        assertThat(CliRun.run(home, "list").out()).doesNotContain("two-routers");
    }

    @Test
    void startingALabThatDoesNotExistIsAUserError() {
        CliRun run = CliRun.run(home, "lab", "start", "nothing");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("No lab is named 'nothing'");
    }

    /** The same option, and the same message for a bad value, as {@code start} and {@code stop}. */
    @Test
    void aParallelBelowOneIsAUserErrorBeforeTheLabIsLookedUp() {
        for (String command : new String[] {"start", "stop"}) {
            CliRun run = CliRun.run(home, "lab", command, "nothing", "--parallel", "0");

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err()).startsWith("error: --parallel must be at least 1, not 0 (see 'uml-manager lab "
                    + command + " --help')");
        }
    }
}
