package org.umlmanager.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.umlmanager.model.Network;

/**
 * Saved networks as bytes, read as strictly as instances (an unknown field or type makes the file
 * unreadable rather than losing it on the next save). Their {@code schemaVersion} counts on its
 * own: the network format and the instance format change independently. Thread-safe.
 */
final class NetworkCodec {

    /** Bumped for every change of the network file format, additions included. */
    static final int SCHEMA_VERSION = 1;

    private NetworkCodec() {
    }

    static byte[] encode(Network network) {
        return encodeText(network).getBytes(StandardCharsets.UTF_8);
    }

    static String encodeText(Network network) {
        try {
            return InstanceCodec.MAPPER.writerFor(NetworkFileDocument.class)
                    .writeValueAsString(NetworkFileMapper.toDocument(network, SCHEMA_VERSION)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialise network " + network.name(), e);
        }
    }

    /** What a network file's bytes are; {@code name} comes from the file name. */
    static Decoded<Network> decode(byte[] bytes, String name) {
        JsonNode tree;
        try {
            tree = InstanceCodec.MAPPER.readTree(bytes);
        } catch (IOException e) {
            return new Decoded.Corrupt<>(InstanceCodec.describe(e));
        }
        if (tree == null || !tree.isObject()) {
            return new Decoded.Corrupt<>("not a JSON object");
        }
        JsonNode version = tree.get(InstanceCodec.VERSION_FIELD);
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
            return new Decoded.Corrupt<>("'" + InstanceCodec.VERSION_FIELD
                    + "' is missing or not a positive whole number");
        }
        if (version.intValue() > SCHEMA_VERSION) {
            return new Decoded.Newer<>(version.intValue());
        }
        try {
            NetworkFileDocument doc = InstanceCodec.MAPPER.readValue(bytes, NetworkFileDocument.class);
            List<String> warnings = new ArrayList<>();
            if (doc.name() != null && !doc.name().equals(name)) {
                warnings.add("the file says its name is '" + doc.name() + "'; the file name '" + name + "' wins");
            }
            return new Decoded.Readable<>(NetworkFileMapper.toModel(doc, name), warnings);
        } catch (IOException e) {
            return new Decoded.Corrupt<>(InstanceCodec.describe(e));
        } catch (DocumentFormatException e) {
            return new Decoded.Corrupt<>(e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Decoded.Corrupt<>("invalid value: " + e.getMessage());
        }
    }
}
