/**
 * Adapters between the guests' console byte streams and the JediTermFX terminal emulator, and the
 * console history read back from log files. No JavaFX here: the widget itself lives in
 * {@code ui.console}.
 */
package org.umlmanager.terminal;
