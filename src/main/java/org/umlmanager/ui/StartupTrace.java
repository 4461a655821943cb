package org.umlmanager.ui;

import javafx.scene.Scene;
import org.slf4j.LoggerFactory;

/**
 * Milestones of the window's start, logged with the wall clock in milliseconds when the
 * {@code umlmanager.trace.startup} property is set (the start-up benchmark only sees the end: the
 * window mapped); compare with the time the launcher was run ({@code date +%s%3N}). Off, it costs
 * one property read, and the logger is not even looked up (that would move SLF4J's set-up before
 * the toolkit's).
 */
public final class StartupTrace {

    private static final boolean ON = Boolean.getBoolean("umlmanager.trace.startup");

    private StartupTrace() {
    }

    public static void mark(String milestone) {
        if (ON) {
            LoggerFactory.getLogger(StartupTrace.class).info("startup {} {}", System.currentTimeMillis(), milestone);
        }
    }

    /** Marks the end of the first layout pulse of {@code scene}; nothing is registered when off. */
    public static void markFirstLayout(Scene scene) {
        if (ON) {
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    mark("first pulse laid out");
                    scene.removePostLayoutPulseListener(this);
                }
            });
        }
    }
}
