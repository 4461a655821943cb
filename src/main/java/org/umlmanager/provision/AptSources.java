package org.umlmanager.provision;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Debian mirror the host's apt already uses, read from /etc/apt/sources.list (one-line
 * format) and /etc/apt/sources.list.d/ ({@code *.list}, and {@code *.sources} in deb822
 * format). Using it means a new guest is installed from a mirror the host can reach.
 */
public final class AptSources {

    /** One {@code deb} entry: its archive URIs and suites. */
    record Entry(List<String> uris, List<String> suites) {
    }

    private AptSources() {
    }

    /** The host's mirror for {@code suite}: see {@link #pick}. */
    public static Optional<String> hostMirror(String suite) {
        return pick(read(Path.of("/etc/apt")), suite);
    }

    /**
     * The best mirror for {@code suite}: an entry that lists the suite itself, else a Debian
     * main archive (not the security archive, which holds only updates).
     */
    static Optional<String> pick(List<Entry> entries, String suite) {
        for (Entry e : entries) {
            if (e.suites().contains(suite) && !e.uris().isEmpty() && !isSecurity(e)) {
                return Optional.of(e.uris().get(0));
            }
        }
        for (Entry e : entries) {
            for (String uri : e.uris()) {
                String u = uri.replaceAll("/+$", "").toLowerCase(Locale.ROOT);
                if (u.endsWith("/debian") && !isSecurity(e)) {
                    return Optional.of(uri);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isSecurity(Entry e) {
        return e.uris().stream().anyMatch(u -> u.contains("debian-security"))
                || e.suites().stream().anyMatch(s -> s.endsWith("-security") || s.endsWith("/updates"));
    }

    /** The {@code deb} entries under an apt configuration directory, in apt's reading order. */
    static List<Entry> read(Path aptDir) {
        List<Entry> entries = new ArrayList<>();
        readIfPresent(aptDir.resolve("sources.list")).ifPresent(t -> entries.addAll(parseOneLine(t)));
        Path dir = aptDir.resolve("sources.list.d");
        if (Files.isDirectory(dir)) {
            List<Path> files = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                ds.forEach(files::add);
            } catch (IOException e) {
                return entries;
            }
            files.sort(null);
            for (Path f : files) {
                String n = f.getFileName().toString();
                if (n.endsWith(".list")) {
                    readIfPresent(f).ifPresent(t -> entries.addAll(parseOneLine(t)));
                } else if (n.endsWith(".sources")) {
                    readIfPresent(f).ifPresent(t -> entries.addAll(parseDeb822(t)));
                }
            }
        }
        return entries;
    }

    static List<Entry> parseOneLine(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.replaceAll("#.*", "").strip();
            if (!line.startsWith("deb ") && !line.startsWith("deb\t")) {
                continue;
            }
            line = line.substring(3).strip();
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                if (close < 0) {
                    continue;
                }
                line = line.substring(close + 1).strip();
            }
            String[] f = line.split("\\s+");
            if (f.length >= 2) {
                entries.add(new Entry(List.of(f[0]), List.of(f[1])));
            }
        }
        return entries;
    }

    static List<Entry> parseDeb822(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String paragraph : text.split("\n\\s*\n")) {
            List<String> types = List.of();
            List<String> uris = List.of();
            List<String> suites = List.of();
            boolean enabled = true;
            String field = null;
            StringBuilder value = new StringBuilder();
            List<String[]> fields = new ArrayList<>();
            for (String line : paragraph.split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                if ((line.startsWith(" ") || line.startsWith("\t")) && field != null) {
                    value.append(' ').append(line.strip());
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    if (field != null) {
                        fields.add(new String[] {field, value.toString()});
                    }
                    field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    value = new StringBuilder(line.substring(colon + 1).strip());
                }
            }
            if (field != null) {
                fields.add(new String[] {field, value.toString()});
            }
            for (String[] f : fields) {
                List<String> words = Arrays.stream(f[1].split("\\s+")).filter(w -> !w.isEmpty()).toList();
                switch (f[0]) {
                    case "types" -> types = words;
                    case "uris" -> uris = words;
                    case "suites" -> suites = words;
                    case "enabled" -> enabled = !f[1].strip().equalsIgnoreCase("no");
                    default -> {
                    }
                }
            }
            if (enabled && types.contains("deb") && !uris.isEmpty()) {
                entries.add(new Entry(uris, suites));
            }
        }
        return entries;
    }

    private static Optional<String> readIfPresent(Path f) {
        try {
            return Files.isRegularFile(f) ? Optional.of(Files.readString(f)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
