package org.umlmanager.launch.holder;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * A guest's kernel process as its session drives it: the one the supervisor spawned ({@link
 * UmlProcess}), or one it took over from a killed predecessor ({@link AdoptedKernel}).
 */
interface KernelProcess {

    long pid();

    /**
     * Completes once the process has ended, with its exit status (128+N for signal N), or empty
     * when it is not known: only a process's parent learns it.
     */
    CompletableFuture<OptionalInt> exit();

    void signal(int signal);

    /**
     * SIGKILL to the whole process group, the kernel and the helpers it started there, and to its
     * window-size helpers, which have sessions of their own ({@link WinchHelpers}).
     */
    void killGroup();
}
