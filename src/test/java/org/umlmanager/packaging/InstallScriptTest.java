package org.umlmanager.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.testing.UmlKernel;

/**
 * packaging/install.sh over an application directory laid out as the build lays out
 * target/uml-manager: the launcher is linked onto the prefix's bin, the menu entry is valid and
 * runs that launcher by its full path, the icons land in the hicolor theme, and the installed
 * launcher finds its application through the link. Uninstalling removes exactly that.
 */
class InstallScriptTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void installsAMenuEntryAndALauncherThatFindsItsApplicationAndUninstallsThemAgain() throws Exception {
        Path app = buildLayout(tmp.resolve("build/uml-manager"));
        Path prefix = tmp.resolve("home/.local");
        Path fakeJdk = fakeJava(tmp.resolve("jdk"));

        Run install = run(List.of("sh", app.resolve("install.sh").toString(), "--prefix", prefix.toString()), Map.of());

        assertThat(install.status()).as(install.output()).isZero();
        Path link = prefix.resolve("bin/uml-manager");
        Path installed = prefix.resolve("lib/uml-manager");
        assertThat(link).isSymbolicLink();
        assertThat(link.toRealPath()).isEqualTo(installed.resolve("bin/uml-manager").toRealPath());
        assertThat(installed.resolve("install.sh")).doesNotExist();
        Path desktop = prefix.resolve("share/applications/uml-manager.desktop");
        assertThat(Files.readAllLines(desktop)).contains("Exec=" + link, "Icon=uml-manager", "Terminal=false");
        Path validator = UmlKernel.requireTool("desktop-file-validate", "apt-get install desktop-file-utils");
        Run valid = run(List.of(validator.toString(), desktop.toString()), Map.of());
        assertThat(valid.status()).as(valid.output()).isZero();
        for (String icon : List.of("64x64/apps/uml-manager.png", "256x256/apps/uml-manager.png",
                "scalable/apps/uml-manager.svg")) {
            assertThat(prefix.resolve("share/icons/hicolor").resolve(icon)).isNotEmptyFile();
        }

        // The launcher, run through the link from anywhere, hands the installed directory to Java.
        Run launched = run(List.of(link.toString(), "list"), Map.of("JAVA_HOME", fakeJdk.toString()));
        assertThat(launched.status()).as(launched.output()).isZero();
        // The jars in byte order of their names, the same on every file system (a class-data cache
        // records the class path).
        Path jars = installed.toRealPath().resolve("lib");
        assertThat(launched.output()).contains("-Dumlmanager.appdir=" + installed.toRealPath(),
                "-cp " + jars.resolve("Z-upper.jar") + ":" + jars.resolve("a-lower.jar") + ":"
                        + jars.resolve("uml-manager.jar") + " org.umlmanager.Main list");
        // Without a runtime of its own, no class-data cache is asked for; JVM warnings go to stderr.
        assertThat(launched.output()).doesNotContain("AOTCache").contains("-Xlog:disable -Xlog:all=warning:stderr");

        // Installing again replaces the application and leaves one copy.
        assertThat(run(List.of("sh", app.resolve("install.sh").toString(), "--prefix", prefix.toString()), Map.of())
                .status()).isZero();
        try (Stream<Path> lib = Files.list(prefix.resolve("lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString())).containsExactly("uml-manager");
        }

        Run uninstall = run(List.of("sh", installedScript(app).toString(), "--prefix", prefix.toString(),
                "--uninstall"), Map.of());
        assertThat(uninstall.status()).as(uninstall.output()).isZero();
        // The desktop's own menu and icon caches, refreshed by the script, stay.
        assertThat(files(prefix)).allMatch(p -> p.getFileName().toString().endsWith(".cache"));
    }

    @Test
    void refusesToReplaceAFileThatIsNotItsLinkAndRunsOnlyFromABuiltApplication() throws Exception {
        Path app = buildLayout(tmp.resolve("build/uml-manager"));
        Path prefix = tmp.resolve("prefix");
        Path mine = Files.createDirectories(prefix.resolve("bin")).resolve("uml-manager");
        Files.writeString(mine, "#!/bin/sh\necho mine\n");

        Run refused = run(List.of("sh", app.resolve("install.sh").toString(), "--prefix", prefix.toString()), Map.of());

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.output()).contains(mine + " exists and is not UML Manager's link; move it away first");
        assertThat(Files.readString(mine)).contains("echo mine");
        assertThat(prefix.resolve("lib")).doesNotExist();

        Run unbuilt = run(List.of("sh", PROJECT.resolve("packaging/install.sh").toString(), "--prefix",
                tmp.resolve("p2").toString()), Map.of());
        assertThat(unbuilt.status()).isEqualTo(1);
        assertThat(unbuilt.output()).contains("run the install.sh inside target/uml-manager");
    }

    /** The uninstall works from a copy of the script anywhere; the one in the build is at hand. */
    private static Path installedScript(Path app) {
        return app.resolve("install.sh");
    }

    /** What the build's package phase copies into target/uml-manager (see pom.xml), with a stand-in jar. */
    private static Path buildLayout(Path app) throws IOException {
        copyTree(PROJECT.resolve("packaging/bin"), app.resolve("bin"));
        copyTree(PROJECT.resolve("packaging/share"), app.resolve("share"));
        copyTree(PROJECT.resolve("icons"), app.resolve("share/icons"));
        Files.copy(PROJECT.resolve("packaging/install.sh"), app.resolve("install.sh"));
        Files.createDirectories(app.resolve("lib"));
        for (String jar : List.of("uml-manager.jar", "a-lower.jar", "Z-upper.jar")) {
            Files.writeString(app.resolve("lib").resolve(jar), "stand-in");
        }
        Files.setPosixFilePermissions(app.resolve("bin/uml-manager"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return app;
    }

    /** A JAVA_HOME whose java prints the command line it was given. */
    private static Path fakeJava(Path home) throws IOException {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !Files.isDirectory(p)).toList();
        }
    }

    private record Run(int status, String output) {
    }

    private Run run(List<String> argv, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(argv)).redirectErrorStream(true)
                .directory(tmp.toFile());
        pb.environment().putAll(env);
        pb.environment().put("HOME", tmp.resolve("home").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(argv + " did not finish: " + out);
        }
        return new Run(p.exitValue(), out);
    }
}
