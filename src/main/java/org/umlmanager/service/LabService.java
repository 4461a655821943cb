package org.umlmanager.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.umlmanager.cow.CowFiles;
import org.umlmanager.job.Cancellation;
import org.umlmanager.job.ProgressListener;
import org.umlmanager.lab.LabBase;
import org.umlmanager.lab.LabBases;
import org.umlmanager.lab.LabDirectory;
import org.umlmanager.lab.LabExport;
import org.umlmanager.lab.LabImportException;
import org.umlmanager.lab.LabPlan;
import org.umlmanager.lab.LabPlanner;
import org.umlmanager.lab.LabProblem;
import org.umlmanager.lab.LabSource;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Lab;
import org.umlmanager.model.Network;
import org.umlmanager.model.NodePosition;
import org.umlmanager.network.NetworkPaths;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.storage.LabLoadReport;
import org.umlmanager.storage.LabStore;
import org.umlmanager.storage.LoadProblem;
import org.umlmanager.storage.NetworkStore;

/**
 * The saved labs for the UI and the CLI: import a lab directory (all or nothing), list, read,
 * export, delete, and keep the topology drawing's positions.
 *
 * <p>An import reads and checks the directory, plans the instances and networks, makes the base
 * images it needs if they do not exist yet (they are shared by every lab and kept), the devices'
 * copy-on-write files in {@code DATA/labs/NAME/}, and saves the lab with its instances and networks
 * in one step; if anything fails, what it made for the lab is removed and nothing that existed is
 * touched.
 *
 * <p>Threading as {@link InstanceService}: every method returns at once and works on the executor;
 * futures fail with {@link LabImportException} (the directory's problems),
 * {@link org.umlmanager.storage.StoreException} (no such lab, name taken, unreadable file),
 * {@link org.umlmanager.provision.ProvisionException} (a base image could not be made) or
 * {@link IOException}.
 */
public final class LabService {

    private final LabStore labs;
    private final InstanceStore instances;
    private final NetworkStore networks;
    private final Path labsData;
    private final NetworkPaths networkPaths;
    private final Executor executor;

    public LabService(LabStore labs, InstanceStore instances, NetworkStore networks, Path labsData,
                      NetworkPaths networkPaths, Executor executor) {
        this.labs = Objects.requireNonNull(labs);
        this.instances = Objects.requireNonNull(instances);
        this.networks = Objects.requireNonNull(networks);
        this.labsData = labsData.toAbsolutePath().normalize();
        this.networkPaths = Objects.requireNonNull(networkPaths);
        this.executor = Objects.requireNonNull(executor);
    }

    /**
     * What a failed import reports, for a window to list: the lab directory's problems when
     * {@code failure} (a failure of {@link #importLab}'s future, wrapped or not) is one, else empty.
     */
    public static Optional<List<LabProblem>> importProblems(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof LabImportException e ? Optional.of(e.problems()) : Optional.empty();
    }

    /** Where the shared base images are. */
    public Path basesDir() {
        return labsData.resolve("bases");
    }

    /** A lab's own files: its devices' copy-on-write files. */
    public Path dataDir(String lab) {
        return labsData.resolve(lab);
    }

    public CompletableFuture<LabLoadReport> list() {
        return submit(labs::loadAll);
    }

    public CompletableFuture<Lab> get(String name) {
        return submit(() -> labs.load(name));
    }

    /** The lab's instances that exist, in device order. */
    public CompletableFuture<List<Instance>> members(String name) {
        return submit(() -> members(labs.load(name)));
    }

    private List<Instance> members(Lab lab) throws Exception {
        List<Instance> all = instances.loadAll().instances();
        List<Instance> out = new ArrayList<>();
        for (String i : lab.instances()) {
            all.stream().filter(x -> x.name().equals(i)).findFirst().ifPresent(out::add);
        }
        return out;
    }

    /** Imports a lab directory; progress (base images, COW files) goes to {@code listener}. */
    public CompletableFuture<LabImportResult> importLab(LabImportRequest request, ProgressListener listener,
                                                        Cancellation cancellation) {
        return submit(() -> doImport(request, listener, cancellation));
    }

