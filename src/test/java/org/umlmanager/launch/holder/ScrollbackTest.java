package org.umlmanager.launch.holder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScrollbackTest {

    @Test
    void keepsEverythingUntilFull() {
        Scrollback s = new Scrollback(8);
        s.append(bytes("abc"), 0, 3);
        s.append(bytes("de"), 0, 2);
        assertThat(text(s)).isEqualTo("abcde");
    }

    @Test
    void keepsTheLastBytesOnceFullAcrossTheWrap() {
        Scrollback s = new Scrollback(8);
        s.append(bytes("abcdef"), 0, 6);
        s.append(bytes("ghijk"), 0, 5);
        assertThat(text(s)).isEqualTo("defghijk");
    }

    @Test
    void aChunkLargerThanTheRingKeepsItsTail() {
        Scrollback s = new Scrollback(4);
        s.append(bytes("xy"), 0, 2);
        s.append(bytes("0123456789"), 2, 7);
        assertThat(text(s)).isEqualTo("5678");
        s.append(bytes("z"), 0, 1);
        assertThat(text(s)).isEqualTo("678z");
    }

    @Test
    void matchesTheTailOfEverythingWrittenForRandomChunks() {
        Random random = new Random(42);
        StringBuilder all = new StringBuilder();
        Scrollback s = new Scrollback(97);
        for (int i = 0; i < 500; i++) {
            int n = random.nextInt(150);
            StringBuilder chunk = new StringBuilder();
            for (int j = 0; j < n; j++) {
                chunk.append((char) ('a' + random.nextInt(26)));
            }
            all.append(chunk);
            s.append(bytes(chunk.toString()), 0, n);
            assertThat(text(s)).isEqualTo(all.substring(Math.max(0, all.length() - 97)));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(Scrollback s) {
        return new String(s.contents(), StandardCharsets.US_ASCII);
    }
}
