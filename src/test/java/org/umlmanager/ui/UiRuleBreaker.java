package org.umlmanager.ui;

import java.nio.file.Path;
import java.util.Optional;
import org.umlmanager.cow.CowMerger;
import org.umlmanager.cow.MergeOptions;
import org.umlmanager.job.Cancellation;
import org.umlmanager.job.HostCheck;
import org.umlmanager.job.ProgressListener;

/**
 * Merges a COW file and checks the host directly instead of through the service: what the
 * architecture test must catch in ui.
 */
final class UiRuleBreaker {

    private UiRuleBreaker() {
    }

    static Object mergeBehindTheServicesBack(Path cow, Path target) throws Exception {
        return CowMerger.mergeToNew(cow, target, new MergeOptions(Optional.empty(), false, true), ProgressListener.NONE,
                Cancellation.none());
    }

    /** The values of a host check are the service's vocabulary; the check itself is not. */
    static Object checkTheHostBehindTheServicesBack() {
        return HostCheck.system().missing("linux");
    }
}
