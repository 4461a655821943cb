package org.umlmanager.launch;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * What the supervisor's record files share: Java properties written atomically like the session
 * files ({@link SessionFile#writeAtomically}), with lists and maps spelled out as numbered keys.
 */
final class RecordFiles {

    private RecordFiles() {
    }

    static void store(Path file, Properties p, String comment) throws IOException {
        StringWriter text = new StringWriter();
        p.store(text, comment);
        SessionFile.writeAtomically(file, text.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
        return p;
    }

    static void list(Properties p, String key, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            p.setProperty(key + "." + i, values.get(i));
        }
    }

    static List<String> list(Properties p, String key) {
        List<String> values = new ArrayList<>();
        for (int i = 0; p.containsKey(key + "." + i); i++) {
            values.add(p.getProperty(key + "." + i));
        }
        return values;
    }

    /** A map as a list of alternating keys and values, in order. */
    static void map(Properties p, String key, Map<String, String> map) {
        List<String> flat = new ArrayList<>();
        map.forEach((k, v) -> {
            flat.add(k);
            flat.add(v);
        });
        list(p, key, flat);
    }

    static Map<String, String> map(Properties p, String key) {
        List<String> flat = list(p, key);
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put(flat.get(i), flat.get(i + 1));
        }
        return map;
    }

    static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return v;
    }

    static OptionalLong optionalLong(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v));
    }
}
