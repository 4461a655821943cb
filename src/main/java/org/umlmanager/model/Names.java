package org.umlmanager.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** Rules for instance names and umids, shared by the validator, the store and the forms. */
public final class Names {

    /** Instance names become file names: letters, digits, dot, dash, underscore; no leading dot. */
    private static final Pattern INSTANCE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");
    public static final int MAX_UMID_LENGTH = 63;
    /** Lab names prefix the names of their instances and networks, so they leave room for the device's. */
    private static final Pattern LAB_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,23}");

    private Names() {
    }

    /** Why {@code name} is not a valid instance name, or empty when it is. */
    public static Optional<String> instanceNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("the name is empty; give the instance a name such as 'debian1'");
        }
        if (!INSTANCE_NAME.matcher(name).matches()) {
            return Optional.of("'" + Printable.escape(name) + "' is not a valid name; use 1–64 letters, digits, '.', '-' or '_',"
                    + " not starting with '.' or '-'");
        }
        return Optional.empty();
    }

    /**
     * Why {@code name} is not a valid network name, or empty when it is. Network names become file
     * and directory names too, so the rule is the instances'.
     */
    public static Optional<String> networkNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("the network name is empty; give the network a name such as 'lab'");
        }
        if (!INSTANCE_NAME.matcher(name).matches()) {
            return Optional.of("'" + name + "' is not a valid network name; use 1–64 letters, digits, '.', '-' or"
                    + " '_', not starting with '.' or '-'");
        }
        return Optional.empty();
    }

    /**
     * Why {@code name} is not a valid lab name, or empty when it is. A lab's instances and networks
     * are called {@code LAB-DEVICE} and {@code LAB-DOMAIN}, so the rule is the instances' but shorter.
     */
    public static Optional<String> labNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("the lab name is empty; give the lab a name such as 'ospf'");
        }
        if (!LAB_NAME.matcher(name).matches()) {
            return Optional.of("'" + name + "' is not a valid lab name; use 1–24 letters, digits, '.', '-' or '_',"
                    + " not starting with '.' or '-'");
        }
        return Optional.empty();
    }

    /** Why {@code umid} is not a usable machine id, or empty when it is. */
    public static Optional<String> umidProblem(String umid) {
        if (umid == null || umid.isEmpty()) {
            return Optional.of("the umid is empty; set umid= to a short unique name");
        }
        if (umid.length() > MAX_UMID_LENGTH) {
            return Optional.of("umid is " + umid.length() + " characters; the kernel silently replaces umids of"
                    + " 64 or more with a random one, so shorten it to at most " + MAX_UMID_LENGTH);
        }
        if (umid.contains("/")) {
            return Optional.of("umid '" + Printable.escape(umid) + "' contains '/'; it names a directory, so use a name without '/'");
        }
        if (umid.equals(".") || umid.equals("..")) {
            return Optional.of("umid '" + Printable.escape(umid) + "' is not a directory name of its own; choose another");
        }
        for (char c : umid.toCharArray()) {
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.of("umid '" + Printable.escape(umid) + "' contains white space or control characters;"
                        + " use a name without them");
            }
        }
        return Optional.empty();
    }
}
