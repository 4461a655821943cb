package org.umlmanager.cmdline;

import java.util.List;
import org.umlmanager.model.Instance;

/** Finds what would panic, silently break or endanger a 6.1 guest, with a message per field. */
public final class Validator {

    private Validator() {
    }

    public static List<Problem> validate(Instance instance, ValidationContext context) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
