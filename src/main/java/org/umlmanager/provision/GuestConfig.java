package org.umlmanager.provision;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.umlmanager.model.AgentLine;
import org.umlmanager.model.ConsoleChannel;
import org.umlmanager.model.ConsoleLine;
import org.umlmanager.model.LineSpec;

/**
 * What the guest setup writes into a new root filesystem.
 *
 * @param hostname      the guest's host name
 * @param rootPassword  root's password hash; empty means the login prompts log root in without one
 * @param networks      interfaces the guest brings up at boot
 * @param consoles      the instance's console lines; every line a person can reach gets a login prompt
 * @param rootDevice    the guest device of the root filesystem, {@code /dev/ubda}
 * @param kernelModules the host directory of the kernel's modules ({@code /usr/lib/uml/modules/6.1.176}),
 *                      copied to {@code /lib/modules/<its name>}; empty copies none
 * @param agent         the serial line to run the command agent of {@code uml-manager exec} on; it gets no
 *                      login prompt. Empty installs no agent
 */
public record GuestConfig(String hostname, Optional<PasswordHash> rootPassword, List<GuestNetwork> networks,
                          List<ConsoleLine> consoles, String rootDevice, Optional<Path> kernelModules,
                          Optional<AgentLine> agent) {

    public static final String DEFAULT_ROOT_DEVICE = "/dev/ubda";
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    public GuestConfig {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(rootPassword, "rootPassword");
        Objects.requireNonNull(rootDevice, "rootDevice");
        Objects.requireNonNull(kernelModules, "kernelModules");
        Objects.requireNonNull(agent, "agent");
        hostnameProblem(hostname).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        networks = List.copyOf(networks);
        consoles = List.copyOf(consoles);
    }

    /** Without the command agent. */
    public GuestConfig(String hostname, Optional<PasswordHash> rootPassword, List<GuestNetwork> networks,
                       List<ConsoleLine> consoles, String rootDevice, Optional<Path> kernelModules) {
        this(hostname, rootPassword, networks, consoles, rootDevice, kernelModules, Optional.empty());
    }

    /** Why {@code name} cannot be a host name, or empty when it can. */
    public static Optional<String> hostnameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("the host name is empty; give one such as 'debian1'");
        }
        if (name.length() > 253) {
            return Optional.of("the host name is longer than 253 characters");
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("'" + name + "' is not a valid host name; use letters, digits and '-'"
                        + " (not first or last), parts of at most 63 characters separated by '.'");
            }
        }
        return Optional.empty();
    }

    /** A host name made from an instance name: '_' becomes '-', anything else unusable is dropped. */
    public static String hostnameFor(String instanceName) {
        String h = instanceName.replace('_', '-').replaceAll("[^A-Za-z0-9.-]", "")
                .replaceAll("\\.{2,}", ".").replaceAll("(^[.-]+)|([.-]+$)", "");
        if (h.length() > 63) {
            h = h.substring(0, 63).replaceAll("[.-]+$", "");
        }
        return h.isEmpty() ? "uml" : h;
    }

    /** The console and serial lines that get a login prompt: those with an index whose channel a person can reach. */
    public List<ConsoleLine> loginLines() {
        return consoles.stream().filter(c -> c.index().isPresent() && reachable(c.spec()))
                .filter(c -> agent.map(a -> !a.name().equals(c.name())).orElse(true)).toList();
    }

    private static boolean reachable(LineSpec spec) {
        if (spec instanceof LineSpec.Single s) {
            return !(s.channel() instanceof ConsoleChannel.Null);
        }
        if (spec instanceof LineSpec.Split s) {
            return !(s.input() instanceof ConsoleChannel.Null) && !(s.output() instanceof ConsoleChannel.Null);
        }
        return false;
    }
}
