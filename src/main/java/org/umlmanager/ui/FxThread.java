package org.umlmanager.ui;

import javafx.application.Platform;

/**
 * The rule that JavaFX state is touched on the FX thread only, enforced where a class hands its
 * FX-confined state to callers: a read from another thread fails at once instead of racing a
 * change the FX thread is making.
 */
public final class FxThread {

    private FxThread() {
    }

    /** Throws unless called on the FX thread; {@code what} names the state, for the message. */
    public static void check(String what) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException(what + " belongs to the FX thread; read it there (was "
                    + Thread.currentThread().getName() + ")");
        }
    }
}
