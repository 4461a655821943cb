package org.umlmanager.mconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MconsoleCodecTest {

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private static ByteBuffer reply(int err, int more, int len, String data) {
        byte[] text = data.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(12 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        return b.putInt(err).putInt(more).putInt(len).put(text).flip();
    }

    @Test
    void requestIsHostOrderHeaderPlusCommandBytes() {
        byte[] b = bytes(MconsoleCodec.encodeRequest("version"));
        assertThat(b).hasSize(12 + 7);
        assertThat(b).startsWith((byte) 0xBE, (byte) 0xBA, (byte) 0xFE, (byte) 0xCA, (byte) 2, (byte) 0, (byte) 0,
                (byte) 0, (byte) 7, (byte) 0, (byte) 0, (byte) 0);
        assertThat(new String(b, 12, 7, StandardCharsets.US_ASCII)).isEqualTo("version");
    }

    @Test
    void requestRoundTripsAndVersionZeroIsBareText() throws Exception {
        MconsoleRequest r = new MconsoleRequest(3, "config ubd1=/x");
        assertThat(MconsoleCodec.decodeRequest(MconsoleCodec.encodeRequest(r))).isEqualTo(r);
        ByteBuffer v0 = MconsoleCodec.encodeRequest(new MconsoleRequest(0, "version"));
        assertThat(new String(bytes(v0), StandardCharsets.US_ASCII)).isEqualTo("version");
        assertThat(MconsoleCodec.decodeRequest(v0)).isEqualTo(new MconsoleRequest(0, "version"));
    }

    @Test
    void commandLimitIs511BytesAndNoNul() {
        String max = "log " + "x".repeat(507);
        assertThat(MconsoleCodec.encodeRequest(max).remaining()).isEqualTo(12 + 511);
        assertThatThrownBy(() -> MconsoleCodec.encodeRequest(max + "y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("512 bytes")
                .hasMessageContaining("at most 511");
        assertThatThrownBy(() -> MconsoleCodec.encodeRequest("log a\0b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
    }

    @Test
    void replyHeaderIsDecodedWithSignedErrorAndTextUpToNul() throws Exception {
        ReplyPacket p = MconsoleCodec.decodeReply(reply(0xFFFFFFED, 0, 21, "Device doesn't exist\0"));
        assertThat(p.err()).isEqualTo(-19);
        assertThat(p.more()).isFalse();
        assertThat(p.text()).isEqualTo("Device doesn't exist");
        assertThat(p.raw()).isFalse();
        ReplyPacket more = MconsoleCodec.decodeReply(reply(0, 1, 4, "ab\0c"));
        assertThat(more.more()).isTrue();
        assertThat(more.text()).isEqualTo("ab");
    }

    @Test
    void emptyOkReplyIsThirteenBytes() throws Exception {
        List<ByteBuffer> packets = MconsoleCodec.encodeReply(0, "", false);
        assertThat(packets).hasSize(1);
        assertThat(packets.get(0).remaining()).isEqualTo(13);
        assertThat(MconsoleCodec.decodeReply(packets.get(0))).isEqualTo(ReplyPacket.of(0, false, ""));
    }

    @Test
    void longReplyIsSplitInto511ByteChunksErrorOnlyOnFirst() throws Exception {
        String text = "a".repeat(511) + "b".repeat(212);
        List<ByteBuffer> packets = MconsoleCodec.encodeReply(1, text, false);
        assertThat(packets).extracting(ByteBuffer::remaining).containsExactly(12 + 512, 12 + 213);
        ReplyPacket first = MconsoleCodec.decodeReply(packets.get(0));
        ReplyPacket second = MconsoleCodec.decodeReply(packets.get(1));
        assertThat(first.err()).isEqualTo(1);
        assertThat(first.more()).isTrue();
        assertThat(second.err()).isZero();
        assertThat(second.more()).isFalse();
        assertThat(first.text() + second.text()).isEqualTo(text);
    }

    @Test
    void versionZeroRawReplyIsRecognised() throws Exception {
        String raw = "ERR Version 0 mconsole clients are not supported by this driver";
        ReplyPacket p = MconsoleCodec.decodeReply(ByteBuffer.wrap(raw.getBytes(StandardCharsets.US_ASCII)));
        assertThat(p.raw()).isTrue();
        assertThat(p.err()).isEqualTo(1);
        assertThat(p.more()).isFalse();
        assertThat(p.text()).isEqualTo("Version 0 mconsole clients are not supported by this driver");
        assertThat(MconsoleCodec.decodeReply(MconsoleCodec.encodeReplyPacket(p))).isEqualTo(p);
    }

    @Test
    void garbageIsRejected() {
        assertThatThrownBy(() -> MconsoleCodec.decodeReply(ByteBuffer.wrap(new byte[] {1, 2, 3})))
                .isInstanceOf(MconsoleException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> MconsoleCodec.decodeReply(reply(0, 0, 400, "short\0")))
                .isInstanceOf(MconsoleException.class);
        assertThatThrownBy(() -> MconsoleCodec.decodeReply(reply(0, 7, 1, "\0")))
                .isInstanceOf(MconsoleException.class);
    }

    @Test
    void replyFormattingMatchesUmlMconsole() {
        assertThat(new MconsoleReply(0, "stopped").formatted()).isEqualTo("OK stopped\n");
        assertThat(new MconsoleReply(0, "").formatted()).isEqualTo("OK \n");
        assertThat(new MconsoleReply(-19, "Device doesn't exist").formatted()).isEqualTo("ERR Device doesn't exist\n");
        assertThat(new MconsoleReply(-19, "x").ok()).isFalse();
    }
}
