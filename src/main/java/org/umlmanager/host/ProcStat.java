package org.umlmanager.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields of {@code /proc/PID/stat} that UML Manager reads: whether a process still runs, its
 * parent, process group and session. Read as ISO-8859-1, since a command name is any bytes; the
 * name sits in parentheses and may itself hold spaces and parentheses, so the fields are counted
 * from the last ')'.
 *
 * @param state   R running, S sleeping, D in the disk, T stopped, Z zombie, X dead, …
 * @param ppid    its parent
 * @param pgrp    its process group
 * @param session its session
 */
public record ProcStat(long pid, char state, long ppid, long pgrp, long session) {

    private static final Path PROC = Path.of("/proc");

    /** The process {@code pid}'s stat line, if it exists (a zombie too) and can be read. */
    public static Optional<ProcStat> read(long pid) {
        try {
            return parse(pid, Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"),
                    StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<ProcStat> parse(long pid, String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0 || stat.length() < close + 3) {
            return Optional.empty();
        }
        String[] f = stat.substring(close + 2).split(" ");
        try {
            return Optional.of(new ProcStat(pid, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code pid} is a process that has not ended: it exists and is no zombie waiting for its parent. */
    public static boolean alive(long pid) {
        return read(pid).map(s -> !s.ended()).orElse(false);
    }

    /** Whether the process has ended and only its entry is left (a zombie, or dead). */
    public boolean ended() {
        return state == 'Z' || state == 'X';
    }
}