    private LabImportResult doImport(LabImportRequest request, ProgressListener listener, Cancellation cancellation)
            throws Exception {
        listener.stage("Reading " + request.directory());
        LabSource source = LabDirectory.read(request.directory());
        String name = request.name().orElseGet(() -> source.directory().getFileName().toString());
        LabBase defaultBase;
        try {
            defaultBase = request.rootfs().map(LabBase::parse).orElseGet(LabBase::defaultBase);
        } catch (IllegalArgumentException e) {
            throw new LabImportException("Cannot import the lab", List.of(LabProblem.error("--rootfs", e.getMessage())));
        }
        LabBase debian = defaultBase.source() instanceof org.umlmanager.provision.RootfsSource.Debian
                ? defaultBase : LabBase.defaultBase();
        Path share = shareFor(source.directory(), name);
        Optional<String> labTaken = labs.existingName(name);
        if (labTaken.isPresent()) {
            throw new LabImportException("Cannot import the lab", List.of(LabProblem.error("--name", "a lab named '"
                    + labTaken.get() + "' already exists; import this one under another name (--name), or delete"
                    + " the old one first (uml-manager lab delete " + labTaken.get() + ")")));
        }
        LabPlanner.Options options = new LabPlanner.Options(name, defaultBase, debian, labsData, basesDir(), share,
                request.kernel(), networkPaths);
        LabPlan plan = LabPlanner.plan(source, options, taken());
        LabBases bases = new LabBases(basesDir(), request.kernel());
        for (LabBase base : plan.bases()) {
            cancellation.check("Importing lab " + name);
            bases.ensure(base, listener, cancellation);
        }
        Path dir = dataDir(name);
        boolean madeDir = !Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
        List<Path> made = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            if (!share.equals(source.directory())) {
                Files.createSymbolicLink(share, source.directory());
                made.add(share);
            }
            listener.stage("Making " + plan.disks().size() + " copy-on-write files");
            for (LabPlan.DeviceDisk disk : plan.disks()) {
                cancellation.check("Importing lab " + name);
                if (Files.exists(disk.cowFile(), LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(disk.cowFile() + " already exists (left by an earlier lab?); remove it or"
                            + " import under another name");
                }
                CowFiles.create(disk.cowFile(), disk.baseImage());
                made.add(disk.cowFile());
                // A device's disk holds what its guest writes: the user's alone, as new images are.
                Files.setPosixFilePermissions(disk.cowFile(),
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            listener.stage("Saving lab " + name + " with " + plan.instances().size() + " instances and "
                    + plan.networks().size() + " networks");
            labs.createWithMembers(plan.lab(), plan.instances(), plan.networks());
        } catch (Exception e) {
            for (Path p : made) {
                Files.deleteIfExists(p);
            }
            if (madeDir) {
                Files.deleteIfExists(dir);
            }
            throw e;
        }
        listener.progress(1.0);
        return new LabImportResult(plan.lab(), plan.warnings());
    }

    /**
     * The directory the devices' hostfs is confined to: the lab directory itself, or, when its path
     * has a space or a comma (which the kernel's hostfs= option cannot hold), a link to it in the
     * lab's data directory.
     */
    private Path shareFor(Path directory, String lab) {
        String s = directory.toString();
        if (!s.contains(",") && s.chars().noneMatch(Character::isWhitespace)) {
            return directory;
        }
        return dataDir(lab).resolve("lab-directory");
    }

    private LabPlanner.Taken taken() throws Exception {
        Set<String> instanceNames = new HashSet<>();
        var report = instances.loadAll();
        report.instances().forEach(i -> instanceNames.add(i.name()));
        report.problems().stream().filter(p -> p.movedTo().isEmpty()).map(LabService::nameOf).forEach(instanceNames::add);
        Set<String> networkNames = new HashSet<>();
        var nets = networks.loadAll();
        nets.networks().forEach(n -> networkNames.add(n.name()));
        nets.problems().stream().filter(p -> p.movedTo().isEmpty()).map(LabService::nameOf).forEach(networkNames::add);
        return new LabPlanner.Taken(instanceNames, networkNames);
    }

    private static String nameOf(LoadProblem p) {
        String f = p.file().getFileName().toString();
        return f.endsWith(".json") ? f.substring(0, f.length() - 5) : f;
    }

    /** Writes the lab back as a lab directory at {@code target} (new, or an empty directory). */
    public CompletableFuture<LabExport.Result> export(String name, Path target) {
        return submit(() -> {
            Lab lab = labs.load(name);
            return LabExport.export(lab, members(lab), target);
        });
    }

    /** Saves where the topology view draws the lab's nodes. */
    public CompletableFuture<Lab> savePositions(String name, List<NodePosition> positions) {
        return submit(() -> {
            Lab lab = labs.load(name).withPositions(positions);
            labs.update(lab);
            return lab;
        });
    }

    /**
     * What {@link #delete} removes: the lab's file, its instances and networks that exist, and with
     * {@code withFiles} its data directory (the devices' copy-on-write files). The lab directory and
     * the shared base images are never removed.
     */
    public CompletableFuture<List<String>> deletion(String name, boolean withFiles) {
        return submit(() -> deletionOf(labs.load(name), withFiles));
    }

    private List<String> deletionOf(Lab lab, boolean withFiles) throws Exception {
        List<String> out = new ArrayList<>();
        out.add("lab " + lab.name() + " (" + labs.fileOf(lab.name()) + ")");
        for (Instance i : members(lab)) {
            out.add("instance " + i.name());
        }
        List<String> saved = networks.loadAll().networks().stream().map(Network::name).toList();
        for (String n : lab.networks()) {
            if (saved.contains(n)) {
                out.add("network " + n);
            }
        }
        if (withFiles && Files.isDirectory(dataDir(lab.name()))) {
            try (var files = Files.list(dataDir(lab.name()))) {
                files.sorted().forEach(f -> out.add("file " + f));
            }
            out.add("directory " + dataDir(lab.name()));
        }
        return out;
    }

    /**
     * Deletes the lab, its instances and networks, and with {@code withFiles} its copy-on-write
     * files; completes with what it removed ({@link #deletion}). The caller makes sure the lab is
     * stopped: running devices keep running without a configuration.
     */
    public CompletableFuture<List<String>> delete(String name, boolean withFiles) {
        return submit(() -> {
            Lab lab = labs.load(name);
            List<String> removed = deletionOf(lab, withFiles);
            labs.deleteWithMembers(lab.name(), lab.instances(), lab.networks());
            if (withFiles) {
                deleteTree(dataDir(lab.name()));
            }
            return removed;
        });
    }

    /** Removes a lab's data directory; links in it (to the lab directory) are removed, never followed. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private <T> CompletableFuture<T> submit(Callable<T> work) {
        return Futures.submit(executor, work);
    }
}
