package org.umlmanager.ui;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Deterministic "mixed ANSI text": log-like lines with colours, bold, 256-colour and plain runs. */
final class AnsiSample {

    private static final String[] WORDS = {"kernel", "ubda:", "mounted", "eth0", "link", "up", "systemd[1]:",
        "Started", "Reached", "target", "0x7fffffff", "EXT4-fs", "(ubda):", "re-mounted.", "Opts:", "(null)",
        "random:", "crng", "init", "done", "NET:", "Registered", "protocol", "family", "16", "Virtual", "console",
        "assigned", "device", "'/dev/pts/3'", "Freeing", "unused", "memory:", "1024K", "└─", "✓", "ok"};

    private AnsiSample() {
    }

    static Path write(Path file, long bytes) throws IOException {
        Random random = new Random(42);
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            StringBuilder line = new StringBuilder();
            long n = 0;
            while (written < bytes) {
                line.setLength(0);
                line.append(String.format("[%6d.%06d] ", n / 1000, (n % 1000) * 997));
                int words = 3 + random.nextInt(14);
                for (int w = 0; w < words; w++) {
                    int style = random.nextInt(10);
                    String word = WORDS[random.nextInt(WORDS.length)];
                    switch (style) {
                        case 0 -> line.append("\u001b[1;3").append(1 + random.nextInt(6)).append('m').append(word)
                                .append("\u001b[0m");
                        case 1 -> line.append("\u001b[38;5;").append(random.nextInt(256)).append('m').append(word)
                                .append("\u001b[39m");
                        case 2 -> line.append("\u001b[4m").append(word).append("\u001b[24m");
                        default -> line.append(word);
                    }
                    line.append(' ');
                }
                line.append("\r\n");
                byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
                int len = (int) Math.min(b.length, bytes - written);
                out.write(b, 0, len);
                written += len;
                n++;
            }
        }
        return file;
    }
}
