package org.umlmanager.cow;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A COW file's header and how much of the disk it holds.
 *
 * @param cowFile        the COW file
 * @param header         its header
 * @param changedSectors sectors whose bit is set: the guest wrote them, they live in the COW file
 * @param fileLength     the COW file's apparent length
 */
public record CowInfo(Path cowFile, CowHeader header, long changedSectors, long fileLength) {

    public CowInfo {
        Objects.requireNonNull(cowFile);
        Objects.requireNonNull(header);
    }

    /** Bytes of the disk that live in the COW file. */
    public long changedBytes() {
        return changedSectors * header.sectorSize();
    }

    /** Changed sectors as a percentage of all sectors. */
    public double changedPercent() {
        long all = header.sectorCount();
        return all == 0 ? 0 : 100.0 * changedSectors / all;
    }
}
