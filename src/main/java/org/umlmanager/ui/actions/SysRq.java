package org.umlmanager.ui.actions;

/** The magic SysRq keys offered in the menu, with what each does to the guest. */
public enum SysRq {
    SYNC('s', "Sync all filesystems"),
    REMOUNT('u', "Remount all filesystems read-only"),
    TASKS('t', "Show the task list in the kernel log"),
    MEMORY('m', "Show memory use in the kernel log"),
    BLOCKED('w', "Show blocked (D state) tasks"),
    LOGLEVEL('9', "Set the console log level to 9 (everything)"),
    TERM('e', "Send SIGTERM to every process but init"),
    KILL('i', "Send SIGKILL to every process but init"),
    OOM('f', "Call the OOM killer"),
    REBOOT('b', "Reboot at once, without syncing"),
    POWEROFF('o', "Power off at once"),
    CRASH('c', "Crash the kernel (panic)");

    private final char key;
    private final String description;

    SysRq(char key, String description) {
        this.key = key;
        this.description = description;
    }

    public char key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** Keys that end or damage the guest's work; the menu asks before sending them. */
    public boolean destructive() {
        return this == TERM || this == KILL || this == REBOOT || this == POWEROFF || this == CRASH || this == OOM;
    }
}
