package org.umlmanager.ui.main;

import java.util.concurrent.Executor;
import org.umlmanager.model.Instance;
import org.umlmanager.ui.editor.CommandPreview;
import org.umlmanager.ui.editor.InstanceChecker;
import org.umlmanager.ui.editor.InstanceEditorViewModel;
import org.umlmanager.ui.editor.NetworkChoices;

/**
 * Makes editor view models with the app's checker, preview, saved networks and executors.
 *
 * @param checker    the validator
 * @param preview    the command-line generator
 * @param networks   what interfaces can connect to
 * @param background where checks run
 * @param ui         the FX thread
 */
public record EditorFactory(InstanceChecker checker, CommandPreview preview, NetworkChoices networks,
                            Executor background, Executor ui) {

    /** With only the built-in NAT network to connect to. */
    public EditorFactory(InstanceChecker checker, CommandPreview preview, Executor background, Executor ui) {
        this(checker, preview, NetworkChoices.builtIn(), background, ui);
    }

    public InstanceEditorViewModel create(Instance instance) {
        InstanceEditorViewModel vm = new InstanceEditorViewModel(instance, checker, preview, background, ui);
        vm.setNetworkChoices(networks);
        return vm;
    }
}
