package org.umlmanager.ui.editor;

import org.umlmanager.model.Instance;

/** The shell line that would start an instance; the app wires the command-line generator in. */
@FunctionalInterface
public interface CommandPreview {
    String shellLine(Instance instance);
}
