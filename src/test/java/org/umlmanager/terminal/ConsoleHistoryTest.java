package org.umlmanager.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleHistoryTest {

    @Test
    void stripsEscapesAndAppliesCarriageReturnsAndBackspaces() {
        String raw = "\u001b[1;32mgreen\u001b[0m text\r\n"
                + "\u001b]0;title\u0007after title\n"
                + "progress 10%\rprogress 99%\n"
                + "tpyo\b\b\bypo!\n"
                + "a\tb\n"
                + "tail";

        assertThat(AnsiText.strip(raw)).isEqualTo("""
                green text
                after title
                progress 99%
                typo!
                a       b
                tail""");
    }

    @Test
    void readsTheWholeLogAndFindsLinesIgnoringCase(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("con0.log");
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            raw.append("\u001b[33mline ").append(i).append("\u001b[0m\r\n");
        }
        raw.append("Kernel panic - not syncing\r\n");
        Files.writeString(log, raw, StandardCharsets.UTF_8);

        ConsoleHistory history = ConsoleHistory.read(Files.newInputStream(log));

        assertThat(history.lines()).hasSize(50_001);
        assertThat(history.lines().get(0)).isEqualTo("line 0");
        assertThat(history.find("KERNEL PANIC", false)).containsExactly(50_000);
        assertThat(history.find("KERNEL PANIC", true)).isEmpty();
        assertThat(history.find("line 4999", true)).hasSize(11);
    }

    @Test
    void anEmptyLogIsAnEmptyHistory() throws Exception {
        assertThat(ConsoleHistory.read(InputStream.nullInputStream()).lines()).isEmpty();
    }
}
