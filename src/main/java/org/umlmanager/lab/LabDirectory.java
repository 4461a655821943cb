package org.umlmanager.lab;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a lab directory: {@code lab.conf} (required), {@code lab.dep} (optional), and checks the
 * startup and shutdown files and trees the devices will read at boot. Blocking file I/O; pure
 * otherwise.
 */
public final class LabDirectory {

    /** Files the boot hook reads besides the devices' own. */
    public static final String SHARED = "shared";
    static final String STARTUP = ".startup";
    static final String SHUTDOWN = ".shutdown";
    private static final long MAX_CONF_BYTES = 1 << 20;

    private LabDirectory() {
    }

    /**
     * Reads and checks the lab directory {@code dir}.
     *
     * @throws LabImportException naming every problem that stops the import
     */
    public static LabSource read(Path dir) throws LabImportException {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            throw single(dir.toString(), dir + " does not exist; give the directory that holds lab.conf");
        }
        if (!Files.isDirectory(real)) {
            throw single(dir.toString(), dir + " is not a directory; give the directory that holds lab.conf, not a"
                    + " file in it");
        }
        Path confFile = real.resolve(LabConfParser.FILE);
        if (!Files.isRegularFile(confFile)) {
            throw single(LabConfParser.FILE, "there is no lab.conf in " + real + "; a lab directory has a lab.conf"
                    + " naming its devices and their collision domains (r1[0]=A)");
        }
        LabConf conf = LabConfParser.parse(text(confFile, LabConfParser.FILE));
        if (conf.devices().isEmpty()) {
            throw single(LabConfParser.FILE, "lab.conf defines no device; add lines such as r1[0]=\"A\"");
        }
        List<String> names = conf.devices().stream().map(LabConf.Device::name).toList();
        Path depFile = real.resolve(LabDep.FILE);
        LabDep dep = LabDep.none();
        if (Files.exists(depFile, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(depFile)) {
                throw single(LabDep.FILE, "lab.dep is not a file; remove it or make it one");
            }
            dep = LabDep.parse(text(depFile, LabDep.FILE), names);
        }
        List<LabProblem> problems = new ArrayList<>();
        List<String> entries = entries(real);
        checkFiles(real, SHARED, entries, problems);
        for (String device : names) {
            checkFiles(real, device, entries, problems);
            boolean anything = Files.exists(real.resolve(device + STARTUP)) || Files.isDirectory(real.resolve(device));
            if (!anything) {
                Optional<String> other = entries.stream().filter(e -> !e.equals(device + STARTUP)
                        && e.equalsIgnoreCase(device + STARTUP)).findFirst();
                problems.add(LabProblem.warning(device + STARTUP, device + " has no " + device + STARTUP + " and no "
                        + device + "/ directory" + other.map(o -> " (there is " + o + ": file names are"
                        + " case-sensitive; rename it)").orElse(": it boots with its interfaces up and no addresses")));
            }
        }
        for (String entry : entries) {
            for (String suffix : List.of(STARTUP, SHUTDOWN)) {
                String base = entry.endsWith(suffix) ? entry.substring(0, entry.length() - suffix.length()) : null;
                if (base != null && !base.equals(SHARED) && !names.contains(base)) {
                    problems.add(LabProblem.warning(entry, base + " is not a device of lab.conf, so " + entry
                            + " is not run; add " + base + " to lab.conf or rename the file"));
                }
            }
        }
        if (problems.stream().anyMatch(LabProblem::error)) {
            throw new LabImportException("The lab directory " + real + " has errors", problems);
        }
        return new LabSource(real, conf, dep, problems);
    }

    /** A startup or shutdown file must be a readable file, a tree a directory. */
    private static void checkFiles(Path dir, String name, List<String> entries, List<LabProblem> problems) {
        for (String suffix : List.of(STARTUP, SHUTDOWN)) {
            Path file = dir.resolve(name + suffix);
            if (!Files.exists(file)) {
                if (Files.isSymbolicLink(file)) {
                    problems.add(LabProblem.error(name + suffix, name + suffix + " is a link to something that does"
                            + " not exist; replace it with the file"));
                }
                continue;
            }
            if (!Files.isRegularFile(file)) {
                problems.add(LabProblem.error(name + suffix, name + suffix + " is not a file; it must be the shell"
                        + " script the device runs"));
            } else if (!Files.isReadable(file)) {
                problems.add(LabProblem.error(name + suffix, name + suffix + " cannot be read (permissions); make it"
                        + " readable: chmod a+r " + file));
            }
        }
        Path tree = dir.resolve(name);
        if (entries.contains(name) && !Files.isDirectory(tree)) {
            problems.add(LabProblem.error(name, name + " is not a directory; the files a device gets are in the"
                    + " directory named after it"));
        } else if (Files.isDirectory(tree) && !Files.isReadable(tree)) {
            problems.add(LabProblem.error(name, name + "/ cannot be read (permissions); chmod -R a+rX " + tree));
        }
    }

    private static List<String> entries(Path dir) throws LabImportException {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(p -> out.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw single(dir.toString(), "cannot list " + dir + ": " + e.getMessage());
        }
        out.sort(null);
        return out;
    }

    private static String text(Path file, String where) throws LabImportException {
        try {
            if (Files.size(file) > MAX_CONF_BYTES) {
                throw single(where, where + " is larger than 1 MiB; that is not a lab file");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw single(where, where + " is not UTF-8 text; save it as UTF-8 (or plain ASCII)");
        } catch (IOException e) {
            throw single(where, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static LabImportException single(String where, String message) {
        return new LabImportException("Cannot import the lab", List.of(LabProblem.error(where, message)));
    }
}
