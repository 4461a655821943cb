package org.umlmanager.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.umlmanager.host.FileId;
import org.umlmanager.host.HostProcess;

/**
 * Every UML kernel of this user running on the host, found in {@code /proc} whatever its uml_dir
 * and whoever started it, with the files it writes and reads: those its command line names (COW
 * files with the backing files their headers name, relative paths against its working directory)
 * and those it has open at this moment (a disk it opened under another name, or whose name has
 * since changed). Files are compared by device and inode, so a hard link, a symbolic link or any
 * other path to the same file is the same file. Stateless; a scan takes a snapshot.
 */
final class RunningKernels {

    /**
     * Options only a UML kernel takes. A process whose arguments include one is taken for one;
     * its helper processes carry the same command line and are folded into it.
     */
    private static final Pattern UML_OPTION = Pattern.compile(
            "(ubd[0-9]+[a-z]*|umid|uml_dir|con[0-9]*|ssl[0-9]*|eth[0-9]+|mconsole|hostfs)=.*|vec[0-9]+:.*");
    private static final int O_ACCMODE = 3;
    private static final int O_RDONLY = 0;

    /** One kernel: its process and the files it writes and reads. */
    record Kernel(HostProcess process, Set<GuestFiles.Key> written, Set<GuestFiles.Key> read) {

        long pid() {
            return process.pid();
        }

        /** Its {@code umid=}, if its command line has one. */
        Optional<String> umid() {
            return process.argv().stream().filter(a -> a.startsWith("umid=")).findFirst().map(a -> a.substring(5));
        }
    }

    private RunningKernels() {
    }

    /** Whether {@code argv} (binary first) is a UML kernel's command line. */
    static boolean looksLikeUml(List<String> argv) {
        return argv.size() > 1 && argv.subList(1, argv.size()).stream().anyMatch(a -> UML_OPTION.matcher(a).matches());
    }

    /** The UML kernels of this user now running, except this process. */
    static List<Kernel> scan() {
        long me = ProcessHandle.current().pid();
        long uid = HostProcess.currentUid();
        Map<Long, HostProcess> uml = new java.util.LinkedHashMap<>();
        for (long pid : HostProcess.allPids()) {
            if (pid == me) {
                continue;
            }
            HostProcess.of(pid).filter(p -> p.uid() == uid && p.state() != 'Z' && looksLikeUml(p.argv()))
                    .ifPresent(p -> uml.put(pid, p));
        }
        List<Kernel> kernels = new ArrayList<>();
        for (HostProcess p : uml.values()) {
            HostProcess parent = uml.get(p.ppid());
            if (parent != null && parent.argv().equals(p.argv())) {
                continue; // a helper of that kernel (its ubd thread, a guest address space)
            }
            kernels.add(kernel(p));
        }
        return kernels;
    }

    private static Kernel kernel(HostProcess p) {
        Path proc = Path.of("/proc", Long.toString(p.pid()));
        Set<GuestFiles.Key> written = new LinkedHashSet<>();
        Set<GuestFiles.Key> read = new LinkedHashSet<>();
        try {
            Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
            GuestFiles.ofCommandLine(p.argv(), cwd).ifPresent(files -> {
                written.addAll(files.writtenKeys());
                read.addAll(files.readKeys());
            });
        } catch (IOException | RuntimeException e) {
            // gone, or not ours to read: its open files may still tell
        }
        openFiles(proc, written, read);
        read.removeAll(written);
        return new Kernel(p, written, read);
    }

    /** The regular files {@code /proc/PID/fd} shows, by how they were opened. */
    private static void openFiles(Path proc, Set<GuestFiles.Key> written, Set<GuestFiles.Key> read) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    if (!Files.isRegularFile(fd)) {
                        continue;
                    }
                    Optional<FileId> id = FileId.of(fd);
                    if (id.isEmpty()) {
                        continue;
                    }
                    (accessMode(proc, fd.getFileName().toString()) == O_RDONLY ? read : written)
                            .add(new GuestFiles.Existing(id.get()));
                } catch (IOException | RuntimeException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended, or its descriptors are not ours to see
        }
    }

    private static int accessMode(Path proc, String fd) throws IOException {
        for (String line : Files.readAllLines(proc.resolve("fdinfo").resolve(fd), StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("flags:")) {
                return Integer.parseInt(line.substring(6).trim(), 8) & O_ACCMODE;
            }
        }
        return O_RDONLY;
    }
}
