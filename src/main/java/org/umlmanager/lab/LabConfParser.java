package org.umlmanager.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.umlmanager.model.LabSetting;

/**
 * Reads a {@code lab.conf} as Netkit and Kathará write them: {@code LAB_KEY=VALUE} metadata,
 * {@code DEVICE[N]=DOMAIN} or {@code DEVICE[N]=DOMAIN/MAC} interfaces, {@code DEVICE[key]=VALUE}
 * settings; values in double or single quotes or bare, {@code #} comments on their own lines and
 * after a value, spaces around {@code =} and inside the brackets tolerated. Every line that is not
 * one of these is an error naming its line and the fix, and all errors are reported at once. Pure;
 * thread-safe.
 */
public final class LabConfParser {

    /** The file's name in a lab directory. */
    public static final String FILE = "lab.conf";
    /** A device name: it names files ({@code r1.startup}, {@code r1/}) and becomes part of an instance name. */
    public static final Pattern DEVICE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,29}");
    /** A collision domain name, as Kathará allows them. */
    public static final Pattern DOMAIN_NAME = Pattern.compile("[A-Za-z0-9_]{1,39}");
    /** Names that would collide with the lab's own files. */
    public static final List<String> RESERVED = List.of("shared");
    /** Interface indexes beyond this are refused here already (the kernel's limit is checked per device). */
    static final int MAX_INDEX = 999;

    private static final Pattern DEVICE_LINE = Pattern.compile("([^\\s\\[\\]=#]+)\\s*\\[\\s*([^\\]]*?)\\s*]\\s*=(.*)");
    private static final Pattern META_LINE = Pattern.compile("(LAB_[A-Za-z0-9_]*)\\s*=(.*)");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern INDEX = Pattern.compile("[0-9]+");
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");

    private LabConfParser() {
    }

    /**
     * The lab.conf in {@code text}.
     *
     * @throws LabImportException naming every line that is wrong
     */
    public static LabConf parse(String text) throws LabImportException {
        List<LabProblem> problems = new ArrayList<>();
        List<LabSetting> metadata = new ArrayList<>();
        Map<String, DeviceBuilder> devices = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1].strip();
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = FILE + " line " + n;
            Matcher device = DEVICE_LINE.matcher(line);
            Matcher meta = META_LINE.matcher(line);
            if (meta.matches()) {
                value(meta.group(2), where, problems).ifPresent(v -> metadata.add(new LabSetting(meta.group(1), v)));
            } else if (device.matches()) {
                deviceLine(device.group(1), device.group(2), device.group(3), n, where, devices, problems);
            } else {
                problems.add(LabProblem.error(where, "'" + shorten(line) + "' is not a lab.conf line; write"
                        + " DEVICE[N]=DOMAIN for interface ethN, DEVICE[option]=VALUE for a setting, or"
                        + " LAB_DESCRIPTION=\"…\" for the lab's metadata"));
            }
        }
        if (problems.stream().anyMatch(LabProblem::error)) {
            throw new LabImportException("lab.conf has errors", problems);
        }
        return new LabConf(metadata, devices.values().stream().map(DeviceBuilder::build).toList());
    }

    private static void deviceLine(String name, String key, String rest, int n, String where,
                                   Map<String, DeviceBuilder> devices, List<LabProblem> problems) {
        boolean ok = true;
        if (!DEVICE_NAME.matcher(name).matches()) {
            problems.add(LabProblem.error(where, "'" + name + "' is not a valid device name; use 1–30 letters, digits,"
                    + " '_' or '-', not starting with '-'"));
            ok = false;
        } else if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            problems.add(LabProblem.error(where, "'" + name + "' cannot be a device name: " + name + ".startup and "
                    + name + "/ would be the lab's own files; rename the device"));
            ok = false;
        }
        Optional<String> value = value(rest, where, problems);
        if (value.isEmpty() || !ok) {
            return;
        }
        DeviceBuilder device = devices.computeIfAbsent(name, k -> new DeviceBuilder(name, n));
        if (INDEX.matcher(key).matches()) {
            interfaceLine(device, key, value.get(), n, where, problems);
        } else if (KEY.matcher(key).matches()) {
            device.settings.add(new LabConf.Setting(key, value.get(), n));
        } else {
            problems.add(LabProblem.error(where, "'" + name + "[" + key + "]' has no usable key; write " + name
                    + "[0] for an interface or an option such as " + name + "[mem]"));
        }
    }

    private static void interfaceLine(DeviceBuilder device, String key, String value, int n, String where,
                                      List<LabProblem> problems) {
        int index = key.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(key);
        if (index > MAX_INDEX) {
            problems.add(LabProblem.error(where, device.name + "[" + key + "]: interface numbers go from 0 to "
                    + MAX_INDEX + "; number the device's interfaces 0, 1, 2, …"));
            return;
        }
        String[] parts = value.split("/", -1);
        String domain = parts[0].strip();
        if (!DOMAIN_NAME.matcher(domain).matches()) {
            problems.add(LabProblem.error(where, "'" + domain + "' is not a valid collision domain name; use 1–39"
                    + " letters, digits or '_'"));
            return;
        }
        Optional<String> mac = Optional.empty();
        if (parts.length > 2) {
            problems.add(LabProblem.error(where, "'" + value + "': after DOMAIN/MAC there is more ('"
                    + String.join("/", java.util.Arrays.copyOfRange(parts, 2, parts.length)) + "'); VLAN tags are not"
                    + " supported: write " + device.name + "[" + index + "]=" + domain + "/" + parts[1]));
            return;
        }
        if (parts.length == 2) {
            String m = parts[1].strip();
            if (!MAC.matcher(m).matches()) {
                problems.add(LabProblem.error(where, "'" + m + "' is not a MAC address; write six hexadecimal pairs"
                        + " such as 02:00:00:00:00:01"));
                return;
            }
            if ((Integer.parseInt(m.substring(0, 2), 16) & 1) != 0) {
                problems.add(LabProblem.error(where, m + " is a multicast address, which an interface cannot have;"
                        + " make the first pair even, such as 02"));
                return;
            }
            mac = Optional.of(m.toLowerCase(Locale.ROOT));
        }
        for (LabConf.Interface other : device.interfaces) {
            if (other.index() == index) {
                problems.add(LabProblem.error(where, device.name + "[" + index + "] was already set on line "
                        + other.line() + " (to " + other.domain() + "); give each interface one line"));
                return;
            }
        }
        device.interfaces.add(new LabConf.Interface(index, domain, mac, n));
    }

    /** The value after '=': quoted or bare, with an optional comment after it. */
    static Optional<String> value(String raw, String where, List<LabProblem> problems) {
        String s = raw.strip();
        String value;
        if (s.startsWith("\"") || s.startsWith("'")) {
            char quote = s.charAt(0);
            int close = s.indexOf(quote, 1);
            if (close < 0) {
                problems.add(LabProblem.error(where, "the value opens a quote (" + quote + ") that is never closed;"
                        + " end it with " + quote + " on the same line"));
                return Optional.empty();
            }
            String after = s.substring(close + 1).strip();
            if (!after.isEmpty() && !after.startsWith("#")) {
                problems.add(LabProblem.error(where, "'" + shorten(after) + "' follows the closing quote; put it"
                        + " inside the quotes, or start a comment with #"));
                return Optional.empty();
            }
            value = s.substring(1, close);
        } else {
            int comment = commentStart(s);
            value = (comment < 0 ? s : s.substring(0, comment)).strip();
            if (value.contains("\"") || value.contains("'")) {
                problems.add(LabProblem.error(where, "'" + shorten(value) + "' has a quote inside; quote the whole"
                        + " value, as in key=\"a value\""));
                return Optional.empty();
            }
        }
        if (value.isBlank()) {
            problems.add(LabProblem.error(where, "the value is empty; give one after '=' or remove the line"));
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    /** A '#' that starts a comment in a bare value: at the start, or after white space. */
    private static int commentStart(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }

    private static final class DeviceBuilder {
        final String name;
        final int firstLine;
        final List<LabConf.Interface> interfaces = new ArrayList<>();
        final List<LabConf.Setting> settings = new ArrayList<>();

        DeviceBuilder(String name, int firstLine) {
            this.name = name;
            this.firstLine = firstLine;
        }

        LabConf.Device build() {
            return new LabConf.Device(name, firstLine, interfaces, settings);
        }
    }
}
