package org.umlmanager.network;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.umlmanager.agent.AgentClient;
import org.umlmanager.launch.ConsoleStream;
import org.umlmanager.launch.SupervisorClient;

/**
 * {@link GuestShell} through the guest's agent, reached on its line through the supervisor that
 * serves the guest's lines (the registration names the supervisor's socket).
 */
public final class AgentShell implements GuestShell {

    /** How long a guest's agent may take to answer at all. */
    private static final Duration AGENT_WAIT = Duration.ofSeconds(20);

    @Override
    public Result run(GuestRegistration guest, List<String> argv, Duration timeout) throws Exception {
        GuestRegistration.AgentAccess access = guest.agent().orElseThrow(() -> new IllegalStateException(
                guest.instance() + " has no UML Manager agent"));
        SupervisorClient client = SupervisorClient.connect(access.supervisorSocket(), "network-keeper");
        try {
            client.open(guest.instance()).get(SupervisorClient.HELLO_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            client.close();
            throw e;
        }
        try (ConsoleStream stream = client.attach(access.line())) {
            AgentClient.Result r = AgentClient.run(stream, argv, Optional.of(timeout), AGENT_WAIT);
            return new Result(r.status(), new String(r.stdout(), StandardCharsets.UTF_8)
                    + new String(r.stderr(), StandardCharsets.UTF_8));
        }
    }
}
