package org.umlmanager.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Unique umids for tests, short enough for the 107-byte socket path limit. */
public final class TestUmids {
    private TestUmids() {
    }

    public static String next(String prefix) {
        return "t" + prefix + "-" + ProcessHandle.current().pid() + "-"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    }
}
