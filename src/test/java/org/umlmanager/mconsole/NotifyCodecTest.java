package org.umlmanager.mconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NotifyCodecTest {

    private static ByteBuffer notification(int magic, int type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(16 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        return b.putInt(magic).putInt(2).putInt(type).putInt(data.length).put(data).flip();
    }

    @Test
    void socketMessageCarriesPathWithNul() throws Exception {
        byte[] data = "/root/.uml/t5/mconsole\0".getBytes(StandardCharsets.US_ASCII);
        assertThat(data).hasSize(23);
        assertThat(NotifyCodec.decode(notification(0xCAFEBABE, 0, data)))
                .isEqualTo(new NotifyEvent.SocketReady(Path.of("/root/.uml/t5/mconsole")));
    }

    @Test
    void panicHangAndUserNotify() throws Exception {
        assertThat(NotifyCodec.decode(notification(0xCAFEBABE, 1, "sysrq triggered crash\0".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(new NotifyEvent.Panic("sysrq triggered crash"));
        assertThat(NotifyCodec.decode(notification(0xCAFEBABE, 2, new byte[0]))).isEqualTo(new NotifyEvent.Hang());
        // user notifications are the bytes written, without a terminator
        assertThat(NotifyCodec.decode(notification(0xCAFEBABE, 3, "user message here\n".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(new NotifyEvent.UserNotify("user message here\n"));
    }

    @Test
    void encodeIsTheKernelLayout() throws Exception {
        ByteBuffer b = NotifyCodec.encode(new NotifyEvent.SocketReady(Path.of("/a/mconsole")));
        assertThat(b.remaining()).isEqualTo(16 + "/a/mconsole".length() + 1);
        assertThat(b.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(12)).isEqualTo(12);
        for (NotifyEvent e : new NotifyEvent[] {new NotifyEvent.Panic("boom"), new NotifyEvent.Hang(),
                new NotifyEvent.UserNotify("hi\n")}) {
            assertThat(NotifyCodec.decode(NotifyCodec.encode(e))).isEqualTo(e);
        }
    }

    @Test
    void malformedMessagesAreRejectedWithReason() {
        assertThatThrownBy(() -> NotifyCodec.decode(ByteBuffer.allocate(8)))
                .isInstanceOf(MconsoleException.class).hasMessageContaining("shorter than its header");
        assertThatThrownBy(() -> NotifyCodec.decode(notification(0x12345678, 0, new byte[1])))
                .isInstanceOf(MconsoleException.class).hasMessageContaining("magic");
        assertThatThrownBy(() -> NotifyCodec.decode(notification(0xCAFEBABE, 9, new byte[1])))
                .isInstanceOf(MconsoleException.class).hasMessageContaining("type 9");
        ByteBuffer lying = notification(0xCAFEBABE, 3, new byte[4]);
        lying.order(ByteOrder.LITTLE_ENDIAN).putInt(12, 100);
        assertThatThrownBy(() -> NotifyCodec.decode(lying)).isInstanceOf(MconsoleException.class)
                .hasMessageContaining("length 100");
    }
}
