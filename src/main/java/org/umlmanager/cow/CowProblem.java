package org.umlmanager.cow;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Why a COW file does not fit its backing file, with the kernel's own words and ours. */
public sealed interface CowProblem {

    /** What UML (or uml_moo) prints when it refuses the disk. */
    String kernelMessage();

    /** What happened and how to fix it, for a person. */
    String explanation();

    /** The backing file named in the header (or given instead of it) does not exist. */
    record BackingMissing(Path backingFile) implements CowProblem {
        @Override
        public String kernelMessage() {
            return "Couldn't stat backing file \"" + backingFile + "\"";
        }

        @Override
        public String explanation() {
            return "The backing file " + backingFile + " does not exist. If it was moved, give its new path"
                    + " (uml_moo -b, or ubdN=COW,NEWPATH: the kernel rewrites the header when the file there has the"
                    + " recorded size and time); if it was deleted, the COW file is useless without it.";
        }
    }

    /** The backing file's size differs from the one recorded: it was resized or replaced. */
    record SizeMismatch(Path backingFile, long recorded, long actual) implements CowProblem {
        @Override
        public String kernelMessage() {
            return "Size mismatch (" + recorded + " vs " + actual + ") of COW header vs backing file";
        }

        @Override
        public String explanation() {
            return "The backing file " + backingFile + " is now " + actual + " bytes, but the COW file was made over "
                    + recorded + " bytes: it was resized or replaced, so its content changed. Restore the original"
                    + " backing file, or discard the COW file (its changes are lost).";
        }
    }

    /**
     * The backing file's modification time differs from the recorded one.
     *
     * @param sizeAlsoChanged when true the content certainly changed and resetting the time would not help
     */
    record MtimeMismatch(Path backingFile, long recorded, long actual, boolean sizeAlsoChanged) implements CowProblem {
        @Override
        public String kernelMessage() {
            return "mtime mismatch (" + recorded + " vs " + actual + ") of COW header vs backing file";
        }

        @Override
        public String explanation() {
            String what = "The backing file " + backingFile + " was modified at " + time(actual) + " (mtime " + actual
                    + "), but the COW file was made over its version of " + time(recorded) + " (mtime " + recorded
                    + ").";
            if (sizeAlsoChanged) {
                return what;
            }
            return what + " If its content did not change (only its time, for example by a copy or a touch),"
                    + " restore the time: touch -d @" + recorded + " '" + backingFile + "'. If the content changed,"
                    + " the COW file no longer fits: merge it into a copy of the original backing file, or discard"
                    + " it (its changes are lost).";
        }
    }

    private static String time(long epochSeconds) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                .format(Instant.ofEpochSecond(epochSeconds).atOffset(ZoneOffset.UTC));
    }
}
