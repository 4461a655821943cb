package org.umlmanager.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.umlmanager.mconsole.MconsoleClient;
import org.umlmanager.mconsole.MconsoleException;
import org.umlmanager.mconsole.MconsoleReply;

/**
 * {@code proc meminfo} of running guests for the usage sampler, asked of each guest's mconsole
 * socket directly with a client kept open per guest: a read-only request needs no holder in
 * between (through the holder it cost the holder and the app each as much CPU again as the
 * request itself). Blocking: call from the sampler's thread. Thread-safe.
 */
public final class GuestMeminfo implements AutoCloseable {

    /** A guest that does not answer in this time is reported without memory this time. */
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final GuestRuntime runtime;
    private final Map<String, MconsoleClient> clients = new ConcurrentHashMap<>();

    public GuestMeminfo(GuestRuntime runtime) {
        this.runtime = runtime;
    }

    /** The guest's meminfo; a client that failed is dropped (the guest may have ended or rebooted). */
    public CompletableFuture<MconsoleReply> read(String name) {
        try {
            MconsoleClient client = clients.get(name);
            if (client == null) {
                MconsoleClient found = runtime.mconsole(name).join();
                client = new MconsoleClient(found.address(), TIMEOUT);
                found.close();
                clients.put(name, client);
            }
            return CompletableFuture.completedFuture(client.proc("meminfo"));
        } catch (MconsoleException | CompletionException | IllegalStateException e) {
            MconsoleClient dead = clients.remove(name);
            if (dead != null) {
                dead.close();
            }
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        clients.values().forEach(MconsoleClient::close);
        clients.clear();
    }
}
