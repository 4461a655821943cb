package org.umlmanager.job;

import java.io.IOException;

/**
 * A host tool is missing, failed or ran past its time limit. The message is written for the
 * user: which tool, its exit status or limit, and the last lines it printed (its own words on why).
 */
public final class HostToolException extends IOException {

    private static final long serialVersionUID = 1L;

    public HostToolException(String message) {
        super(message);
    }
}
