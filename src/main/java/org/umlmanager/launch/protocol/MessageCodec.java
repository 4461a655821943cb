package org.umlmanager.launch.protocol;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
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

/** Message ⇄ bytes: a type byte, then the fields in order. Stateless and thread-safe. */
public final class MessageCodec {

    private MessageCodec() {
    }

    public static byte[] encode(Message message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, message);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    public static Message decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        try {
            return read(in);
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed message: " + e.getMessage(), e);
        }
    }

    private static void write(DataOutputStream out, Message message) throws IOException {
        if (message instanceof Message.Hello m) {
            out.writeByte(1);
            out.writeInt(m.version());
            string(out, m.client());
        } else if (message instanceof Message.Start m) {
            out.writeByte(2);
            out.writeLong(m.id());
            spec(out, m.spec());
        } else if (message instanceof Message.Watch) {
            out.writeByte(3);
        } else if (message instanceof Message.Attach m) {
            out.writeByte(4);
            string(out, m.line());
        } else if (message instanceof Message.Input m) {
            out.writeByte(5);
            string(out, m.line());
            bytes(out, m.data());
        } else if (message instanceof Message.Resize m) {
            out.writeByte(6);
            string(out, m.line());
            out.writeInt(m.columns());
            out.writeInt(m.rows());
        } else if (message instanceof Message.Stop m) {
            out.writeByte(7);
            string(out, m.mode().name());
        } else if (message instanceof Message.Command m) {
            out.writeByte(8);
            out.writeLong(m.id());
            string(out, m.command());
        } else if (message instanceof Message.Open m) {
            out.writeByte(9);
            out.writeLong(m.id());
            string(out, m.name());
        } else if (message instanceof Message.ChildStart m) {
            out.writeByte(10);
            out.writeLong(m.id());
            childSpec(out, m.spec());
        } else if (message instanceof Message.ChildStop m) {
            out.writeByte(11);
            out.writeLong(m.id());
            string(out, m.name());
        } else if (message instanceof Message.ChildList m) {
            out.writeByte(12);
            out.writeLong(m.id());
        } else if (message instanceof Message.Welcome m) {
            out.writeByte(20);
            out.writeInt(m.version());
            out.writeLong(m.holderPid());
            out.writeBoolean(m.idle());
        } else if (message instanceof Message.Started m) {
            out.writeByte(21);
            out.writeLong(m.id());
            snapshot(out, m.snapshot());
        } else if (message instanceof Message.Failure m) {
            out.writeByte(22);
            out.writeLong(m.id());
            string(out, m.message());
        } else if (message instanceof Message.Snapshot m) {
            out.writeByte(23);
            snapshot(out, m.snapshot());
        } else if (message instanceof Message.Event m) {
            out.writeByte(24);
            event(out, m.event());
        } else if (message instanceof Message.Output m) {
            out.writeByte(25);
            string(out, m.line());
            bytes(out, m.data());
        } else if (message instanceof Message.StopProgress m) {
            out.writeByte(26);
            string(out, m.step().step().name());
            string(out, m.step().message());
        } else if (message instanceof Message.CommandReply m) {
            out.writeByte(27);
            out.writeLong(m.id());
            string(out, m.kind().name());
            out.writeInt(m.errorCode());
            string(out, m.text());
        } else if (message instanceof Message.Ended m) {
            out.writeByte(28);
            snapshot(out, m.snapshot());
        } else if (message instanceof Message.Opened m) {
            out.writeByte(29);
            out.writeLong(m.id());
            snapshot(out, m.snapshot());
        } else if (message instanceof Message.Children m) {
            out.writeByte(30);
            out.writeLong(m.id());
            out.writeInt(m.children().size());
            for (ChildStatus c : m.children()) {
                childStatus(out, c);
            }
        } else {
            throw new IllegalArgumentException("unknown message " + message);
        }
    }

    private static Message read(DataInputStream in) throws IOException {
        int type = in.readUnsignedByte();
        return switch (type) {
            case 1 -> new Message.Hello(in.readInt(), string(in));
            case 2 -> new Message.Start(in.readLong(), spec(in));
            case 3 -> new Message.Watch();
            case 4 -> new Message.Attach(string(in));
            case 5 -> new Message.Input(string(in), bytes(in));
            case 6 -> new Message.Resize(string(in), in.readInt(), in.readInt());
            case 7 -> new Message.Stop(StopMode.valueOf(string(in)));
            case 8 -> new Message.Command(in.readLong(), string(in));
            case 9 -> new Message.Open(in.readLong(), string(in));
            case 10 -> new Message.ChildStart(in.readLong(), childSpec(in));
            case 11 -> new Message.ChildStop(in.readLong(), string(in));
            case 12 -> new Message.ChildList(in.readLong());
            case 20 -> new Message.Welcome(in.readInt(), in.readLong(), in.readBoolean());
            case 21 -> new Message.Started(in.readLong(), snapshot(in));
            case 22 -> new Message.Failure(in.readLong(), string(in));
            case 23 -> new Message.Snapshot(snapshot(in));
            case 24 -> new Message.Event(event(in));
            case 25 -> new Message.Output(string(in), bytes(in));
            case 26 -> new Message.StopProgress(new StopStep(StopStep.Step.valueOf(string(in)), string(in)));
            case 27 -> new Message.CommandReply(in.readLong(), Message.ReplyKind.valueOf(string(in)), in.readInt(),
                    string(in));
            case 28 -> new Message.Ended(snapshot(in));
            case 29 -> new Message.Opened(in.readLong(), snapshot(in));
            case 30 -> children(in);
            default -> throw new IOException("unknown message type " + type);
        };
    }

    private static void spec(DataOutputStream out, LaunchSpec s) throws IOException {
        string(out, s.name());
        string(out, s.umid());
        string(out, s.umlDir().toString());
        strings(out, s.argv());
        map(out, s.environment());
        string(out, s.workingDirectory().toString());
        optional(out, s.ptyLine());
        strings(out, s.ptsLines());
        string(out, s.logDirectory().toString());
        string(out, s.session().directory().toString());
    }

    private static LaunchSpec spec(DataInputStream in) throws IOException {
        String name = string(in);
        String umid = string(in);
        Path umlDir = Path.of(string(in));
        List<String> argv = strings(in);
        Map<String, String> env = map(in);
        Path workingDirectory = Path.of(string(in));
        Optional<String> ptyLine = optional(in);
        List<String> ptsLines = strings(in);
        Path logDirectory = Path.of(string(in));
        SessionPaths session = new SessionPaths(Path.of(string(in)));
        return new LaunchSpec(name, umid, umlDir, argv, env, workingDirectory, ptyLine, ptsLines, logDirectory,
                session);
    }

    private static void childSpec(DataOutputStream out, ChildSpec s) throws IOException {
        string(out, s.name());
        strings(out, s.argv());
        map(out, s.environment());
        string(out, s.workingDirectory().toString());
        string(out, s.logFile().toString());
        strings(out, List.copyOf(new java.util.TreeSet<>(s.boundTo())));
    }

    private static ChildSpec childSpec(DataInputStream in) throws IOException {
        return new ChildSpec(string(in), strings(in), map(in), Path.of(string(in)), Path.of(string(in)),
                java.util.Set.copyOf(strings(in)));
    }

    private static void childStatus(DataOutputStream out, ChildStatus s) throws IOException {
        childSpec(out, s.spec());
        string(out, s.state().name());
        out.writeLong(s.pid().orElse(-1));
        out.writeInt(s.restarts());
        string(out, s.reason());
    }

    private static Message children(DataInputStream in) throws IOException {
        long id = in.readLong();
        int count = in.readInt();
        List<ChildStatus> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ChildSpec spec = childSpec(in);
            ChildStatus.State state = ChildStatus.State.valueOf(string(in));
            long pid = in.readLong();
            list.add(new ChildStatus(spec, state, pid < 0 ? OptionalLong.empty() : OptionalLong.of(pid), in.readInt(),
                    string(in)));
        }
        return new Message.Children(id, list);
    }

    private static void map(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            string(out, e.getKey());
            string(out, e.getValue());
        }
    }

    private static Map<String, String> map(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(string(in), string(in));
        }
        return map;
    }

    private static void snapshot(DataOutputStream out, GuestSnapshot s) throws IOException {
        string(out, s.name());
        string(out, s.umid());
        string(out, s.state().name());
        string(out, s.reason());
        out.writeBoolean(s.exitStatus().isPresent());
        out.writeInt(s.exitStatus().orElse(0));
        out.writeLong(s.umlPid().orElse(-1));
        out.writeLong(s.holderPid());
        optional(out, s.mconsoleSocket());
        out.writeInt(s.boots());
        out.writeInt(s.lines().size());
        for (LineInfo line : s.lines()) {
            line(out, line);
        }
        out.writeLong(s.since().toEpochMilli());
    }

    private static GuestSnapshot snapshot(DataInputStream in) throws IOException {
        String name = string(in);
        String umid = string(in);
        InstanceState state = InstanceState.valueOf(string(in));
        String reason = string(in);
        boolean hasExit = in.readBoolean();
        int exit = in.readInt();
        long pid = in.readLong();
        long holderPid = in.readLong();
        Optional<String> socket = optional(in);
        int boots = in.readInt();
        int count = in.readInt();
        List<LineInfo> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(line(in));
        }
        Instant since = Instant.ofEpochMilli(in.readLong());
        return new GuestSnapshot(name, umid, state, reason, hasExit ? OptionalInt.of(exit) : OptionalInt.empty(),
                pid < 0 ? OptionalLong.empty() : OptionalLong.of(pid), holderPid, socket, boots, lines, since);
    }

    private static void line(DataOutputStream out, LineInfo line) throws IOException {
        string(out, line.name());
        string(out, line.transport().name());
        optional(out, line.device());
        out.writeBoolean(line.connected());
    }

    private static LineInfo line(DataInputStream in) throws IOException {
        return new LineInfo(string(in), LineInfo.Transport.valueOf(string(in)), optional(in), in.readBoolean());
    }

    private static void event(DataOutputStream out, GuestEvent event) throws IOException {
        if (event instanceof GuestEvent.StateChanged e) {
            out.writeByte(1);
            snapshot(out, e.snapshot());
            string(out, e.from().name());
        } else if (event instanceof GuestEvent.Rebooted e) {
            out.writeByte(2);
            snapshot(out, e.snapshot());
        } else if (event instanceof GuestEvent.LineChanged e) {
            out.writeByte(3);
            string(out, e.name());
            line(out, e.line());
        } else if (event instanceof GuestEvent.GuestNotice e) {
            out.writeByte(4);
            string(out, e.name());
            string(out, e.text());
        }
    }

    private static GuestEvent event(DataInputStream in) throws IOException {
        int kind = in.readUnsignedByte();
        return switch (kind) {
            case 1 -> new GuestEvent.StateChanged(snapshot(in), InstanceState.valueOf(string(in)));
            case 2 -> new GuestEvent.Rebooted(snapshot(in));
            case 3 -> new GuestEvent.LineChanged(string(in), line(in));
            case 4 -> new GuestEvent.GuestNotice(string(in), string(in));
            default -> throw new IOException("unknown event kind " + kind);
        };
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        bytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static String string(DataInputStream in) throws IOException {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > FrameChannel.MAX_FRAME) {
            throw new IOException("field of " + n + " bytes");
        }
        return in.readNBytes(n);
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            string(out, s);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(string(in));
        }
        return list;
    }

    private static void optional(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            string(out, value.get());
        }
    }

    private static Optional<String> optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(string(in)) : Optional.empty();
    }
}
