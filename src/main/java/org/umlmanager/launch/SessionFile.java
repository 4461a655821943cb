package org.umlmanager.launch;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import org.umlmanager.host.PrivateDirectory;
import org.umlmanager.model.InstanceState;

/**
 * Reads and writes a session file: Java properties, written atomically (temp file, rename) so
 * that a reader never sees half a file. Not flushed to disk: session files live in the runtime
 * directory (a tmpfs under {@code XDG_RUNTIME_DIR}) and describe processes that an operating
 * system crash ends anyway, while an fsync would sit on the path from start to first console
 * byte. Stateless; concurrent writers of the same file must be serialised by the caller.
 */
public final class SessionFile {

    private SessionFile() {
    }

    public static void write(Path file, SessionRecord record) throws IOException {
        GuestSnapshot s = record.snapshot();
        Properties p = new Properties();
        p.setProperty("name", s.name());
        p.setProperty("umid", s.umid());
        p.setProperty("umlDir", record.umlDir().toString());
        p.setProperty("state", s.state().name());
        p.setProperty("reason", s.reason());
        s.exitStatus().ifPresent(v -> p.setProperty("exitStatus", Integer.toString(v)));
        s.umlPid().ifPresent(v -> p.setProperty("umlPid", Long.toString(v)));
        p.setProperty("holderPid", Long.toString(s.holderPid()));
        s.mconsoleSocket().ifPresent(v -> p.setProperty("mconsoleSocket", v));
        p.setProperty("boots", Integer.toString(s.boots()));
        p.setProperty("since", s.since().toString());
        for (int i = 0; i < s.lines().size(); i++) {
            LineInfo line = s.lines().get(i);
            p.setProperty("line." + i + ".name", line.name());
            p.setProperty("line." + i + ".transport", line.transport().name());
            String prefix = "line." + i;
            line.device().ifPresent(d -> p.setProperty(prefix + ".device", d));
            p.setProperty("line." + i + ".connected", Boolean.toString(line.connected()));
        }
        StringWriter text = new StringWriter();
        p.store(text, "UML Manager guest session");
        writeAtomically(file, text.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The record in {@code file}; empty if there is none or it cannot be read (a half-made session). */
    public static Optional<SessionRecord> read(Path file) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
            List<LineInfo> lines = new ArrayList<>();
            for (int i = 0; p.containsKey("line." + i + ".name"); i++) {
                lines.add(new LineInfo(p.getProperty("line." + i + ".name"),
                        LineInfo.Transport.valueOf(p.getProperty("line." + i + ".transport")),
                        Optional.ofNullable(p.getProperty("line." + i + ".device")),
                        Boolean.parseBoolean(p.getProperty("line." + i + ".connected"))));
            }
            GuestSnapshot snapshot = new GuestSnapshot(required(p, "name"), required(p, "umid"),
                    InstanceState.valueOf(required(p, "state")), p.getProperty("reason", ""),
                    optionalInt(p.getProperty("exitStatus")), optionalLong(p.getProperty("umlPid")),
                    Long.parseLong(required(p, "holderPid")), Optional.ofNullable(p.getProperty("mconsoleSocket")),
                    Integer.parseInt(p.getProperty("boots", "0")), lines, Instant.parse(required(p, "since")));
            return Optional.of(new SessionRecord(snapshot, Path.of(required(p, "umlDir"))));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return v;
    }

    private static OptionalInt optionalInt(String v) {
        return v == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v));
    }

    private static OptionalLong optionalLong(String v) {
        return v == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v));
    }

    /** Writes {@code content} to a temporary file beside {@code file} and renames it into place. */
    static void writeAtomically(Path file, byte[] content) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        // Mode 0600 from the start: it names the guest's sockets, devices and processes.
        try (FileChannel out = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PrivateDirectory.FILE_MODE))) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
