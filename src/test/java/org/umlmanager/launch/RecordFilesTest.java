package org.umlmanager.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launch spec and child records a successor supervisor reads back, and what it does with damaged ones. */
class RecordFilesTest {

    @TempDir
    Path dir;

    @Test
    void aLaunchSpecReadsBackAsWritten() throws Exception {
        LaunchSpec spec = new LaunchSpec("web", "web-1", Path.of("/run/uml"), List.of("taskset", "-c", "0", "linux",
                "mem=64M", "con1=pts"), Map.of("TMPDIR", "/var/tmp", "A=B", "ü ="), Path.of("/home/u"),
                Optional.of("con0"), List.of("con1", "ssl0"), Path.of("/logs/web"),
                new SessionPaths(Path.of("/run/sessions/web")));
        Path file = dir.resolve("launch.properties");
        LaunchSpecFile.write(file, spec);
        assertThat(LaunchSpecFile.read(file)).hasValue(spec);
        LaunchSpec noPtyLine = new LaunchSpec("x", "x", Path.of("/u"), List.of("linux"), Map.of(), Path.of("/"),
                Optional.empty(), List.of(), Path.of("/l"), new SessionPaths(Path.of("/s")));
        LaunchSpecFile.write(file, noPtyLine);
        assertThat(LaunchSpecFile.read(file)).hasValue(noPtyLine);
    }

    @Test
    void aChildRecordReadsBackAsWritten() throws Exception {
        ChildSpec spec = new ChildSpec("net-lab", List.of("vde_switch", "-s", "/run/x y"), Map.of("K", "v"),
                Path.of("/"), Path.of("/logs/net-lab.log"), Set.of("web", "db"));
        Path file = ChildFile.of(new SupervisorFiles(dir), "net-lab");
        ChildFile.Entry entry = new ChildFile.Entry(spec, OptionalLong.of(42), OptionalLong.of(1_700_000_000_000L), 3);
        ChildFile.write(file, entry);
        assertThat(ChildFile.read(file)).hasValue(entry);
        ChildFile.Entry stopped = new ChildFile.Entry(spec, OptionalLong.empty(), OptionalLong.empty(), 0);
        ChildFile.write(file, stopped);
        assertThat(ChildFile.read(file)).hasValue(stopped);
    }

    @Test
    void damagedOrMissingRecordsReadAsNothing() throws Exception {
        Path file = dir.resolve("launch.properties");
        assertThat(LaunchSpecFile.read(file)).isEmpty();
        Files.writeString(file, "name=web\nargv.0=linux\n");
        assertThat(LaunchSpecFile.read(file)).isEmpty();
        Path child = dir.resolve("c.properties");
        Files.writeString(child, "name=bad name\nargv.0=x\nworkingDirectory=/\nlogFile=/l\n");
        assertThat(ChildFile.read(child)).isEmpty();
    }
}
