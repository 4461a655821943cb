package org.umlmanager.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.umlmanager.cmdline.CommandLineParser;
import org.umlmanager.cmdline.HostPaths;
import org.umlmanager.cmdline.ParseResult;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.cmdline.Validator;
import org.umlmanager.model.Instance;
import org.umlmanager.model.Names;
import org.umlmanager.storage.InstanceStore;
import org.umlmanager.storage.LoadReport;
import org.umlmanager.storage.StoreException;

/**
 * The saved instances as the UI and the CLI see them: list, read, create, change, rename, delete
 * and import from an existing command line.
 *
 * <p>Threading: every method returns at once and does its file I/O on the executor given to the
 * constructor; the future completes on that executor's thread. Thread-safe. Failures complete
 * the future exceptionally with a {@link StoreException} whose message is meant for the user
 * (no such instance, name taken, unreadable file, …); anything else is a bug or an I/O failure.
 */
public final class InstanceService {

    private final InstanceStore store;
    private final Executor executor;
    private final Optional<Path> defaultUmlDir;

    /** {@code executor} runs the blocking work; tests pass {@code Runnable::run}. Guests use the kernel's ~/.uml. */
    public InstanceService(InstanceStore store, Executor executor) {
        this(store, executor, Optional.empty());
    }

    /**
     * @param defaultUmlDir the uml_dir guests that set none run with (the runtime layout's), against
     *                      which a saved instance's mconsole socket path must fit
     */
    public InstanceService(InstanceStore store, Executor executor, Optional<Path> defaultUmlDir) {
        this.store = Objects.requireNonNull(store);
        this.executor = Objects.requireNonNull(executor);
        this.defaultUmlDir = Objects.requireNonNull(defaultUmlDir);
    }

    /** Every loadable instance, sorted by name, and the files that could not be loaded. */
    public CompletableFuture<LoadReport> list() {
        return submit(store::loadAll);
    }

    public CompletableFuture<Instance> get(String name) {
        return submit(() -> store.load(name));
    }

    /** Saves a new instance; fails with {@code NAME_TAKEN} if its name is in use. */
    public CompletableFuture<Instance> create(Instance instance) {
        return submit(() -> {
            checkSocketPath(instance);
            store.create(instance);
            return instance;
        });
    }

    /** Replaces the configuration of the existing instance with the same name. */
    public CompletableFuture<Instance> update(Instance instance) {
        return submit(() -> {
            checkSocketPath(instance);
            store.update(instance);
            return instance;
        });
    }

    /** Renames an instance; completes with the renamed instance. */
    public CompletableFuture<Instance> rename(String from, String to) {
        return submit(() -> store.rename(from, to));
    }

    public CompletableFuture<Void> delete(String name) {
        return submit(() -> {
            store.delete(name);
            return null;
        });
    }

    /**
     * Parses and validates an existing command line and, unless it has errors or the request is
     * a dry run, saves the instance it describes. Problems with the input are in the result, not
     * a failed future; the future fails only for store failures (such as a name taken by another
     * process between the check and the save).
     */
    public CompletableFuture<ImportResult> importCommandLine(ImportRequest request) {
        return submit(() -> {
            Optional<String> badName = Names.instanceNameProblem(request.name());
            if (badName.isPresent()) {
                return new ImportResult(Instance.builder(request.name()).build(),
                        List.of(Problem.error("name", request.name(), badName.get())), false);
            }
            ParseResult parsed = CommandLineParser.parse(request.name(), request.kernelArgs());
            Instance asWritten = request.kernel().map(k -> parsed.instance().toBuilder().kernel(k).build())
                    .orElse(parsed.instance());
            // Problems name the arguments as the user wrote them; what is saved has absolute paths.
            LinkedHashSet<Problem> problems = new LinkedHashSet<>(parsed.problems());
            problems.addAll(Validator.validate(asWritten, request.context()));
            HostPaths.Resolution resolved = HostPaths.absolutize(asWritten, request.context().baseDir());
            Instance instance = resolved.instance();
            problems.addAll(resolved.notes());
            Validator.socketPathProblem(instance, defaultUmlDir).filter(p -> !problems.contains(p))
                    .ifPresent(problems::add);
            store.existingName(request.name()).ifPresent(existing -> problems.add(Problem.error("name",
                    request.name(), "an instance named '" + existing + "' already exists; choose another name")));
            ImportResult result = new ImportResult(instance, new ArrayList<>(problems), false);
            if (result.hasErrors() || request.dryRun()) {
                return result;
            }
            store.create(instance);
            return new ImportResult(instance, result.problems(), true);
        });
    }

    /** A name (or umid) too long for the guest's mconsole socket is refused when saved, not when started. */
    private void checkSocketPath(Instance instance) throws StoreException {
        Optional<Problem> p = Validator.socketPathProblem(instance, defaultUmlDir);
        if (p.isPresent()) {
            throw new StoreException(StoreException.Reason.INVALID_NAME, "Cannot save '" + instance.name() + "': "
                    + p.get().subject() + ": " + p.get().message());
        }
    }

    private <T> CompletableFuture<T> submit(Callable<T> work) {
        return Futures.submit(executor, work);
    }
}
