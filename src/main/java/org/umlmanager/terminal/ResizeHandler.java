package org.umlmanager.terminal;

/** Receives the terminal's size in character cells when it changes. */
@FunctionalInterface
public interface ResizeHandler {

    ResizeHandler IGNORE = (columns, rows) -> { };

    void resize(int columns, int rows);
}
