package org.umlmanager.launch.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.umlmanager.launch.ChildSpec;
import org.umlmanager.launch.ChildStatus;
import org.umlmanager.launch.GuestEvent;
import org.umlmanager.launch.GuestSnapshot;
import org.umlmanager.launch.LaunchSpec;
import org.umlmanager.launch.LineInfo;
import org.umlmanager.launch.SessionPaths;
import org.umlmanager.launch.StopMode;
import org.umlmanager.launch.StopStep;
import org.umlmanager.model.InstanceState;

class MessageCodecTest {

    private static final GuestSnapshot SNAPSHOT = new GuestSnapshot("web", "web-1", InstanceState.CRASHED,
            "kernel panic: äöü", OptionalInt.of(134), OptionalLong.of(4242), 77, Optional.of("/run/uml/web-1/mconsole"),
            2, List.of(new LineInfo("con0", LineInfo.Transport.PTY, Optional.empty(), true),
                    new LineInfo("ssl0", LineInfo.Transport.PTS, Optional.of("/dev/pts/9"), false)),
            Instant.ofEpochMilli(1_700_000_000_123L));

    private static final ChildSpec CHILD = new ChildSpec("net-lab", List.of("vde_switch", "-s", "/run/x"),
            Map.of("A", "b"), Path.of("/"), Path.of("/logs/net-lab.log"), java.util.Set.of("web", "db"));

    @Test
    void everyMessageSurvivesTheRoundTrip() throws IOException {
        LaunchSpec spec = new LaunchSpec("web", "web-1", Path.of("/run/uml"), List.of("taskset", "-c", "0", "linux",
                "mem=64M"), Map.of("TMPDIR", "/tmp"), Path.of("/home/u"), Optional.of("con0"), List.of("con1", "ssl0"),
                Path.of("/logs/web"), new SessionPaths(Path.of("/run/sessions/web")));
        List<Message> all = List.of(new Message.Hello(1, "gui"), new Message.Start(7, spec), new Message.Watch(),
                new Message.Attach("con1"), new Message.Input("con0", new byte[] {0, 1, (byte) 0xff}),
                new Message.Resize("con0", 120, 40), new Message.Stop(StopMode.FORCE), new Message.Command(9, "sysrq s"),
                new Message.Open(8, "web"), new Message.Welcome(1, 77, true), new Message.Started(7, SNAPSHOT),
                new Message.Opened(8, SNAPSHOT), new Message.Failure(7, "no"),
                new Message.Snapshot(SNAPSHOT), new Message.Event(new GuestEvent.StateChanged(SNAPSHOT,
                        InstanceState.RUNNING)), new Message.Event(new GuestEvent.Rebooted(SNAPSHOT)),
                new Message.Event(new GuestEvent.LineChanged("web", SNAPSHOT.lines().get(1))),
                new Message.Event(new GuestEvent.GuestNotice("web", "hello\n")),
                new Message.StopProgress(new StopStep(StopStep.Step.HALT, "halting")),
                new Message.CommandReply(9, Message.ReplyKind.REPLY, -19, "Device doesn't exist"),
                new Message.Ended(SNAPSHOT), new Message.ChildStart(3, CHILD), new Message.ChildStop(4, "net-lab"),
                new Message.ChildList(5), new Message.Children(5, List.of(new ChildStatus(CHILD,
                        ChildStatus.State.RESTARTING, OptionalLong.empty(), 2, "it exited with status 1"),
                        new ChildStatus(CHILD, ChildStatus.State.RUNNING, OptionalLong.of(99), 0, ""))));
        for (Message m : all) {
            Message back = MessageCodec.decode(MessageCodec.encode(m));
            if (m instanceof Message.Input in) {
                assertThat(((Message.Input) back).data()).containsExactly(in.data());
            } else {
                assertThat(back).isEqualTo(m);
            }
        }
    }

    @Test
    void garbageIsRefused() {
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {99})).isInstanceOf(IOException.class)
                .hasMessageContaining("unknown message type 99");
        assertThatThrownBy(() -> MessageCodec.decode(new byte[] {4, 0, 0})).isInstanceOf(IOException.class);
    }
}
