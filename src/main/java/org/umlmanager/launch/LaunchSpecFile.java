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
import java.util.Optional;
import java.util.Properties;

/**
 * The {@link LaunchSpec} a running guest was started with, kept beside its session file: a
 * supervisor that finds a guest whose supervisor died needs it to take the guest over (its lines,
 * log directory, notify socket). Java properties, written like the session file; removed when
 * the guest ends. Stateless.
 */
public final class LaunchSpecFile {

    private LaunchSpecFile() {
    }

    public static void write(Path file, LaunchSpec spec) throws IOException {
        Properties p = new Properties();
        p.setProperty("name", spec.name());
        p.setProperty("umid", spec.umid());
        p.setProperty("umlDir", spec.umlDir().toString());
        list(p, "argv", spec.argv());
        List<String> env = new ArrayList<>();
        spec.environment().forEach((k, v) -> {
            env.add(k);
            env.add(v);
        });
        list(p, "env", env);
        p.setProperty("workingDirectory", spec.workingDirectory().toString());
        spec.ptyLine().ifPresent(l -> p.setProperty("ptyLine", l));
        list(p, "pts", spec.ptsLines());
        p.setProperty("logDirectory", spec.logDirectory().toString());
        p.setProperty("session", spec.session().directory().toString());
        StringWriter text = new StringWriter();
        p.store(text, "UML Manager launch spec");
        SessionFile.writeAtomically(file, text.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The spec in {@code file}; empty if there is none or it cannot be read. */
    public static Optional<LaunchSpec> read(Path file) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
            List<String> envList = list(p, "env");
            Map<String, String> env = new LinkedHashMap<>();
            for (int i = 0; i + 1 < envList.size(); i += 2) {
                env.put(envList.get(i), envList.get(i + 1));
            }
            return Optional.of(new LaunchSpec(required(p, "name"), required(p, "umid"),
                    Path.of(required(p, "umlDir")), list(p, "argv"), env, Path.of(required(p, "workingDirectory")),
                    Optional.ofNullable(p.getProperty("ptyLine")), list(p, "pts"),
                    Path.of(required(p, "logDirectory")), new SessionPaths(Path.of(required(p, "session")))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void list(Properties p, String key, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            p.setProperty(key + "." + i, values.get(i));
        }
    }

    private static List<String> list(Properties p, String key) {
        List<String> values = new ArrayList<>();
        for (int i = 0; p.containsKey(key + "." + i); i++) {
            values.add(p.getProperty(key + "." + i));
        }
        return values;
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return v;
    }
}
