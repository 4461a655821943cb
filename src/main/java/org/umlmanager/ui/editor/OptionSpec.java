package org.umlmanager.ui.editor;

/**
 * One typed field of a network transport's form.
 *
 * @param key   the option's key in the form's value map (the kernel's name where it has one)
 * @param label what the form shows
 * @param type  how the form edits it
 * @param min   smallest accepted number ({@link Type#NUMBER} only)
 * @param max   largest accepted number ({@link Type#NUMBER} only)
 * @param help  a short hint shown as the field's prompt and tooltip
 */
public record OptionSpec(String key, String label, Type type, long min, long max, String help) {

    /** How a field is edited: free text, a number (decimal or 0x hex), on/off/default, a MAC, a host file. */
    public enum Type { TEXT, NUMBER, SWITCH, MAC, FILE }

    static OptionSpec text(String key, String label, String help) {
        return new OptionSpec(key, label, Type.TEXT, 0, 0, help);
    }

    static OptionSpec file(String key, String label, String help) {
        return new OptionSpec(key, label, Type.FILE, 0, 0, help);
    }

    static OptionSpec number(String key, String label, long min, long max, String help) {
        return new OptionSpec(key, label, Type.NUMBER, min, max, help);
    }

    static OptionSpec toggle(String key, String label, String help) {
        return new OptionSpec(key, label, Type.SWITCH, 0, 1, help);
    }

    static OptionSpec mac() {
        return new OptionSpec("mac", "MAC address", Type.MAC, 0, 0, "xx:xx:xx:xx:xx:xx; empty lets the kernel pick");
    }
}
