package org.umlmanager.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.umlmanager.cow.BackingFileUsers;
import org.umlmanager.cow.CowFiles;
import org.umlmanager.cow.CowUser;
import org.umlmanager.cow.CowUsers;
import org.umlmanager.disk.DiskImages;
import org.umlmanager.disk.ImageInfo;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;

/** The disk files of the configured instances, read from the files themselves. Blocking file I/O. */
final class DiskScan {

    private DiskScan() {
    }

    /** Backing files (with their COW files) first, then the plain images, each sorted by path. */
    static List<DiskEntry> of(List<Instance> instances) {
        List<DiskEntry> items = new ArrayList<>();
        Map<Path, Integer> cowsOn = new LinkedHashMap<>();
        for (BackingFileUsers backing : CowUsers.all(instances)) {
            cowsOn.put(backing.backingFile(), backing.users().size());
            List<DiskEntry.Cow> cows = backing.users().stream().map(DiskScan::cow).toList();
            Info info = info(backing.backingFile());
            items.add(new DiskEntry.Backing(backing.backingFile(), info.info(), info.error(), cows));
        }
        Map<Path, List<String>> plain = new LinkedHashMap<>();
        for (Instance instance : instances) {
            for (Disk disk : instance.disks()) {
                Path image = Path.of(disk.image()).toAbsolutePath().normalize();
                if (disk.cowFile().isEmpty() && !CowFiles.isCowFile(image)) {
                    plain.computeIfAbsent(image, p -> new ArrayList<>()).add(instance.name() + " " + disk.deviceName());
                }
            }
        }
        plain.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Info info = info(e.getKey());
            Integer cows = cowsOn.get(realPath(e.getKey()));
            String warning = cows == null ? "" : "the backing file of " + cows + (cows == 1 ? " COW file" : " COW files")
                    + ": a guest writing to it makes the kernel refuse them";
            items.add(new DiskEntry.Image(e.getKey(), e.getValue(), info.info(), info.error(), warning));
        });
        return items;
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file;
        }
    }

    private static DiskEntry.Cow cow(CowUser user) {
        if (user.state() == CowUser.State.NOT_CREATED || user.state() == CowUser.State.UNREADABLE) {
            return new DiskEntry.Cow(user, Optional.empty());
        }
        try {
            return new DiskEntry.Cow(user, Optional.of(CowFiles.info(user.cowFile())));
        } catch (IOException e) {
            return new DiskEntry.Cow(user, Optional.empty());
        }
    }

    private record Info(Optional<ImageInfo> info, String error) {
    }

    private static Info info(Path file) {
        try {
            return new Info(Optional.of(DiskImages.info(file)), "");
        } catch (IOException e) {
            return new Info(Optional.empty(), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
