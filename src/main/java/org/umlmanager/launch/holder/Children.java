package org.umlmanager.launch.holder;

/** Processes other than guests that the supervisor keeps running (filled in below). */
final class Children {

    private final Runnable changed;

    Children(Runnable changed) {
        this.changed = changed;
    }

    boolean running() {
        return false;
    }
}
