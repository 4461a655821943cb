package org.umlmanager.cmdline;

import java.util.Objects;

/**
 * One thing wrong (or risky) with a command line or an instance, worded for the person who can
 * fix it: what is wrong and what to do instead.
 *
 * @param severity {@link Severity#ERROR} refuses the configuration, {@link Severity#WARNING} only informs
 * @param field    the model field it concerns, as a path the editor binds to: {@code memory},
 *                 {@code disks[1].image}, {@code networks[0]}, {@code consoles[2]}, {@code umid}, …
 * @param subject  what the user wrote or sees: the argument ({@code ubd0=/tmp}) or the field's label
 * @param message  the problem and the fix, e.g. "… is a directory; give an image file"
 */
public record Problem(Severity severity, String field, String subject, String message) {

    public enum Severity { ERROR, WARNING }

    public Problem {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(field);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(message);
    }

    public static Problem error(String field, String subject, String message) {
        return new Problem(Severity.ERROR, field, subject, message);
    }

    public static Problem warning(String field, String subject, String message) {
        return new Problem(Severity.WARNING, field, subject, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line for a terminal: {@code error: ubd0=/tmp: /tmp is a directory; …}. */
    @Override
    public String toString() {
        return (isError() ? "error: " : "warning: ") + subject + ": " + message;
    }
}
