package org.umlmanager.network;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * The network runtime's small files (state, registrations, the network's settings for its
 * keeper): {@link Properties} in UTF-8, replaced atomically, mode 0600. They live on the runtime
 * tmpfs and are rewritten at every change, so they are not flushed to disk.
 */
final class PropertiesFiles {

    private PropertiesFiles() {
    }

    static Optional<Properties> read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(in);
            return Optional.of(p);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static void write(Path file, Properties values) throws IOException {
        // Sorted, without the date comment Properties.store writes: equal content gives equal files.
        StringWriter text = new StringWriter();
        values.store(text, null);
        String body = text.toString().lines().filter(l -> !l.startsWith("#")).sorted()
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, body, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
