package org.umlmanager.ui.editor;

import java.util.List;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.model.Instance;

/** What is wrong with an instance; the app wires the command-line validator in. May touch files. */
@FunctionalInterface
public interface InstanceChecker {
    List<Problem> check(Instance instance);
}
