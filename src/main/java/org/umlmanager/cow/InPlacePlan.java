package org.umlmanager.cow;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.umlmanager.disk.ByteSize;

/**
 * What an in-place merge ({@code uml_moo -d}) would do, to show the user before they confirm.
 *
 * @param cowFile        the COW file to merge
 * @param header         its header
 * @param backingFile    the backing file that will be rewritten
 * @param changedSectors sectors that will be written into it
 * @param invalidated    the other COW files on the same backing file, which stop working
 */
public record InPlacePlan(Path cowFile, CowHeader header, Path backingFile, long changedSectors,
                          List<Path> invalidated) {

    public InPlacePlan {
        Objects.requireNonNull(cowFile);
        Objects.requireNonNull(header);
        Objects.requireNonNull(backingFile);
        invalidated = List.copyOf(invalidated);
    }

    /** The warning to show before asking for confirmation. */
    public String summary() {
        String head = "Merging " + cowFile + " in place rewrites " + ByteSize.format(changedSectors * header.sectorSize())
                + " of " + backingFile + " and cannot be undone. Its modification time changes, so " + cowFile
                + " itself no longer fits it afterwards (delete or recreate it)";
        if (invalidated.isEmpty()) {
            return head + "; no other known COW file uses " + backingFile + ".";
        }
        return head + ", and " + invalidated.size() + " other COW file" + (invalidated.size() == 1 ? "" : "s")
                + " on it stop working too: "
                + invalidated.stream().map(Path::toString).collect(Collectors.joining(", ")) + ".";
    }
}
