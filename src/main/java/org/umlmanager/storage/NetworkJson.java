package org.umlmanager.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.List;
import org.umlmanager.model.Network;

/**
 * Networks for scripts ({@code uml-manager network show --json}): the network's file document
 * under {@code network}, beside what its processes are doing now.
 */
public final class NetworkJson {

    private NetworkJson() {
    }

    /**
     * A network's processes as {@code network show} reports them.
     *
     * @param state     running, restarting, stopped, failed, …
     * @param reason    why it stopped or failed, empty otherwise
     * @param pinned    started on its own
     * @param guests    the running guests on it
     * @param users     the instances configured with an interface on it
     * @param switchDir the socket directory guests plug into (null for host devices)
     * @param events    the newest events, oldest first
     */
    public record Runtime(String state, String reason, boolean pinned, List<String> guests, List<String> users,
                          String switchDir, List<String> events) {
    }

    public static String of(Network network, Runtime runtime) {
        try {
            return InstanceCodec.MAPPER.writeValueAsString(entry(network, runtime)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise network " + network.name(), e);
        }
    }

    /** {@code {"networks": [entries…], "problems": [{"file", "message", "movedTo", "loaded"}…]}}. */
    public static String of(List<Network> networks, List<Runtime> runtimes, List<LoadProblem> problems) {
        List<Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            entries.add(entry(networks.get(i), runtimes.get(i)));
        }
        List<ProblemDocument> problemDocs = problems.stream().map(p -> new ProblemDocument(p.file().toString(),
                p.message(), p.movedTo().map(Object::toString).orElse(null), p.loaded())).toList();
        try {
            return InstanceCodec.MAPPER.writeValueAsString(new Listing(entries, problemDocs)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise the network list", e);
        }
    }

    private static Entry entry(Network network, Runtime runtime) {
        return new Entry(NetworkFileMapper.toDocument(network, NetworkCodec.SCHEMA_VERSION), runtime);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Entry(NetworkFileDocument network, @JsonUnwrapped Runtime runtime) {
    }

    private record Listing(List<Entry> networks, List<ProblemDocument> problems) {
    }

    private record ProblemDocument(String file, String message, String movedTo, boolean loaded) {
    }
}
