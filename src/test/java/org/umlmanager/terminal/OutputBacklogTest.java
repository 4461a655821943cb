package org.umlmanager.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutputBacklogTest {

    private static final String LINES = "a plain line of output\r\n".repeat(300);

    private static void append(OutputBacklog backlog, String text) throws InterruptedException {
        backlog.append(text.toCharArray(), 0, text.length());
    }

    private static String take(OutputBacklog backlog, int max) throws InterruptedException {
        char[] buf = new char[max];
        int n = backlog.take(buf, 0, max);
        return n < 0 ? null : new String(buf, 0, n);
    }

    @Test
    void aLargeBacklogOfPlainLinesIsCutToTheLinesKept() throws InterruptedException {
        OutputBacklog backlog = new OutputBacklog(8192, () -> 10);
        append(backlog, LINES);
        backlog.finish();

        StringBuilder read = new StringBuilder();
        String chunk;
        while ((chunk = take(backlog, 1024)) != null) {
            read.append(chunk);
        }

        assertThat(read.toString()).isEqualTo("\r\n" + "a plain line of output\r\n".repeat(10));
        assertThat(backlog.skipped()).isEqualTo(LINES.length() - read.length());
    }

    @Test
    void noSkipRightAfterAChunkThatEndedInsideASequence() throws InterruptedException {
        OutputBacklog backlog = new OutputBacklog(8192, () -> 10);
        append(backlog, "\u001b(");
        assertThat(take(backlog, 2)).isEqualTo("\u001b(");
        append(backlog, "0" + LINES);

        assertThat(take(backlog, 1024)).startsWith("0a plain line");
        assertThat(backlog.skipped()).isZero();
        assertThat(take(backlog, 1024)).isEqualTo("\r\n" + "a plain line of output\r\n".repeat(10));
        assertThat(backlog.skipped()).isPositive();
    }

    @Test
    void chunksEndAfterALineFeedWhenTheyCan() throws InterruptedException {
        OutputBacklog backlog = new OutputBacklog(8192, () -> 0);
        append(backlog, "first\r\nsecond\r\nthi");

        assertThat(take(backlog, 12)).isEqualTo("first\r\n");
        assertThat(take(backlog, 100)).isEqualTo("second\r\nthi");
    }

    @Test
    void aFullBacklogHoldsTheWriterUntilTakenOrDiscarded() throws Exception {
        OutputBacklog backlog = new OutputBacklog(16, () -> 0);
        append(backlog, "0123456789abcdef");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                append(backlog, "more");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(take(backlog, 4)).isEqualTo("0123");
        writer.get(5, TimeUnit.SECONDS);
        assertThat(backlog.size()).isEqualTo(16);

        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
            try {
                append(backlog, "lost");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        backlog.discard();
        blocked.get(5, TimeUnit.SECONDS);
        assertThat(take(backlog, 4)).isNull();
    }
}
