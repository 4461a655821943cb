package org.umlmanager.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.umlmanager.model.Lab;

/** Labs for scripts ({@code lab list --json}): the same documents as the lab files. */
public final class LabJson {

    private LabJson() {
    }

    /** One lab as its file document. */
    public static String of(Lab lab) {
        return new String(LabCodec.encode(lab), StandardCharsets.UTF_8).strip();
    }

    /** {@code {"labs": [documents…], "problems": [{"file", "message", "movedTo", "loaded"}…]}}. */
    public static String of(LabLoadReport report) {
        List<LabDocument> labs = report.labs().stream().map(l -> LabMapper.toDocument(l, LabCodec.SCHEMA_VERSION))
                .toList();
        List<ProblemDocument> problems = report.problems().stream().map(p -> new ProblemDocument(p.file().toString(),
                p.message(), p.movedTo().map(Object::toString).orElse(null), p.loaded())).toList();
        try {
            return InstanceCodec.MAPPER.writeValueAsString(new ListingDocument(labs, problems));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise the lab list", e);
        }
    }

    private record ListingDocument(List<LabDocument> labs, List<ProblemDocument> problems) {
    }

    private record ProblemDocument(String file, String message, String movedTo, boolean loaded) {
    }
}
