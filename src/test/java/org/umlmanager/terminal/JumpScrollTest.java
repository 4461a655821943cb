package org.umlmanager.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JumpScrollTest {

    private static final int COLUMNS = 80;
    private static final int ROWS = 10;
    private static final int SCROLLBACK = 50;
    private static final int KEEP = SCROLLBACK + 2 * ROWS + 16;
    private static final int CAPACITY = 64 * 1024;

    /** Sequences that are not plain output: the skip must stop before each and leave state alone. */
    private static final String[] EVENTS = {
        "\u001b[5;10H", "\u001b[2J", "\u001b[K", "\u001b[3;8r", "\u001b[r", "\u001b[?1049h", "\u001b[?1049l",
        "\u001b]0;a title\u0007", "\u001b(0lqqk\u001b(B", "\u001bNx", "\u009d2;c1 title\u0007", "\u001b[38:5:3m",
        "\u0007", "\u007f", "\u001b7", "\u001b8", "\u001bc", "\u001b[6n", "\u001b[?7l", "\u001b[?7h", "\u001b[4h",
        "\u001b[4l", "\u001b[3S", "\u001b[2L", "\u001b[1;10r", "\u001bP+q544e\u001b\\", "\u001b[3;8r\u001b[10;1H",
    };
    private static final String[] WORDS = {"kernel", "ubda:", "EXT4-fs", "ü", "✓", "└─", "😀", "x", "0x7fff",
        "\t", "ab\bc", "systemd[1]:", "Started", "a-rather-long-word-for-wrapping-purposes"};
    private static final String[] COLOURS = {"\u001b[1;31m", "\u001b[0m", "\u001b[m", "\u001b[0;1;32m", "\u001b[01m",
        "\u001b[38;5;208m", "\u001b[48;2;10;20;30m", "\u001b[39m", "\u001b[49m", "\u001b[22m", "\u001b[4m",
        "\u001b[24m", "\u001b[7m", "\u001b[;1m", "\u001b[00;34m", "\u001b[44m"};

    /** Log-like lines; one word in {@code colourOdds} has a colour change (rare ones leave colours set for long stretches). */
    static String output(long seed, int lines, int eventOdds, int colourOdds) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < lines; n++) {
            if (eventOdds > 0 && random.nextInt(eventOdds) == 0) {
                out.append(EVENTS[random.nextInt(EVENTS.length)]);
            }
            if (random.nextInt(50) == 0) {
                out.append("progress 10%\rprogress 55%\r");
            }
            out.append('[').append(n).append("] ");
            int words = random.nextInt(random.nextInt(30) == 0 ? 40 : 12);
            for (int w = 0; w < words; w++) {
                if (random.nextInt(colourOdds) == 0) {
                    out.append(COLOURS[random.nextInt(COLOURS.length)]);
                }
                out.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            int end = random.nextInt(40);
            out.append(end == 0 ? "\n" : end == 1 ? "\r\r\n" : "\r\n");
        }
        return out.toString();
    }

    private static void assertSameWithAndWithoutSkipping(String output, HeadlessTerminal.Setup setup, long seed,
                                                         long minimumSkipped) throws IOException {
        long[] skipped = new long[1];
        long[] none = new long[1];

        var thinned = HeadlessTerminal.run(output, setup, KEEP, seed, skipped);
        var full = HeadlessTerminal.run(output, setup, 0, seed, none);

        assertThat(none[0]).isZero();
        assertThat(thinned.rows()).hasSameSizeAs(full.rows());
        for (int i = 0; i < full.rows().size(); i++) {
            assertThat(thinned.rows().get(i)).as("row %d of %d", i, full.rows().size()).isEqualTo(full.rows().get(i));
        }
        assertThat(thinned).isEqualTo(full);
        assertThat(skipped[0]).as("characters skipped of %d", output.length()).isGreaterThanOrEqualTo(minimumSkipped);
    }

    @ParameterizedTest(name = "seed {0}, one line in {1} preceded by a control sequence, one word in {2} coloured")
    @CsvSource({"1, 0, 3", "2, 0, 300", "3, 40, 3", "4, 150, 100", "5, 700, 3", "6, 3000, 300"})
    void aStreamEndsUpTheSameWithAndWithoutSkipping(long seed, int eventOdds, int colourOdds) throws IOException {
        String output = output(seed, 12_000, eventOdds, colourOdds);

        assertSameWithAndWithoutSkipping(output, new HeadlessTerminal.Setup(COLUMNS, ROWS, SCROLLBACK, CAPACITY,
                CAPACITY / 2), seed, eventOdds == 0 ? output.length() / 2 : 1);
    }

    /**
     * All of it queued at once: the terminal's state right after the skip (at the first control
     * sequence after 300 plain lines, or at the end) is what it ends with.
     */
    @ParameterizedTest(name = "seed {0}, one line in {1} preceded by a control sequence, one word in {2} coloured")
    @CsvSource({"11, 0, 3", "12, 0, 300", "13, 100, 3", "14, 100, 300", "15, 300, 3", "16, 300, 300",
        "17, 1000, 10", "18, 1000, 1000"})
    void aBacklogSkippedAtOnceEndsUpTheSame(long seed, int eventOdds, int colourOdds) throws IOException {
        String output = output(seed + 100, 300, 0, colourOdds) + output(seed, 2_000, eventOdds, colourOdds);

        assertSameWithAndWithoutSkipping(output, new HeadlessTerminal.Setup(COLUMNS, ROWS, SCROLLBACK,
                output.length(), output.length()), seed, 1);
    }

    @Test
    void keepingTooFewLinesWouldShowTheDifference() throws IOException {
        String output = output(7, 2_000, 0, 3);
        var setup = new HeadlessTerminal.Setup(COLUMNS, ROWS, SCROLLBACK, output.length(), output.length());
        long[] skipped = new long[1];

        var tooThin = HeadlessTerminal.run(output, setup, ROWS, 7, skipped);
        var full = HeadlessTerminal.run(output, setup, 0, 7, new long[1]);

        assertThat(skipped[0]).isPositive();
        assertThat(tooThin.rows()).isNotEqualTo(full.rows());
    }

    @Test
    void skipsWholeLinesAndKeepsTheColoursSinceTheLastReset() {
        String text = "a\u001b[31mb\r\n\u001b[0;1mc\u001b[44md\r\nthird\r\nfourth\r\nfifth\r\n";
        char[] chars = text.toCharArray();

        var skip = JumpScroll.find(chars, 0, chars.length, 2).orElseThrow();

        assertThat(text.substring(skip.end())).isEqualTo("fourth\r\nfifth\r\n");
        assertThat(skip.replacement()).isEqualTo("\u001b[0;1m\u001b[44m\r\n");
    }

    @Test
    void neitherSkipsPastOtherSequencesNorCountsBareLineFeeds() {
        char[] cursorMove = "one\r\ntwo\r\n\u001b[Hthree\r\nfour\r\nfive\r\nsix\r\n".toCharArray();
        char[] bareFeeds = "one\ntwo\nthree\nfour\nfive\n".toCharArray();
        char[] colonColour = "one\r\n\u001b[38:5:1mtwo\r\nthree\r\nfour\r\n".toCharArray();

        assertThat(JumpScroll.find(cursorMove, 0, cursorMove.length, 1)).map(JumpScroll.Skip::end).contains(5);
        assertThat(JumpScroll.find(bareFeeds, 0, bareFeeds.length, 1)).isEmpty();
        assertThat(JumpScroll.find(colonColour, 0, colonColour.length, 1)).isEmpty();
    }

    @Test
    void skipsOnlyWhenTheEmulatorIsBetweenSequencesWithoutAScrollRegion() {
        assertThat(safeAfter("text\r\n")).isTrue();
        assertThat(safeAfter("\u001b[31")).isFalse();
        assertThat(safeAfter("\u001b[31m")).isTrue();
        assertThat(safeAfter("\u001b]0;title")).isFalse();
        assertThat(safeAfter("\u001b]0;title\u001b\\")).isTrue();
        assertThat(safeAfter("\u001b(")).isFalse();
        assertThat(safeAfter("\u001bN")).isFalse();
        assertThat(safeAfter("\u001bNx")).isTrue();
        assertThat(safeAfter("\u001b[2;20r")).isFalse();
        assertThat(safeAfter("\u001b[2;20rlater\u001b[r")).isTrue();
        assertThat(safeAfter("\u001b[2;20r\u001bc")).isTrue();
        assertThat(safeAfter("😀".substring(0, 1))).isFalse();
    }

    private static boolean safeAfter(String handedOut) {
        SequenceTracker tracker = new SequenceTracker();
        tracker.accept(handedOut.toCharArray(), 0, handedOut.length());
        return tracker.safeToSkip();
    }
}
