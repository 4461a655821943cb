package org.umlmanager.service;

import java.util.List;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.model.Instance;

/**
 * What an import found and did.
 *
 * @param instance the instance the command line describes (saved only if {@code saved})
 * @param problems errors (nothing was saved) and warnings, parser's first, then the validator's
 * @param saved    whether the instance is now in the store
 */
public record ImportResult(Instance instance, List<Problem> problems, boolean saved) {

    public ImportResult {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
