package org.umlmanager.ui.main;

import java.util.concurrent.Executor;
import org.umlmanager.model.Instance;
import org.umlmanager.ui.editor.CommandPreview;
import org.umlmanager.ui.editor.InstanceChecker;
import org.umlmanager.ui.editor.InstanceEditorViewModel;

/**
 * Makes editor view models with the app's checker, preview and executors.
 *
 * @param checker    the validator
 * @param preview    the command-line generator
 * @param background where checks run
 * @param ui         the FX thread
 */
public record EditorFactory(InstanceChecker checker, CommandPreview preview, Executor background, Executor ui) {

    public InstanceEditorViewModel create(Instance instance) {
        return new InstanceEditorViewModel(instance, checker, preview, background, ui);
    }
}
