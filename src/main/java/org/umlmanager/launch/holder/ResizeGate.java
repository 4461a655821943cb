package org.umlmanager.launch.holder;

import java.util.HashMap;
import java.util.Map;

/**
 * Holds terminal size changes back while the kernel is booting, a second guard beside starting
 * the kernel off its controlling terminal ({@link UmlProcess}): a window-size change in the first
 * moments of a 6.1 boot panicked it (docs/PITFALLS.md, "Resizing"). Sizes asked for meanwhile are
 * remembered per line, and the last one is applied when the guest is up.
 * Thread-safe.
 */
final class ResizeGate {

    /** Applies a size to a line. */
    interface Apply {
        void resize(String line, int columns, int rows);
    }

    private record Size(int columns, int rows) {
    }

    private final Map<String, Size> last = new HashMap<>();
    private boolean open;

    synchronized void request(String line, int columns, int rows, Apply apply) {
        last.put(line, new Size(columns, rows));
        if (open) {
            apply.resize(line, columns, rows);
        }
    }

    /** The guest is up: apply what was asked meanwhile and pass later requests straight through. */
    synchronized void release(Apply apply) {
        if (open) {
            return;
        }
        open = true;
        last.forEach((line, size) -> apply.resize(line, size.columns(), size.rows()));
    }

    /** The kernel is about to boot again (a reboot): hold sizes until it is up. */
    synchronized void hold() {
        open = false;
    }

    /** Applies the remembered size of {@code line} again, if the gate is open. */
    synchronized void reapply(String line, Apply apply) {
        Size size = last.get(line);
        if (open && size != null) {
            apply.resize(line, size.columns(), size.rows());
        }
    }
}
