package org.umlmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.testing.Await;
import org.umlmanager.testing.UmlKernel;

/** A real {@code uml-manager} process stopped with SIGTERM in the middle of making an image. */
class CliInterruptTest {

    @TempDir
    Path dir;

    @Test
    void aTerminatedDiskCreateRemovesItsHalfMadeImage() throws Exception {
        UmlKernel.requireMkfsExt4();
        Path tree = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(tree)) {
            tree = Path.of(System.getProperty("java.home"));
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = dir.resolve("out.txt");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.umlmanager.Main", "disk", "create", "big.img", "--size", "4G", "--from", tree.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("UML_MANAGER_HOME", dir.resolve("home").toString());
        Process cli = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(out).contains("Making the ext4 filesystem") && cli.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(cli.isAlive()).as(Files.readString(out)).isTrue();
            assertThat(partials()).hasSize(1);
            // Interrupted while mkfs.ext4 itself runs, which is what must be cancelled.
            // (mkfs.ext4 is a link to mke2fs, the name /proc gives.)
            Await.until(Duration.ofSeconds(60), "mkfs.ext4 runs under the CLI", () -> cli.descendants()
                    .anyMatch(d -> d.info().command().filter(c -> c.endsWith("/mke2fs") || c.endsWith("/mkfs.ext4"))
                            .isPresent()));

            cli.destroy();

            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            cli.destroyForcibly();
        }
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("error: mkfs.ext4 was cancelled");
        assertThat(partials()).isEmpty();
        assertThat(dir.resolve("big.img")).doesNotExist();
    }

    private List<Path> partials() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }
}
