package org.umlmanager.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.umlmanager.model.Instance;

/**
 * Instance documents as bytes. Reading is strict: an unknown field, an unknown {@code type} or a
 * value of the wrong kind makes the whole document unreadable rather than silently dropping what
 * the user wrote. Thread-safe.
 */
final class InstanceCodec {

    /**
     * Bumped for every change of the format, additions included (see docs/DESIGN.md). Version 2
     * added interfaces that name a saved network ({@code "type": "network"}) and {@code agent};
     * version 1 files read as they are.
     */
    static final int SCHEMA_VERSION = 2;
    static final String VERSION_FIELD = "schemaVersion";

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private InstanceCodec() {
    }

    static byte[] encode(Instance instance) {
        return encodeText(instance).getBytes(StandardCharsets.UTF_8);
    }

    static String encodeText(Instance instance) {
        try {
            return MAPPER.writeValueAsString(InstanceMapper.toDocument(instance, SCHEMA_VERSION)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise instance " + instance.name(), e);
        }
    }

    /** Reads a document; {@code name} is the instance's name as given by its file name. */
    static Decoded<Instance> decode(byte[] bytes, String name) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (IOException e) {
            return new Decoded.Corrupt<>(describe(e));
        }
        if (tree == null || !tree.isObject()) {
            return new Decoded.Corrupt<>("not a JSON object");
        }
        JsonNode version = tree.get(VERSION_FIELD);
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            return new Decoded.Corrupt<>("'" + VERSION_FIELD + "' is missing or not a positive whole number");
        }
        if (version.intValue() > SCHEMA_VERSION) {
            return new Decoded.Newer<>(version.intValue());
        }
        try {
            // Parsed again from the bytes, not the tree, so that errors carry line numbers.
            InstanceDocument doc = MAPPER.readValue(bytes, InstanceDocument.class);
            List<String> warnings = new ArrayList<>();
            if (doc.name() != null && !doc.name().equals(name)) {
                warnings.add("the file says its name is '" + doc.name() + "'; the file name '" + name
                        + "' wins");
            }
            return new Decoded.Readable<>(InstanceMapper.toModel(doc, name), warnings);
        } catch (IOException e) {
            return new Decoded.Corrupt<>(describe(e));
        } catch (DocumentFormatException e) {
            return new Decoded.Corrupt<>(e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            // The model's own checks (a negative size, a null list element): still the file's fault.
            return new Decoded.Corrupt<>("invalid value: " + e.getMessage());
        }
    }

    /** One line naming what is wrong and where, without Jackson's class names. */
    static String describe(IOException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'" + at(u);
        }
        if (e instanceof InvalidTypeIdException t) {
            return t.getTypeId() == null ? "missing 'type'" + at(t)
                    : "unknown type '" + t.getTypeId() + "'" + at(t);
        }
        if (e instanceof InvalidFormatException f) {
            return "invalid value '" + f.getValue() + "'" + at(f);
        }
        if (e instanceof JsonMappingException m && m.getOriginalMessage().startsWith("Trailing token")) {
            return "not valid JSON: more text after the end of the object" + at(m);
        }
        if (e instanceof JsonMappingException m) {
            return "value of the wrong kind" + at(m);
        }
        if (e instanceof JsonParseException p) {
            JsonLocation loc = p.getLocation();
            return "not valid JSON at line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": "
                    + p.getOriginalMessage().lines().findFirst().orElse("");
        }
        return "cannot be read: " + e.getMessage();
    }

    private static String at(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            }
        }
        JsonLocation loc = e.getLocation();
        String line = loc == null || loc.getLineNr() < 0 ? "" : " (line " + loc.getLineNr() + ")";
        return path.length() == 0 ? line : " at " + path + line;
    }
}
