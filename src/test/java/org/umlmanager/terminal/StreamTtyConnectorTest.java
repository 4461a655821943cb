package org.umlmanager.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.techsenger.jeditermfx.core.util.TermSize;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamTtyConnectorTest {

    private static String readAll(StreamTtyConnector c) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buf = new char[7];
        int n;
        while ((n = c.read(buf, 0, buf.length)) > 0) {
            out.append(buf, 0, n);
        }
        return out.toString();
    }

    @Test
    void readsUtf8AcrossChunksAndEndsWithTheMarker() throws IOException {
        byte[] bytes = "héllo wörld ✓\r\n".getBytes(StandardCharsets.UTF_8);
        var c = new StreamTtyConnector("con0", new ByteArrayInputStream(bytes), new ByteArrayOutputStream(),
                ResizeHandler.IGNORE);

        String text = readAll(c);

        assertThat(text).isEqualTo("héllo wörld ✓\r\n" + StreamTtyConnector.endedMarker());
        assertThat(c.isEnded()).isTrue();
        assertThat(c.read(new char[4], 0, 4)).isEqualTo(-1);
    }

    @Test
    void outputCutOffInsideASequenceIsClosedBeforeTheMarker() throws IOException {
        byte[] bytes = "last words\u001b[38;5".getBytes(StandardCharsets.UTF_8);
        var c = new StreamTtyConnector("con0", new ByteArrayInputStream(bytes), new ByteArrayOutputStream(),
                ResizeHandler.IGNORE);

        assertThat(readAll(c)).isEqualTo("last words\u001b[38;5m" + StreamTtyConnector.endedMarker());
    }

    @Test
    void typedInputReachesTheStreamUntilItEnds() throws IOException {
        var typed = new ByteArrayOutputStream();
        var c = new StreamTtyConnector("con0", new ByteArrayInputStream(new byte[0]), typed, ResizeHandler.IGNORE);

        c.write("ls\r");
        c.write(new byte[] {3});
        readAll(c);
        c.write("lost\r");

        assertThat(typed.toString(StandardCharsets.UTF_8)).isEqualTo("ls\r\u0003");
    }

    @Test
    void resizesWaitForReleaseAndOnlyTheLastOneIsSent() {
        List<String> sent = new ArrayList<>();
        var c = new StreamTtyConnector("con0", new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                (cols, rows) -> sent.add(cols + "x" + rows));

        c.resize(new TermSize(80, 24));
        c.resize(new TermSize(120, 40));
        assertThat(sent).isEmpty();

        c.releaseResizes();
        c.resize(new TermSize(100, 30));

        assertThat(sent).containsExactly("120x40", "100x30");
    }

    @Test
    void closeEndsAReaderBlockedOnALiveStream() throws Exception {
        var pipeOut = new PipedOutputStream();
        var pipeIn = new PipedInputStream(pipeOut);
        var c = new StreamTtyConnector("ssl0", pipeIn, new ByteArrayOutputStream(), ResizeHandler.IGNORE);
        pipeOut.write("boot\n".getBytes(StandardCharsets.UTF_8));
        pipeOut.flush();
        char[] buf = new char[16];
        assertThat(new String(buf, 0, c.read(buf, 0, buf.length))).isEqualTo("boot\n");
        assertThat(c.isConnected()).isTrue();

        c.close();

        assertThat(c.isConnected()).isFalse();
        assertThat(readAll(c)).isEqualTo(StreamTtyConnector.endedMarker());
        assertThat(c.waitFor()).isZero();
    }
}
