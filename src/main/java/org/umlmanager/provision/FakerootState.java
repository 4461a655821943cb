package org.umlmanager.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fakeroot state file ({@code fakeroot -s}): one line per inode with the owner and mode fakeroot
 * pretends it has, {@code dev=fe00,ino=2147743,mode=100644,uid=0,gid=42,nlink=1,rdev=0}.
 */
final class FakerootState {

    private static final Pattern INO = Pattern.compile("(^|,)ino=(\\d+)(,|$)");

    private FakerootState() {
    }

    /**
     * Drops the entries of inodes the guest setup removed, so that files which reuse those inode
     * numbers are seen as what they are (owned by root, their real mode) instead of inheriting a
     * removed file's owner and mode.
     */
    static void forget(Path state, Set<Long> inodes) throws IOException {
        if (inodes.isEmpty() || !Files.exists(state)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(state)) {
            Matcher m = INO.matcher(line);
            if (!m.find() || !inodes.contains(Long.parseLong(m.group(2)))) {
                kept.add(line);
            }
        }
        Path temp = state.resolveSibling(state.getFileName() + ".new");
        Files.write(temp, kept);
        Files.move(temp, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
