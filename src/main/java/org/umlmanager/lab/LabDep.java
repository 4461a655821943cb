package org.umlmanager.lab;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code lab.dep}: which devices must be up before a device starts, one {@code DEVICE: OTHER…}
 * line each (as in a Makefile, the format Netkit took it from). Several lines for one device add up.
 *
 * @param after for each device named on the left, the devices it waits for, in file order
 */
public record LabDep(Map<String, List<String>> after) {

    /** The file's name in a lab directory. */
    public static final String FILE = "lab.dep";
    private static final Pattern LINE = Pattern.compile("([^\\s:]+)\\s*:(.*)");

    public LabDep {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        after.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        after = Collections.unmodifiableMap(copy);
    }

    public static LabDep none() {
        return new LabDep(Map.of());
    }

    public List<String> after(String device) {
        return after.getOrDefault(device, List.of());
    }

    /**
     * Reads lab.dep and checks it against the devices of lab.conf: every name must be a device, no
     * device may wait for itself, and the waits must not go round in a cycle.
     *
     * @throws LabImportException naming every wrong line, or the cycle
     */
    public static LabDep parse(String text, List<String> devices) throws LabImportException {
        List<LabProblem> problems = new ArrayList<>();
        Map<String, Set<String>> after = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1];
            int hash = line.indexOf('#');
            line = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = FILE + " line " + n;
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                problems.add(LabProblem.error(where, "'" + line + "' is not a dependency; write DEVICE: OTHER …"
                        + " (DEVICE starts once every OTHER is up)"));
                continue;
            }
            String device = m.group(1);
            known(device, devices, where, problems);
            lineOf.putIfAbsent(device, n);
            Set<String> waits = after.computeIfAbsent(device, k -> new LinkedHashSet<>());
            for (String other : m.group(2).strip().split("\\s+")) {
                if (other.isEmpty()) {
                    continue;
                }
                if (other.equals(device)) {
                    problems.add(LabProblem.error(where, device + " cannot wait for itself; remove it from its own"
                            + " line"));
                } else if (known(other, devices, where, problems)) {
                    waits.add(other);
                }
            }
        }
        if (problems.isEmpty()) {
            cycle(after).ifPresent(c -> problems.add(LabProblem.error(FILE + " line " + lineOf.get(c.get(0)),
                    "the devices wait for each other in a circle (" + String.join(" → ", c) + "), so none of them"
                            + " could start; remove one of these dependencies")));
        }
        if (!problems.isEmpty()) {
            throw new LabImportException("lab.dep has errors", problems);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(k, List.copyOf(v));
            }
        });
        return new LabDep(out);
    }

    private static boolean known(String name, List<String> devices, String where, List<LabProblem> problems) {
        if (devices.contains(name)) {
            return true;
        }
        String hint = devices.stream().filter(d -> d.equalsIgnoreCase(name)).findFirst()
                .map(d -> "; did you mean '" + d + "'? (names are case-sensitive)")
                .orElse("; lab.conf's devices are " + String.join(", ", devices));
        problems.add(LabProblem.error(where, "'" + name + "' is not a device of lab.conf" + hint));
        return false;
    }

    /** A cycle of waits, first device repeated at its end, if there is one. */
    static Optional<List<String>> cycle(Map<String, ? extends Collection<String>> after) {
        Map<String, Integer> state = new LinkedHashMap<>();
        for (String start : after.keySet()) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> found = visit(start, after, state, path);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(String node, Map<String, ? extends Collection<String>> after,
                                                Map<String, Integer> state, List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return Optional.empty();
        }
        if (s != null && s == 1) {
            List<String> c = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            c.add(node);
            return Optional.of(c);
        }
        state.put(node, 1);
        path.add(node);
        Collection<String> waits = after.get(node);
        for (String next : waits == null ? List.<String>of() : waits) {
            Optional<List<String>> found = visit(next, after, state, path);
            if (found.isPresent()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return Optional.empty();
    }
}
