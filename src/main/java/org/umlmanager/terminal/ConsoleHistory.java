package org.umlmanager.terminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The full history of a console, read from its log file as plain lines. The terminal widget keeps
 * only a short scrollback (a long one makes it slow, see docs/PITFALLS.md); this is where a person reads
 * and searches everything a guest ever printed. Reads the file once; blocking, so call it off
 * the FX thread.
 */
public final class ConsoleHistory {

    private final List<String> lines;

    private ConsoleHistory(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    /** Reads and cleans a whole log (for instance {@code launch.ConsoleLogs.open}, all of a line's files); closes it. */
    public static ConsoleHistory read(InputStream log) throws IOException {
        List<String> lines = new ArrayList<>();
        AnsiText text = new AnsiText(lines::add);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (Reader in = new InputStreamReader(log, decoder)) {
            char[] buf = new char[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                text.accept(CharBuffer.wrap(buf, 0, n));
            }
        }
        text.flush();
        return new ConsoleHistory(lines);
    }

    public static ConsoleHistory of(List<String> lines) {
        return new ConsoleHistory(lines);
    }

    public List<String> lines() {
        return lines;
    }

    /** Indices of the lines containing {@code query}, in order; empty query finds nothing. */
    public List<Integer> find(String query, boolean matchCase) {
        List<Integer> hits = new ArrayList<>();
        if (query.isEmpty()) {
            return hits;
        }
        String needle = matchCase ? query : query.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lines.size(); i++) {
            String line = matchCase ? lines.get(i) : lines.get(i).toLowerCase(Locale.ROOT);
            if (line.contains(needle)) {
                hits.add(i);
            }
        }
        return hits;
    }
}
