package org.umlmanager.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.umlmanager.launch.LineInfo;
import org.umlmanager.service.GuestStatus;

/** Guest statuses as JSON for scripts; fields absent when unknown. */
final class StatusJson {

    private StatusJson() {
    }

    static String of(List<GuestStatus> all) {
        return "{\"guests\": [" + all.stream().map(StatusJson::of).collect(Collectors.joining(", ")) + "]}";
    }

    static String of(GuestStatus s) {
        StringBuilder json = new StringBuilder("{");
        field(json, "name", quote(s.name()));
        field(json, "state", quote(s.state().name().toLowerCase(Locale.ROOT)));
        field(json, "reason", quote(s.reason()));
        field(json, "origin", quote(s.origin().name().toLowerCase(Locale.ROOT)));
        field(json, "umid", quote(s.umid()));
        s.pid().ifPresent(pid -> field(json, "pid", Long.toString(pid)));
        s.mconsoleSocket().ifPresent(m -> field(json, "mconsoleSocket", quote(m.toString())));
        s.exitStatus().ifPresent(e -> field(json, "exitStatus", Integer.toString(e)));
        field(json, "since", quote(s.since().toString()));
        field(json, "lines", "[" + s.lines().stream().map(StatusJson::line).collect(Collectors.joining(", ")) + "]");
        return json.append('}').toString();
    }

    private static String line(LineInfo l) {
        StringBuilder json = new StringBuilder("{");
        field(json, "name", quote(l.name()));
        field(json, "transport", quote(l.transport().name().toLowerCase(Locale.ROOT)));
        l.device().ifPresent(d -> field(json, "device", quote(d)));
        field(json, "connected", Boolean.toString(l.connected()));
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        if (json.length() > 1) {
            json.append(", ");
        }
        json.append(quote(name)).append(": ").append(value);
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
