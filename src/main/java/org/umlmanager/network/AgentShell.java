package org.umlmanager.network;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.umlmanager.agent.AgentClient;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.launch.HolderClient;

/**
 * {@link GuestShell} through the guest's agent, reached on its line through the holder that serves
 * the guest's lines (the registration names the holder's socket).
 */
public final class AgentShell implements GuestShell {

    /** How long a guest's agent may take to answer at all. */
    private static final Duration AGENT_WAIT = Duration.ofSeconds(20);

    @Override
    public Result run(GuestRegistration guest, List<String> argv, Duration timeout) throws Exception {
        GuestRegistration.AgentAccess access = guest.agent().orElseThrow(() -> new IllegalStateException(
                guest.instance() + " has no UML Manager agent"));
        try (ConsoleStream stream = HolderClient.connect(access.holderSocket(), "network-keeper")
                .attach(access.line())) {
            AgentClient.Result r = AgentClient.run(stream, argv, Optional.of(timeout), AGENT_WAIT);
            return new Result(r.status(), new String(r.stdout(), StandardCharsets.UTF_8)
                    + new String(r.stderr(), StandardCharsets.UTF_8));
        }
    }
}
