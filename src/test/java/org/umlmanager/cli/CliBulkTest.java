package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.umlmanager.launch.GuestFixture;
import org.umlmanager.model.MemorySize;
import org.umlmanager.storage.InstanceStore;

/**
 * {@code start NAME... | --all} and {@code stop NAME... | --all [--force]} on real guests, in order:
 * progress per guest, a summary, and an exit status that tells a refusal (2) from a failure (1).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CliBulkTest {

    private GuestFixture f;
    private Path home;

    @BeforeAll
    void setUp() throws Exception {
        f = GuestFixture.create();
        home = f.dir();
        InstanceStore store = new InstanceStore(f.paths().instancesDir());
        for (String name : new String[] {"alpha", "bravo", "charlie"}) {
            store.create(f.instance(name).build());
        }
        store.create(f.instance("tiny").memory(MemorySize.ofMebibytes(1)).build());
        store.create(f.instance("dies").kernel("/bin/false").build());
    }

    @AfterAll
    void tearDown() throws Exception {
        for (String name : new String[] {"alpha", "bravo", "charlie", "tiny", "dies"}) {
            f.trackSession(name);
        }
        f.close();
    }

    @Test
    @Order(1)
    void aRefusedStartAmongOthersExitsWithTwoAndTheOthersRun() {
        CliRun run = CliRun.run(home, "start", "alpha", "tiny", "--parallel", "2");
        f.trackSession("alpha");
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out()).startsWith("Starting 2 guests, up to 2 at a time:\n")
                .containsPattern("(?m)^  alpha: starting \\(pid \\d+\\)$")
                .containsPattern("(?m)^  alpha: running \\(pid \\d+\\)$")
                .containsPattern("(?m)^  tiny: mem=1M: too little memory")
                .containsPattern("(?m)^Started 1 of 2 guests; failed: tiny \\(mem=1M: too little memory");
        assertThat(CliRun.run(home, "status", "alpha").out()).startsWith("alpha: running\n");
    }

    @Test
    @Order(2)
    void aKernelThatDiesExitsWithOne() {
        CliRun run = CliRun.run(home, "start", "dies", "bravo");
        f.trackSession("bravo");
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^  bravo: running \\(pid \\d+\\)$")
                .containsPattern("(?m)^  dies: dies did not come up: it is crashed \\(the kernel exited with status 1"
                        + " while booting")
                .contains("Started 1 of 2 guests; failed: dies (");
    }

    @Test
    @Order(3)
    void startAllStartsWhatDoesNotRun() {
        CliRun run = CliRun.run(home, "start", "--all");
        f.trackSession("charlie");
        assertThat(run.out()).startsWith("Starting 3 guests, up to ").contains("  charlie: running (pid ")
                .doesNotContain("alpha:", "bravo:").contains("Started 1 of 3 guests; failed: ", "dies (", "tiny (");
        // A failure (dies) weighs more than a refusal (tiny).
        assertThat(run.status()).as(run.out()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void stopSeveralForcedAndAllGracefully() {
        CliRun forced = CliRun.run(home, "stop", "alpha", "bravo", "--force");
        assertThat(forced.status()).as(forced.out() + forced.err()).isZero();
        assertThat(forced.out()).startsWith("Forcing off 2 guests, up to ")
                .containsPattern("(?m)^  alpha: halting the kernel$").containsPattern("(?m)^  alpha: stopped \\(halted\\)$")
                .containsPattern("(?m)^  bravo: stopped \\(halted\\)$").endsWith("Forced off 2 of 2 guests.\n");
        CliRun all = CliRun.run(home, "stop", "--all");
        assertThat(all.status()).as(all.out() + all.err()).isZero();
        assertThat(all.out()).startsWith("Shutting down 1 guest, up to ")
                .containsPattern("(?m)^  charlie: sent Ctrl-Alt-Del").endsWith("Shut down 1 of 1 guest.\n");
        assertThat(CliRun.run(home, "stop", "--all").out()).isEqualTo("Nothing to stop: no guest runs.\n");
    }

    @Test
    @Order(5)
    void stoppingAnUnknownNameAmongOthersExitsWithTwo() {
        CliRun run = CliRun.run(home, "stop", "alpha", "nosuch");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).endsWith("Shut down 0 of 2 guests (1 not running); failed: nosuch (no instance or running"
                + " guest of that name)\n");
    }

    @Test
    @Order(6)
    void badArgumentsAreRefused() {
        assertThat(CliRun.run(home, "start").err()).startsWith("error: give the instances to start, or --all");
        assertThat(CliRun.run(home, "start", "--all", "alpha").status()).isEqualTo(2);
        assertThat(CliRun.run(home, "start", "alpha", "bravo", "--attach").err())
                .startsWith("error: --attach connects one instance's console: give one name");
        assertThat(CliRun.run(home, "stop", "alpha", "bravo", "--parallel", "0").err())
                .startsWith("error: --parallel must be at least 1, not 0");
    }
}
