package org.umlmanager.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.umlmanager.job.Cancellation;
import org.umlmanager.job.HostCommand;
import org.umlmanager.job.HostToolException;
import org.umlmanager.job.HostTools;

/**
 * Which VDE transport a UML kernel has: Linux up to 6.15 has the legacy {@code ethN=vde,DIR}
 * (Debian's 6.1 builds it in); 6.16 removed the legacy transports and has the vector
 * {@code vecN:transport=vde,vnl=vde://DIR} instead. Learned from the kernel's {@code --version}.
 *
 * @param version what the kernel printed, if anything
 * @param legacy  whether it has the legacy {@code ethN=} transports
 */
public record KernelTransports(Optional<String> version, boolean legacy) {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)[\\w.+~-]*");
    private static final Map<String, KernelTransports> CACHE = new ConcurrentHashMap<>();

    /** Debian's kernel: what a kernel that prints no version is taken for. */
    public static final KernelTransports LEGACY = new KernelTransports(Optional.empty(), true);

    /** What {@code kernel} (a path, or a command on PATH) has; cached by its path and modification time. */
    public static KernelTransports of(String kernel) {
        Optional<Path> binary = kernel.contains("/") ? Optional.of(Path.of(kernel)).filter(Files::isExecutable)
                : HostTools.find(kernel);
        if (binary.isEmpty()) {
            return LEGACY;
        }
        String key;
        try {
            Path real = binary.get().toRealPath();
            key = real + "@" + Files.getLastModifiedTime(real).toMillis();
        } catch (java.io.IOException e) {
            return LEGACY;
        }
        return CACHE.computeIfAbsent(key, k -> ask(binary.get()));
    }

    private static KernelTransports ask(Path binary) {
        try {
            List<String> out = HostCommand.of("kernel --version", List.of(binary.toString(), "--version"))
                    .timeout(Duration.ofSeconds(20)).quiet()
                    .run(stage -> { }, Cancellation.none()).stdout();
            return fromVersion(out.isEmpty() ? "" : out.get(0).strip());
        } catch (HostToolException e) {
            return LEGACY;
        }
    }

    /** From a version such as {@code 6.1.176}: legacy up to 6.15. */
    public static KernelTransports fromVersion(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            return LEGACY;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return new KernelTransports(Optional.of(version), major < 6 || (major == 6 && minor < 16));
    }
}
