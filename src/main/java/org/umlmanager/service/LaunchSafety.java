package org.umlmanager.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * its umid taken by a live process, one of its files written by (or backing) any UML kernel of
 * the user now running ({@link RunningKernels}), and a COW file whose backing file is missing or
 * no longer fits it. Stateless.
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

    /**
     * The instance's disks against every UML kernel of the user now running, by device and inode
     * (by path for files not made yet): managed or not, whatever its uml_dir, through any path or link.
     */
    private static void filesInUse(Instance instance, Path base, List<Running> running, List<Problem> problems) {
        List<RunningKernels.Kernel> kernels = RunningKernels.scan();
        List<Disk> disks = instance.disks();
        for (int i = 0; i < disks.size(); i++) {
            Disk d = disks.get(i);
            GuestFiles mine = GuestFiles.of(Instance.builder("disk").disk(d).build(), base);
            String field = "disks[" + i + "]." + (d.cowFile().isPresent() ? "cowFile" : "image");
            String shown = d.cowFile().orElse(d.image());
            Set<GuestFiles.Key> written = mine.writtenKeys();
            Set<GuestFiles.Key> read = mine.readKeys();
            for (RunningKernels.Kernel k : kernels) {
                String who = describe(k, running);
                if (!Collections.disjoint(written, k.written())) {
                    problems.add(Problem.error(field, shown, who + " writes to this file; stop it first, or give this"
                            + " instance its own image or COW file"));
                } else if (!Collections.disjoint(written, k.read())) {
                    problems.add(Problem.error(field, shown, "this is the backing file of " + who + "; writing it"
                            + " would break that guest's COW file; stop it first, or use a COW file here too"));
                }
                if (!Collections.disjoint(read, k.written())) {
                    problems.add(Problem.error("disks[" + i + "].image", d.image(), who + " writes to this file;"
                            + " stop it before using it as a backing or read-only image"));
                }
            }
        }
    }

    /** "running guest 'web' (pid 12)", or what is known of a kernel started elsewhere. */
    private static String describe(RunningKernels.Kernel k, List<Running> running) {
        for (Running r : running) {
            if (r.pid() == k.pid()) {
                return "running guest '" + r.name() + "' (pid " + k.pid() + ")";
            }
        }
        return "a UML kernel started outside UML Manager (pid " + k.pid() + k.umid().map(u -> ", umid " + u)
                .orElse("") + ")";
    }

    private static void cowFiles(Instance instance, Path base, List<Problem> problems) {
        List<Disk> disks = instance.disks();
        for (int i = 0; i < disks.size(); i++) {
            Disk d = disks.get(i);
            Path backing = base.resolve(d.image());
            // A COW file given alone: the kernel opens the backing file its header names.
            boolean alone = d.cowFile().isEmpty();
            Path cow = alone ? backing : base.resolve(d.cowFile().get());
            String field = "disks[" + i + "]." + (alone ? "image" : "cowFile");
            String shown = alone ? d.image() : d.cowFile().get();
            // A COW file that does not exist yet is created by the kernel; a missing image is the validator's.
            if (!Files.isRegularFile(cow) || (!alone && !Files.isRegularFile(backing)) || !CowFiles.isCowFile(cow)) {
                continue;
            }
            try {
                CowCheck check = CowFiles.check(cow, alone ? Optional.empty() : Optional.of(backing));
                for (CowProblem p : check.problems()) {
                    problems.add(Problem.error(field, shown, "the kernel would refuse this COW file ("
                            + p.kernelMessage() + ") and the guest would not boot from it. " + p.explanation()));
                }
            } catch (IOException e) {
                problems.add(Problem.error(field, shown, "cannot read the COW file: " + e.getMessage()
                        + "; check its permissions"));
            }
        }
    }
}
