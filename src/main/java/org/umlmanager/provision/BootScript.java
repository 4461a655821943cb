package org.umlmanager.provision;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A script a new machine runs as root at every boot ({@code SCRIPT start}, once the file systems
 * are mounted, before the login prompts) and at every orderly shut-down ({@code SCRIPT stop}), its
 * output on the console. It is installed as {@code /etc/uml-manager/boot.d/NAME}; busybox's rcS and
 * inittab run every script there, a systemd guest gets a unit per script.
 *
 * @param name   the file name: lower-case letters, digits and '-'
 * @param script the whole script, with its {@code #!} line
 */
public record BootScript(String name, String script) {

    /** Where the scripts live in the guest. */
    public static final String DIRECTORY = "/etc/uml-manager/boot.d";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public BootScript {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(script, "script");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("boot script name '" + name + "' must be lower-case letters, digits"
                    + " and '-'");
        }
        if (!script.startsWith("#!")) {
            throw new IllegalArgumentException("boot script " + name + " must start with a #! line");
        }
    }

    public String guestPath() {
        return DIRECTORY + "/" + name;
    }

    /** The systemd unit that runs it in a systemd guest. */
    String unitName() {
        return "uml-manager-" + name + ".service";
    }
}
