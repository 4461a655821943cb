package org.umlmanager.cow;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of checking a COW file against its backing file, the way the kernel does when it
 * opens the disk (size and mtime in seconds; the content is never compared).
 *
 * @param cowFile     the COW file
 * @param header      its header
 * @param backingFile the backing file checked: the header's, or the one given instead
 * @param problems    empty when the kernel would accept the pair
 */
public record CowCheck(Path cowFile, CowHeader header, Path backingFile, List<CowProblem> problems) {

    public CowCheck {
        Objects.requireNonNull(cowFile);
        Objects.requireNonNull(header);
        Objects.requireNonNull(backingFile);
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** One paragraph: that the pair is fine, or every problem with its fix. */
    public String explanation() {
        if (valid()) {
            return cowFile + " matches its backing file " + backingFile + " (size " + header.size() + " bytes, mtime "
                    + header.mtime() + ")";
        }
        return cowFile + " does not match its backing file; UML will refuse it. "
                + problems.stream().map(CowProblem::explanation).collect(Collectors.joining(" "));
    }
}
