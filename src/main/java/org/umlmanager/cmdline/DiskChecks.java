package org.umlmanager.cmdline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.umlmanager.model.Disk;
import org.umlmanager.model.DiskFlag;
import org.umlmanager.model.Instance;

/** The ubd disks' part of {@link Validator}. */
final class DiskChecks {

    private DiskChecks() {
    }

    static void check(Instance instance, ValidationContext context, List<Problem> p) {
        List<Disk> disks = instance.disks();
        Map<Integer, Integer> units = new HashMap<>();
        Map<String, Integer> writers = new HashMap<>();
        Map<String, Integer> backings = new HashMap<>();
        for (int i = 0; i < disks.size(); i++) {
            Disk d = disks.get(i);
            String f = "disks[" + i + "]";
            String subject = DiskArgs.write(d);
            if (d.unit() < 0 || d.unit() >= Disk.MAX_UNITS) {
                p.add(Problem.error(f + ".unit", subject, "unit " + d.unit() + " is out of range; the kernel has"
                        + " units 0 to 15 (ubda to ubdp)"));
            } else if (units.containsKey(d.unit())) {
                p.add(Problem.error(f + ".unit", subject, "unit " + d.unit() + " is already used by disks["
                        + units.get(d.unit()) + "] and the kernel ignores this one; give it a free unit"));
            } else {
                units.put(d.unit(), i);
            }
            path(f + ".image", subject, d.image(), d.cowFile().isPresent() ? "backing image" : "image", p);
            d.cowFile().ifPresent(c -> path(f + ".cowFile", subject, c, "COW file", p));
            d.serial().filter(s -> s.contains(",") || s.contains(":") || s.chars().anyMatch(Character::isWhitespace))
                    .ifPresent(s -> p.add(Problem.error(f + ".serial", subject, "the serial number cannot contain"
                            + " ',', ':' or spaces (the kernel splits the option there); remove them")));
            if (d.cowFile().isPresent() && d.flags().contains(DiskFlag.DATA)) {
                p.add(Problem.error(f + ".flags", subject, "the kernel refuses the d flag together with a COW file"
                        + " (Can't specify both 'd' and a cow file); remove d or the COW file"));
            }
            if (d.cowFile().isPresent() && d.cowFile().get().equals(d.image())) {
                p.add(Problem.error(f + ".cowFile", subject, "the COW file and its backing image are the same file;"
                        + " give the COW file its own name"));
            }
            if (d.flags().contains(DiskFlag.SHARED)) {
                p.add(Problem.warning(f + ".flags", subject, "the c flag turns off host file locking: another guest"
                        + " can write the same image and corrupt it. Use it only for a cluster filesystem"));
            }
            if (context.checkFiles()) {
                files(d, f, subject, context, p);
            }
            String key = normalized(d.writableFile(), context.baseDir());
            if (!d.readOnly()) {
                Integer other = writers.putIfAbsent(key, i);
                Integer backing = backings.get(key);
                if (other != null) {
                    p.add(Problem.warning(f, subject, "disks[" + other + "] writes to " + d.writableFile() + " too;"
                            + " two writers corrupt the filesystem (the kernel's lock makes the second fail). Give"
                            + " each disk its own image or a COW file over a shared one"));
                } else if (backing != null) {
                    p.add(Problem.warning(f, subject, d.writableFile() + " is the backing image of disks[" + backing
                            + "]; writing it invalidates that COW file. Write to a COW file of its own"));
                }
            }
            if (d.cowFile().isPresent()) {
                String image = normalized(d.image(), context.baseDir());
                backings.putIfAbsent(image, i);
                Integer writer = writers.get(image);
                if (writer != null && writer != i) {
                    p.add(Problem.warning(f, subject, "its backing image " + d.image() + " is written by disks["
                            + writer + "], which invalidates this COW file; write to a COW file there too"));
                }
            }
        }
    }

    private static void path(String field, String subject, String path, String what, List<Problem> p) {
        if (path.isEmpty()) {
            p.add(Problem.error(field, subject, "no " + what + " given; choose a file"));
        } else if (path.contains(",") || path.contains(":")) {
            p.add(Problem.error(field, subject, "the " + what + " path " + path + " contains '"
                    + (path.contains(",") ? "," : ":") + "', where the kernel splits the option (there is no"
                    + " escaping); rename the file or link to it from a path without ',' and ':'"));
        } else if (path.chars().anyMatch(Character::isWhitespace)) {
            p.add(Problem.error(field, subject, "the " + what + " path " + path + " contains a space, where the"
                    + " kernel splits its command line; rename the file or link to it from a path without spaces"));
        } else if (path.startsWith("~")) {
            p.add(Problem.warning(field, subject, "the kernel does not expand ~ in " + path + "; give the full path"));
        }
    }

    /** What the host has at the disk's paths: a warning when saving, an error when starting (but see the last). */
    private static void files(Disk d, String f, String subject, ValidationContext context, List<Problem> p) {
        Path base = context.baseDir();
        Path image = base.resolve(d.image());
        String imageField = f + ".image";
        if (Files.isDirectory(image)) {
            p.add(context.hostProblem(imageField, subject, d.image() + " is a directory, not a disk image; give an"
                    + " image file (to boot from a host directory use root=/dev/root rootfstype=hostfs"
                    + " rootflags=DIR)"));
        } else if (!Files.exists(image)) {
            p.add(context.hostProblem(imageField, subject, d.image() + " does not exist; create the image or fix the"
                    + " path"));
        } else if (!Files.isReadable(image)) {
            p.add(context.hostProblem(imageField, subject, d.image() + " is not readable by you; fix its"
                    + " permissions"));
        } else if (d.cowFile().isEmpty() && !d.readOnly() && !Files.isWritable(image)) {
            // The kernel boots on with the disk read-only: worth a warning even when starting.
            p.add(Problem.warning(imageField, subject, d.image() + " is not writable, so the kernel silently opens"
                    + " it read-only; add the r flag or fix its permissions"));
        }
        Optional<Path> cow = d.cowFile().map(base::resolve);
        if (cow.isPresent() && Files.isDirectory(cow.get())) {
            p.add(context.hostProblem(f + ".cowFile", subject, d.cowFile().get() + " is a directory; give a file"
                    + " name for the COW file (the kernel creates it)"));
        } else if (cow.isPresent() && !Files.exists(cow.get()) && !Files.isWritable(cow.get().toAbsolutePath()
                .getParent())) {
            p.add(context.hostProblem(f + ".cowFile", subject, "the kernel cannot create " + d.cowFile().get()
                    + " there; choose a writable directory"));
        }
    }

    private static String normalized(String path, Path base) {
        return path.startsWith("~") ? path : base.resolve(path).normalize().toString();
    }
}
