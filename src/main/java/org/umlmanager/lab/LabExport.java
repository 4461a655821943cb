package org.umlmanager.lab;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Lab;
import org.umlmanager.model.LabDevice;
import org.umlmanager.model.LabSetting;
import org.umlmanager.model.MemorySize;
import org.umlmanager.model.NetworkAttachment;

/**
 * Writes a lab back as a lab directory that imports to the same lab: the lab directory's files
 * (startup and shutdown files, device and shared trees, anything else in it), and a lab.conf and
 * lab.dep made from the lab as it is now: each device's interfaces from its instance (so links
 * changed in the editor are exported), {@code mem} from its instance when lab.conf set one, every
 * other setting and the metadata verbatim. The directory appears complete or not at all. Blocking
 * file I/O.
 */
public final class LabExport {

    /** What was written, and what a lab.conf could not say. */
    public record Result(Path directory, List<String> warnings) {
        public Result {
            Objects.requireNonNull(directory, "directory");
            warnings = List.copyOf(warnings);
        }
    }

    private LabExport() {
    }

    /**
     * Exports {@code lab}, whose instances are {@code instances}, to {@code target}, which must not
     * exist or be an empty directory.
     *
     * @throws IOException when the target is taken or a file cannot be copied or written
     */
    public static Result export(Lab lab, List<Instance> instances, Path target) throws IOException {
        Path dest = target.toAbsolutePath().normalize();
        if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
            boolean empty;
            try (Stream<Path> s = Files.list(dest)) {
                empty = Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS) && s.findAny().isEmpty();
            }
            if (!empty) {
                throw new IOException(dest + " already exists and is not an empty directory; export to a new one");
            }
        }
        Path parent = dest.getParent();
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, "." + dest.getFileName() + ".export-");
        List<String> warnings = new ArrayList<>();
        try {
            Optional<Path> source = lab.directory().map(Path::of);
            if (source.isPresent() && Files.isDirectory(source.get())) {
                copyTree(source.get(), work);
            } else {
                warnings.add("the lab directory " + lab.directory().orElse("(none)") + " is gone: only lab.conf and"
                        + " lab.dep were written, without startup files");
            }
            Files.writeString(work.resolve(LabConfParser.FILE), labConf(lab, instances, warnings));
            Files.deleteIfExists(work.resolve(LabDep.FILE));
            String dep = labDep(lab);
            if (!dep.isEmpty()) {
                Files.writeString(work.resolve(LabDep.FILE), dep);
            }
            if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(dest);
            }
            Files.move(work, dest, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(work);
            throw e;
        }
        return new Result(dest, warnings);
    }

    /** The lab.conf text for {@code lab}. */
    public static String labConf(Lab lab, List<Instance> instances, List<String> warnings) {
        StringBuilder b = new StringBuilder("# lab ").append(lab.name()).append(", exported by UML Manager\n");
        for (LabSetting s : lab.metadata()) {
            b.append(s.key()).append('=').append(quoted(s.key(), s.value(), warnings)).append('\n');
        }
        for (LabDevice device : lab.devices()) {
            b.append('\n');
            Optional<Instance> instance = instances.stream().filter(i -> i.name().equals(device.instance())).findFirst();
            if (instance.isEmpty()) {
                warnings.add("device " + device.name() + ": its instance " + device.instance() + " no longer exists;"
                        + " its interfaces are not exported");
            }
            boolean bridged = device.setting("bridged").map(v -> v.equalsIgnoreCase("true") || v.equals("1")
                    || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on")).orElse(false);
            for (NetworkAttachment a : instance.map(Instance::attachments).orElse(List.of())) {
                Optional<String> domain = lab.domainOfNetwork(a.network()).map(d -> d.name());
                if (domain.isPresent() && a.family() == NetworkAttachment.Family.ETH) {
                    b.append(device.name()).append('[').append(a.unit()).append("]=\"").append(domain.get())
                            .append(a.mac().map(m -> "/" + m).orElse("")).append("\"\n");
                } else if (!(bridged && a.network().equals(org.umlmanager.model.Network.DEFAULT_NAME))) {
                    warnings.add("device " + device.name() + ": " + a.deviceName() + " on network " + a.network()
                            + " is not a collision domain of the lab; lab.conf cannot say it, so it is left out");
                }
            }
            for (LabSetting s : device.settings()) {
                String value = s.value();
                if (s.key().equals("mem") && instance.isPresent() && instance.get().memory().isPresent()
                        && !sameMemory(value, instance.get().memory().get())) {
                    value = (instance.get().memory().get().bytes() >> 20) + "m";
                }
                b.append(device.name()).append('[').append(s.key()).append("]=")
                        .append(quoted(device.name() + "[" + s.key() + "]", value, warnings)).append('\n');
            }
        }
        return b.toString();
    }

    /** The lab.dep text for {@code lab}; empty when no device waits for another. */
    public static String labDep(Lab lab) {
        StringBuilder b = new StringBuilder();
        for (LabDevice d : lab.devices()) {
            if (!d.after().isEmpty()) {
                b.append(d.name()).append(": ").append(String.join(" ", d.after())).append('\n');
            }
        }
        return b.isEmpty() ? "" : "# lab " + lab.name() + ", exported by UML Manager\n" + b;
    }

    private static boolean sameMemory(String setting, MemorySize memory) {
        String s = setting.strip();
        Optional<MemorySize> parsed = s.matches("[0-9]{1,9}") ? Optional.of(MemorySize.ofMebibytes(Long.parseLong(s)))
                : MemorySize.parse(s);
        return parsed.map(p -> p.bytes() == memory.bytes()).orElse(false);
    }

    private static String quoted(String what, String value, List<String> warnings) {
        if (!value.contains("\"")) {
            return "\"" + value + "\"";
        }
        if (!value.contains("'")) {
            return "'" + value + "'";
        }
        warnings.add(what + ": its value holds both kinds of quote, which lab.conf cannot write; the double quotes"
                + " were dropped");
        return "\"" + value.replace("\"", "") + "\"";
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path d = to.resolve(from.relativize(dir).toString());
                if (!dir.equals(from)) {
                    Files.copy(dir, d, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path rel = from.relativize(file);
                String top = rel.getNameCount() == 1 ? rel.toString() : "";
                if (!top.equals(LabConfParser.FILE) && !top.equals(LabDep.FILE)) {
                    Files.copy(file, to.resolve(rel.toString()), StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
