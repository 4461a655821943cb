package org.umlmanager.ui.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.umlmanager.cmdline.Problem;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.umlmanager.model.Instance;
import org.umlmanager.model.MemorySize;

/**
 * The General page: identity, kernel, memory and boot options. Extra arguments are one per line
 * (each line is one argv element, so spaces need no quoting); the environment is {@code KEY=VALUE}
 * per line.
 */
public final class GeneralViewModel {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,18})\\s*(?:([kKmMgG])(?:i?[bB])?)?");

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty umid = new SimpleStringProperty("");
    private final StringProperty kernel = new SimpleStringProperty("");
    private final StringProperty memoryAmount = new SimpleStringProperty("");
    private final ObjectProperty<MemoryUnit> memoryUnit = new SimpleObjectProperty<>(MemoryUnit.MIB);
    private final StringProperty root = new SimpleStringProperty("");
    private final StringProperty init = new SimpleStringProperty("");
    private final StringProperty umlDir = new SimpleStringProperty("");
    private final StringProperty extraArgs = new SimpleStringProperty("");
    private final StringProperty environment = new SimpleStringProperty("");
    private final StringProperty cpuPinning = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");

    GeneralViewModel(Runnable onChange) {
        for (var p : List.of(name, umid, kernel, memoryAmount, root, init, umlDir, extraArgs, environment,
                cpuPinning, notes)) {
            p.addListener((o, a, b) -> onChange.run());
        }
        memoryUnit.addListener((o, a, b) -> onChange.run());
        // A umid that was the name keeps following it, as a new instance's does.
        name.addListener((o, old, now) -> {
            if (umid.get().equals(old)) {
                umid.set(now);
            }
        });
    }

    void load(Instance i) {
        name.set(i.name());
        umid.set(i.umid());
        kernel.set(i.kernel());
        if (i.memory().isPresent()) {
            long bytes = i.memory().get().bytes();
            MemoryUnit unit = MemoryUnit.fitting(bytes);
            memoryUnit.set(unit);
            memoryAmount.set(Long.toString(bytes >> unit.shift()));
        } else {
            memoryAmount.set("");
        }
        root.set(i.root().orElse(""));
        init.set(i.init().orElse(""));
        umlDir.set(i.umlDir().orElse(""));
        extraArgs.set(String.join("\n", i.extraArgs()));
        StringBuilder env = new StringBuilder();
        i.environment().forEach((k, v) -> env.append(env.length() > 0 ? "\n" : "").append(k).append('=').append(v));
        environment.set(env.toString());
        cpuPinning.set(i.cpuPinning().orElse(""));
        notes.set(i.notes());
    }

    void apply(Instance.Builder b) {
        b.name(name.get().strip()).umid(umid.get().strip()).kernel(kernel.get().strip())
                .memory(memory())
                .root(blankToNull(root.get())).init(blankToNull(init.get())).umlDir(blankToNull(umlDir.get()))
                .extraArgs(lines(extraArgs.get()))
                .environment(environmentMap(environment.get()))
                .cpuPinning(cpuPinning.get().strip())
                .notes(notes.get());
    }

    /**
     * The amount as typed: a whole number in the unit chosen beside it, or with a unit of its own
     * as the kernel writes it ({@code 512M}, {@code 1G}, {@code 2GiB}), which then also sets the
     * unit. Anything else is not a size: empty here, and a problem of the form.
     */
    private Optional<MemorySize> memory() {
        String amount = memoryAmount.get().strip();
        if (amount.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = SIZE.matcher(amount);
        if (!m.matches()) {
            return Optional.empty();
        }
        int shift = m.group(2) == null ? memoryUnit.get().shift() : switch (Character.toUpperCase(m.group(2).charAt(0))) {
            case 'K' -> 10;
            case 'M' -> 20;
            default -> 30;
        };
        try {
            return Optional.of(new MemorySize(Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift)));
        } catch (ArithmeticException | NumberFormatException e) {
            // An overflowing amount is capped so that the validator reports the size.
            return Optional.of(new MemorySize(Long.MAX_VALUE));
        }
    }

    /** What the form itself can tell is wrong before any check: a memory amount that is no size. */
    List<Problem> formProblems() {
        String amount = memoryAmount.get().strip();
        if (amount.isEmpty() || SIZE.matcher(amount).matches()) {
            return List.of();
        }
        return List.of(Problem.error("memory", "memory", "'" + amount + "' is not a size: type a whole number"
                + " such as 256 (the unit is chosen beside it), or one with its unit such as 512M or 1G"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    /** {@code KEY=VALUE} lines; a line without {@code =} sets the variable to the empty string. */
    static Map<String, String> environmentMap(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                env.put(line, "");
            } else {
                env.put(line.substring(0, eq).strip(), line.substring(eq + 1));
            }
        }
        return env;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty umidProperty() {
        return umid;
    }

    public StringProperty kernelProperty() {
        return kernel;
    }

    public StringProperty memoryAmountProperty() {
        return memoryAmount;
    }

    public ObjectProperty<MemoryUnit> memoryUnitProperty() {
        return memoryUnit;
    }

    public StringProperty rootProperty() {
        return root;
    }

    public StringProperty initProperty() {
        return init;
    }

    public StringProperty umlDirProperty() {
        return umlDir;
    }

    public StringProperty extraArgsProperty() {
        return extraArgs;
    }

    public StringProperty environmentProperty() {
        return environment;
    }

    public StringProperty cpuPinningProperty() {
        return cpuPinning;
    }

    public StringProperty notesProperty() {
        return notes;
    }
}
