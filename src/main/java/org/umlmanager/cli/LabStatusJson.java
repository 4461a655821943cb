package org.umlmanager.cli;

import java.util.Locale;
import java.util.stream.Collectors;
import org.umlmanager.service.LabStatus;
import org.umlmanager.storage.LabJson;

/** {@code lab status --json}: the lab's document, its devices' guests and its domains' networks. */
final class LabStatusJson {

    private LabStatusJson() {
    }

    static String of(LabStatus s) {
        String devices = s.devices().stream().map(d -> "{\"device\": " + StatusJson.quote(d.device())
                + ", \"instance\": " + StatusJson.quote(d.instance()) + ", \"state\": "
                + StatusJson.quote(d.status().map(g -> g.state().name().toLowerCase(Locale.ROOT)).orElse("missing"))
                + d.status().map(g -> ", \"guest\": " + StatusJson.of(g)).orElse("") + "}")
                .collect(Collectors.joining(", "));
        String domains = s.domains().stream().map(d -> "{\"domain\": " + StatusJson.quote(d.domain())
                + ", \"network\": " + StatusJson.quote(d.network()) + ", \"state\": "
                + StatusJson.quote(d.status().stateWord()) + ", \"guests\": " + d.status().guests().size() + "}")
                .collect(Collectors.joining(", "));
        return "{\"lab\": " + LabJson.of(s.lab()) + ", \"summary\": " + StatusJson.quote(s.summary())
                + ", \"running\": " + s.running() + ", \"devices\": [" + devices + "], \"domains\": [" + domains
                + "]}";
    }
}
