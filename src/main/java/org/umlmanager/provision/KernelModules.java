package org.umlmanager.provision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.umlmanager.job.HostTools;

/** Finds the modules directory that the host's UML kernel package installed for a kernel binary. */
final class KernelModules {

    static final Path HOST_MODULES = Path.of("/usr/lib/uml/modules");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+[\\w.+~-]*");

    private KernelModules() {
    }

    /** The kernel binary: a path as given, else looked up on PATH like the launcher does. */
    static Optional<Path> resolveKernel(String kernel) {
        if (kernel.contains("/")) {
            Path p = Path.of(kernel);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        return HostTools.find(kernel);
    }

    /** {@code /usr/lib/uml/modules/<version>} for the kernel's {@code --version}, if it is there. */
    static Optional<Path> find(String kernel, CommandRunner runner) throws ProvisionException {
        Optional<Path> binary = resolveKernel(kernel);
        if (binary.isEmpty()) {
            runner.listener().log("Kernel '" + kernel + "' not found: no modules copied");
            return Optional.empty();
        }
        String version = runner.captureQuietly("kernel --version", List.of(binary.get().toString(), "--version"))
                .strip();
        if (!VERSION.matcher(version).matches()) {
            runner.listener().log("Kernel " + binary.get() + " printed no version: no modules copied");
            return Optional.empty();
        }
        Path dir = HOST_MODULES.resolve(version);
        if (!Files.isDirectory(dir)) {
            runner.listener().log("No modules for kernel " + version + " in " + HOST_MODULES + ": none copied");
            return Optional.empty();
        }
        return Optional.of(dir);
    }
}
