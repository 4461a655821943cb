package org.umlmanager.network;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.umlmanager.mconsole.MconsoleAddress;
import org.umlmanager.mconsole.MconsoleClient;
import org.umlmanager.mconsole.MconsoleException;
import org.umlmanager.mconsole.MconsoleReply;

/**
 * Plugs a guest into a restarted switch through its mconsole: {@code remove ethN} and
 * {@code config ethN=…} again, which makes the kernel connect to the new switch. The kernel refuses
 * to remove an interface that is up, so in a guest with UML Manager's agent the interface is first
 * taken down ({@code ifdown}, then {@code ip link set … down}) and afterwards brought up with its
 * configuration ({@code ifup}: DHCP or the static address UML Manager wrote); a guest without the
 * agent is only replugged if its interface is down, and otherwise told why not.
 */
public final class MconsoleReplug implements Replug {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final Optional<GuestShell> shell;

    public MconsoleReplug(Optional<GuestShell> shell) {
        this.shell = shell;
    }

    @Override
    public Outcome replug(GuestRegistration guest) {
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try (MconsoleClient mconsole = new MconsoleClient(MconsoleAddress.ofSocket(guest.mconsoleSocket()))) {
            for (String config : guest.devices()) {
                String device = deviceOf(config);
                Optional<String> why = replug(guest, mconsole, device, config);
                if (why.isEmpty()) {
                    done.add(device);
                } else {
                    failed.add(device + ": " + why.get());
                }
            }
        } catch (MconsoleException | RuntimeException e) {
            return new Outcome(false, guest.instance() + " was not plugged in again: its mconsole did not answer ("
                    + e.getMessage() + "); restart it to reconnect it");
        }
        if (failed.isEmpty()) {
            return new Outcome(true, guest.instance() + " plugged in again (" + String.join(", ", done) + ")");
        }
        return new Outcome(false, guest.instance() + " was not plugged in again (" + String.join("; ", failed)
                + "); restart it to reconnect it");
    }

    private Optional<String> replug(GuestRegistration guest, MconsoleClient mconsole, String device, String config)
            throws MconsoleException {
        MconsoleReply removed = mconsole.remove(device);
        boolean wasUp = false;
        if (!removed.ok() && removed.text().contains("currently open")) {
            if (shell.isEmpty() || guest.agent().isEmpty()) {
                return Optional.of("the interface is up and the guest has no UML Manager agent to take it down");
            }
            Optional<String> down = inGuest(guest, List.of("sh", "-c", "ifdown " + device + " >/dev/null 2>&1;"
                    + " ip link set " + device + " down"));
            if (down.isPresent()) {
                return down;
            }
            wasUp = true;
            removed = mconsole.remove(device);
        }
        if (!removed.ok() && !removed.text().contains("doesn't exist")) {
            return Optional.of("the kernel refused to remove it: " + removed.text());
        }
        // As on the command line: ethN=… and vecN:…, which mconsole's config takes the same way.
        MconsoleReply added = mconsole.send("config " + config);
        if (!added.ok()) {
            return Optional.of("the kernel refused to configure it again: " + added.text());
        }
        if (wasUp) {
            return inGuest(guest, List.of("sh", "-c", "ifup " + device + " >/dev/null 2>&1 || ip link set " + device
                    + " up"));
        }
        return Optional.empty();
    }

    /** {@code eth0} of {@code eth0=vde,…}, {@code vec1} of {@code vec1:transport=…}. */
    static String deviceOf(String config) {
        int end = 0;
        while (end < config.length() && config.charAt(end) != '=' && config.charAt(end) != ':') {
            end++;
        }
        return config.substring(0, end);
    }

    private Optional<String> inGuest(GuestRegistration guest, List<String> argv) {
        try {
            GuestShell.Result r = shell.get().run(guest, argv, COMMAND_TIMEOUT);
            return r.status() == 0 ? Optional.empty()
                    : Optional.of("'" + String.join(" ", argv) + "' failed in the guest (" + r.status() + "): "
                    + r.output().strip());
        } catch (Exception e) {
            return Optional.of("its agent could not be reached (" + e.getMessage() + ")");
        }
    }
}
