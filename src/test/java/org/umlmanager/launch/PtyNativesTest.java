package org.umlmanager.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtyNativesTest {

    @TempDir
    Path dir;

    @Test
    void baseDirectoryFollowsThePropertyThenUmlManagerHomeThenXdgCache() {
        Path home = Path.of("/home/u");
        assertThat(PtyNatives.baseDirectory("/x/pty4j", Map.of("UML_MANAGER_HOME", "/m"), home))
                .isEqualTo(Path.of("/x/pty4j"));
        assertThat(PtyNatives.baseDirectory(null, Map.of("UML_MANAGER_HOME", "/m", "XDG_CACHE_HOME", "/c"), home))
                .isEqualTo(Path.of("/m/cache/pty4j"));
        assertThat(PtyNatives.baseDirectory(" ", Map.of("XDG_CACHE_HOME", "/c"), home))
                .isEqualTo(Path.of("/c/uml-manager/pty4j"));
        assertThat(PtyNatives.baseDirectory(null, Map.of("XDG_CACHE_HOME", "relative"), home))
                .isEqualTo(Path.of("/home/u/.cache/uml-manager/pty4j"));
    }

    @Test
    void unpacksOnceAndReusesTheFile() throws Exception {
        var parentMode = Files.getPosixFilePermissions(dir.getParent());
        var baseMode = Files.getPosixFilePermissions(dir);
        Path folder = PtyNatives.unpack(dir);
        // Its own folders are private; the base it was given, and what holds that, are left as they were.
        assertThat(Files.getPosixFilePermissions(dir.getParent())).isEqualTo(parentMode);
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(baseMode);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
        List<Path> files = files(dir);
        assertThat(files).singleElement().satisfies(p -> {
            assertThat(p.getParent().getParent().getParent()).isEqualTo(folder);
            assertThat(p.getFileName().toString()).isEqualTo("libpty.so");
            // An ELF shared object, complete.
            assertThat(Files.readAllBytes(p)).startsWith(0x7f, 'E', 'L', 'F');
        });
        FileTime first = Files.getLastModifiedTime(files.get(0));
        Files.setLastModifiedTime(files.get(0), FileTime.fromMillis(first.toMillis() - 60_000));
        FileTime aged = Files.getLastModifiedTime(files.get(0));
        assertThat(PtyNatives.unpack(dir)).isEqualTo(folder);
        assertThat(Files.getLastModifiedTime(files.get(0))).as("not written again").isEqualTo(aged);
    }

    @Test
    void replacesATruncatedLibrary() throws Exception {
        PtyNatives.unpack(dir);
        Path library = files(dir).get(0);
        long size = Files.size(library);
        Files.write(library, new byte[10]);
        PtyNatives.unpack(dir);
        assertThat(Files.size(library)).isEqualTo(size);
        assertThat(files(dir)).containsExactly(library);
    }

    @Test
    void processesStartingTogetherAllGetTheWholeFile() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Path>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> PtyNatives.unpack(dir));
            }
            List<Path> folders = new ArrayList<>();
            for (Future<Path> f : pool.invokeAll(tasks)) {
                folders.add(f.get());
            }
            assertThat(folders).containsOnly(folders.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(files(dir)).as("one library, no partial files left").hasSize(1);
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
