package org.umlmanager.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.List;
import org.umlmanager.model.Instance;

/**
 * The machine-readable form of instances for scripts ({@code uml-manager show --json}): the same
 * document as the instance files, so that one format is documented and kept stable.
 */
public final class InstanceJson {

    private InstanceJson() {
    }

    /** One instance as its file document, {@code name} included. */
    public static String of(Instance instance) {
        return InstanceCodec.encodeText(instance);
    }

    /** {@code {"instances": [documents…], "problems": [{"file", "message", "movedTo", "loaded"}…]}}. */
    public static String of(LoadReport report) {
        List<InstanceDocument> instances = report.instances().stream()
                .map(i -> InstanceMapper.toDocument(i, InstanceCodec.SCHEMA_VERSION)).toList();
        List<ProblemDocument> problems = report.problems().stream().map(p -> new ProblemDocument(p.file().toString(),
                p.message(), p.movedTo().map(Object::toString).orElse(null), p.loaded())).toList();
        try {
            return InstanceCodec.MAPPER.writeValueAsString(new ListingDocument(instances, problems)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise the instance list", e);
        }
    }

    private record ListingDocument(List<InstanceDocument> instances, List<ProblemDocument> problems) {
    }

    private record ProblemDocument(String file, String message, String movedTo, boolean loaded) {
    }
}
