package org.umlmanager.service;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.umlmanager.job.HostCheck;
import org.umlmanager.job.HostTools;

/**
 * What this host lacks for UML Manager's features, and the packages that bring it (the window's
 * first-run notice; see {@link HostCheck}). Looking programs up reads the file system, so the
 * check runs on the executor given to the constructor.
 */
public final class HostService {

    private final HostCheck check;
    private final Executor background;

    /**
     * @param find       looks a program up by name (the real lookup is {@link #system})
     * @param background where the check runs
     */
    public HostService(Function<String, Optional<Path>> find, Executor background) {
        this.check = new HostCheck(find);
        this.background = background;
    }

    /** Looks programs up on this host's PATH and sbin directories. */
    public static HostService system(Executor background) {
        return new HostService(HostTools::find, background);
    }

    /**
     * The features this host lacks, the kernel first.
     *
     * @param kernel the kernel new machines get: a path, or a program name looked up like the others
     */
    public CompletableFuture<HostReport> check(String kernel) {
        return CompletableFuture.supplyAsync(() -> new HostReport(check.missing(kernel)), background);
    }
}
