package org.umlmanager.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Conversions between the model's optionals and the documents' nullable fields. */
final class Nullables {

    private Nullables() {
    }

    static <T> T orNull(Optional<T> value) {
        return value.orElse(null);
    }

    static Integer orNull(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    static Long orNull(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    static <T> Optional<T> opt(T value) {
        return Optional.ofNullable(value);
    }

    static OptionalInt optInt(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    static OptionalLong optLong(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : value;
    }

    /** The list, empty if absent; a null element is the file's mistake, reported with its index. */
    static <T> List<T> elements(List<T> value, String path) throws DocumentFormatException {
        List<T> list = list(value);
        for (int i = 0; i < list.size(); i++) {
            require(list.get(i), path + "[" + i + "]");
        }
        return list;
    }

    /** The map, empty if absent; a null value is the file's mistake, reported with its key. */
    static Map<String, String> entries(Map<String, String> value, String path) throws DocumentFormatException {
        if (value == null) {
            return Map.of();
        }
        for (Map.Entry<String, String> e : value.entrySet()) {
            require(e.getValue(), path + "." + e.getKey());
        }
        return value;
    }

    static <T> T require(T value, String path) throws DocumentFormatException {
        if (value == null) {
            throw new DocumentFormatException("required field '" + path + "' is missing");
        }
        return value;
    }
}
