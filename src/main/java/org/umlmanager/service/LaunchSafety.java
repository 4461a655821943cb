package org.umlmanager.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.cmdline.ValidationContext;
import org.umlmanager.cmdline.Validator;
import org.umlmanager.cow.CowCheck;
import org.umlmanager.cow.CowFiles;
import org.umlmanager.cow.CowProblem;
import org.umlmanager.launch.LaunchPlanner;
import org.umlmanager.launch.RuntimeLayout;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;

/**
 * The checks before a start, each refusal worded with what to do: the validator's errors (which
 * include a missing or non-executable kernel and missing images), the instance already running,
 * its umid taken by a live process, one of its files written by (or backing) another running
 * guest, and a COW file that no longer fits its backing file. Stateless.
 */
final class LaunchSafety {

    /** A running guest and its process, which tells which files it has open. */
    record Running(String name, long pid) {
    }

    private LaunchSafety() {
    }

    static List<Problem> check(Instance instance, RuntimeLayout layout, List<Running> running) {
        // What the host lacks was a warning when the instance was saved; now it refuses the start, in the same words.
        List<Problem> problems = new ArrayList<>(Validator.validate(instance, ValidationContext.forStarting(
                Optional.of(layout.defaultUmlDir()), layout.workingDirectory())).stream()
                .filter(Problem::isError).toList());
        for (Running r : running) {
            if (r.name().equals(instance.name())) {
                problems.add(Problem.error("name", instance.name(), instance.name() + " is already running (pid "
                        + r.pid() + "); stop it first, or open its console"));
                return problems;
            }
        }
        Path umlDir = LaunchPlanner.umlDir(instance, layout);
        UmidDirectories.read(umlDir, instance.umid()).filter(UmidDirectories.Entry::pidAlive).ifPresent(e ->
                problems.add(Problem.error("umid", "umid=" + instance.umid(), "umid " + instance.umid()
                        + " is already in use by pid " + e.pid().getAsLong() + " (" + e.directory()
                        + "); stop that guest or give this instance another umid")));
        filesInUse(instance, layout.workingDirectory(), running, problems);
        cowFiles(instance, layout.workingDirectory(), problems);
        return problems;
    }

    private static void filesInUse(Instance instance, Path base, List<Running> running, List<Problem> problems) {
        for (Running r : running) {
            Optional<GuestFiles> theirs = GuestFiles.ofProcess(r.pid());
            if (theirs.isEmpty()) {
                continue;
            }
            List<Disk> disks = instance.disks();
            for (int i = 0; i < disks.size(); i++) {
                Disk d = disks.get(i);
                GuestFiles mine = GuestFiles.of(Instance.builder("disk").disk(d).build(), base);
                String field = "disks[" + i + "]." + (d.cowFile().isPresent() ? "cowFile" : "image");
                for (Path f : mine.written()) {
                    if (theirs.get().written().contains(f)) {
                        problems.add(Problem.error(field, f.toString(), "running guest '" + r.name() + "' (pid "
                                + r.pid() + ") writes to this file; stop it first, or give this instance its own"
                                + " image or COW file"));
                    } else if (theirs.get().read().contains(f)) {
                        problems.add(Problem.error(field, f.toString(), "this is the backing file of running guest '"
                                + r.name() + "' (pid " + r.pid() + "); writing it would break that guest's COW"
                                + " file; stop it first, or use a COW file here too"));
                    }
                }
                for (Path f : mine.read()) {
                    if (theirs.get().written().contains(f)) {
                        problems.add(Problem.error("disks[" + i + "].image", f.toString(), "running guest '"
                                + r.name() + "' (pid " + r.pid() + ") writes to this file; stop it before using it"
                                + " as a backing or read-only image"));
                    }
                }
            }
        }
    }

    private static void cowFiles(Instance instance, Path base, List<Problem> problems) {
        List<Disk> disks = instance.disks();
        for (int i = 0; i < disks.size(); i++) {
            Disk d = disks.get(i);
            if (d.cowFile().isEmpty()) {
                continue;
            }
            Path cow = base.resolve(d.cowFile().get());
            Path backing = base.resolve(d.image());
            // A COW file that does not exist yet is created by the kernel; a missing backing file is the validator's.
            if (!Files.isRegularFile(cow) || !Files.isRegularFile(backing) || !CowFiles.isCowFile(cow)) {
                continue;
            }
            try {
                CowCheck check = CowFiles.check(cow, Optional.of(backing));
                for (CowProblem p : check.problems()) {
                    problems.add(Problem.error("disks[" + i + "].cowFile", d.cowFile().get(), "the kernel would"
                            + " refuse this COW file (" + p.kernelMessage() + "). " + p.explanation()));
                }
            } catch (IOException e) {
                problems.add(Problem.error("disks[" + i + "].cowFile", d.cowFile().get(), "cannot read the COW file: "
                        + e.getMessage() + "; check its permissions"));
            }
        }
    }
}
