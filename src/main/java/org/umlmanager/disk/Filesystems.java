package org.umlmanager.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.umlmanager.job.HostCommand;
import org.umlmanager.job.HostTools;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.job.Cancellation;

/** The filesystems the host can make ({@code mkfs.*} on PATH and in the sbin directories), and making one. */
public final class Filesystems {

    /** What {@code disk create} makes when no type is given. */
    public static final String DEFAULT_TYPE = "ext4";

    /** Populating a big tree into a big image takes a while; a hang must still end. */
    static final Duration MKFS_TIMEOUT = Duration.ofMinutes(30);

    /** Builds a read-only image from a directory instead of formatting a given file, so it cannot serve here. */
    private static final String CRAMFS = "cramfs";

    private Filesystems() {
    }

    /** The types this host offers, sorted by name. */
    public static List<FilesystemType> available() throws IOException {
        List<FilesystemType> types = new ArrayList<>();
        for (Path tool : HostTools.findAll("mkfs.")) {
            String name = tool.getFileName().toString().substring("mkfs.".length());
            if (!name.isEmpty() && !name.equals(CRAMFS)) {
                boolean populates = name.matches("ext[234]") || name.equals("btrfs");
                types.add(new FilesystemType(name, tool, populates));
            }
        }
        types.sort((a, b) -> a.name().compareTo(b.name()));
        return List.copyOf(types);
    }

    /** The type called {@code name}, or an error listing the ones the host has. */
    public static FilesystemType require(String name) throws IOException {
        List<FilesystemType> types = available();
        Optional<FilesystemType> found = types.stream().filter(t -> t.name().equals(name)).findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        List<String> names = types.stream().map(FilesystemType::name).toList();
        throw new DiskException("Unknown filesystem type '" + name + "': this host can make "
                + (names.isEmpty() ? "none (apt-get install e2fsprogs)" : String.join(", ", names)));
    }

    /** Refuses a directory the type cannot take, or one that is missing, before anything is made. */
    static void checkPopulate(FilesystemType type, Optional<Path> populateFrom) throws DiskException {
        if (populateFrom.isPresent()) {
            Path dir = populateFrom.get();
            if (!type.canPopulate()) {
                throw new DiskException("Cannot fill a " + type.name() + " filesystem from a directory without root;"
                        + " choose ext4 (mkfs.ext4 -d) or leave out the directory");
            }
            if (!Files.isDirectory(dir)) {
                throw new DiskException("The directory to copy into the image does not exist: " + dir);
            }
        }
    }

    /**
     * Makes a {@code type} filesystem on {@code image}, filled from {@code populateFrom} when given.
     *
     * @throws DiskException when the type cannot populate, the directory is missing, or the tool fails
     */
    public static void make(Path image, FilesystemType type, Optional<Path> populateFrom, ProgressListener listener,
                            Cancellation cancellation) throws IOException {
        checkPopulate(type, populateFrom);
        List<String> command = new ArrayList<>();
        command.add(type.tool().toString());
        if (type.isExt()) {
            command.addAll(List.of("-F", "-q"));
            populateFrom.ifPresent(dir -> command.addAll(List.of("-d", dir.toString())));
        } else if (type.name().equals("btrfs")) {
            command.addAll(List.of("-f", "-q"));
            populateFrom.ifPresent(dir -> command.addAll(List.of("--rootdir", dir.toString())));
        } else if (type.name().equals("xfs")) {
            command.addAll(List.of("-f", "-q"));
        }
        command.add(image.toString());
        String making = "Making the " + type.name() + " filesystem";
        listener.stage(populateFrom.map(dir -> making + " from " + dir).orElse(making));
        HostCommand.of(command).timeout(MKFS_TIMEOUT).run(listener, cancellation);
    }
}
