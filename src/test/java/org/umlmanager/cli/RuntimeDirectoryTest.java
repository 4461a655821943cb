package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.model.AppPaths;
import org.umlmanager.model.Instance;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.testing.SecondUser;

/**
 * The runtime directory (sockets, session files) must be the user's own: without
 * {@code XDG_RUNTIME_DIR} it is {@code /tmp/uml-manager-USER}, a name anyone can take first.
 */
class RuntimeDirectoryTest {

    @TempDir
    Path home;

    @Test
    void withoutXdgRuntimeDirTheRuntimeDirectoryIsAPredictableNameInTmp() {
        AppPaths paths = AppPaths.from(Map.of(), home);
        assertThat(paths.runtime()).isEqualTo(Path.of("/tmp", "uml-manager-" + System.getProperty("user.name")));
    }

    @Test
    void aRuntimeDirectoryAnotherUserMadeIsRefusedAndLeftAlone() throws Exception {
        SecondUser.require();
        Path foreign = Path.of("/tmp", "uml-manager-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        assertThat(SecondUser.run("mkdir", "-m", "0777", foreign.toString()).status()).isZero();
        try {
            AppPaths paths = new AppPaths(home.resolve("config"), home.resolve("data"), foreign);
            new InstanceStore(paths.instancesDir()).create(Instance.builder("vm").build());
            for (String[] args : new String[][] {{"status"}, {"start", "vm"}, {"mconsole", "vm", "version"}}) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int status = Cli.run(new CliEnvironment(paths, home, new PrintWriter(out), new PrintWriter(err)), args);

                assertThat(status).as(String.join(" ", args)).isNotZero();
                assertThat(err.toString()).as(String.join(" ", args)).contains(foreign.toString())
                        .contains("belongs to user " + SecondUser.NAME).contains("Remove it");
            }
            try (var entries = Files.list(foreign)) {
                assertThat(entries).as("nothing was put into it").isEmpty();
            }
        } finally {
            SecondUser.run("rm", "-rf", foreign.toString());
        }
    }
}
