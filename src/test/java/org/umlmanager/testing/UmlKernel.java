package org.umlmanager.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real UML kernel for tests. Without one, tests are skipped with a loud reason on a
 * developer machine, and fail under {@code CI=true}: CI must never go green without booting.
 */
public final class UmlKernel {

    private UmlKernel() {
    }

    /** The kernel binary: {@code UML_KERNEL} if set, else {@code linux} on PATH, else /usr/bin/linux. */
    public static Optional<Path> find() {
        String env = System.getenv("UML_KERNEL");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        return findOnPath("linux").or(() -> Optional.of(Path.of("/usr/bin/linux")).filter(Files::isExecutable));
    }

    /** The kernel, or skip/fail the calling test as described in the class comment. */
    public static Path require() {
        return requireTool("linux", find(), "apt-get install user-mode-linux");
    }

    /** {@code busybox} from busybox-static (the only one guaranteed to run inside a guest). */
    public static Path requireBusybox() {
        Optional<Path> bb = Optional.of(Path.of("/bin/busybox")).filter(Files::isExecutable)
                .or(() -> findOnPath("busybox"));
        return requireTool("busybox", bb, "apt-get install busybox-static");
    }

    public static Path requireMkfsExt4() {
        Optional<Path> mkfs = findOnPath("mkfs.ext4").or(() -> Optional.of(Path.of("/sbin/mkfs.ext4"))
                .filter(Files::isExecutable));
        return requireTool("mkfs.ext4", mkfs, "apt-get install e2fsprogs");
    }

    /** A host tool a test needs (uml_mconsole, uml_moo, …), with the same skip/fail rule. */
    public static Path requireTool(String name, Optional<Path> found, String install) {
        if (found.isPresent()) {
            return found.get();
        }
        String reason = name + " is not installed (" + install + "); this test needs it";
        if (isCi()) {
            fail("CI=true and " + reason);
        }
        System.err.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    public static Path requireTool(String name, String install) {
        return requireTool(name, findOnPath(name), install);
    }

    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static Optional<Path> findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, command);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        for (String dir : new String[] {"/usr/sbin", "/sbin"}) {
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
