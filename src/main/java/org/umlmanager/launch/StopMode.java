package org.umlmanager.launch;

/** How to stop a guest. */
public enum StopMode {
    /**
     * Ask the guest first: Ctrl-Alt-Del, then SysRq sync and read-only remount, then halt, then
     * SIGTERM, then SIGKILL to the process group; each step only if the previous one did not end it.
     */
    GRACEFUL,
    /** Halt at once through mconsole, then SIGKILL to the process group; the guest does not shut down. */
    FORCE
}
