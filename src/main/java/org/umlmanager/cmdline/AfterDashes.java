package org.umlmanager.cmdline;

import java.util.List;
import java.util.Optional;

/**
 * Arguments after a literal {@code --}, as the 6.1 kernel treats them. The generic kernel stops
 * reading options there and hands the rest to init (as arguments, or {@code KEY=VALUE} as its
 * environment), so disks, consoles and network devices after {@code --} are not set up. But UML
 * reads its own early options ({@code __uml_setup}: {@code mem=}, {@code umid=}, {@code hostfs=}, …)
 * in every argument, {@code --} or not, by prefix: {@code -- mem=144M} gives the guest 144 MiB
 * whatever is set before it (tried with the 6.1 kernel). Such an argument would make the guest
 * differ from its configuration, so it is reported where it stands. And UML appends its default
 * {@code root=98:0} at the very end, after {@code --}, where the kernel no longer reads it: with
 * {@code --} a guest needs its root device set, or it panics ("VFS: Unable to mount root fs").
 */
final class AfterDashes {

    /** UML's early options that change the guest; each is matched by prefix, as the kernel does. */
    private static final List<String> APPLIED = List.of("mem=", "iomem=", "umid=", "uml_dir=", "initrd=", "xterm=",
            "hostfs=", "noreboot", "nosysemu", "--help", "--version", "--showconfig");
    /** Noted by UML, which then leaves out its default root=, while the generic kernel never sees it. */
    private static final List<String> NOTED = List.of("root=");
    /** Applied too, but change nothing that matters. */
    private static final List<String> HARMLESS = List.of("quiet", "debug");

    private AfterDashes() {
    }

    /**
     * What is wrong with {@code arg} standing after {@code --}, if anything; {@code given} tells
     * whether the command line has the option before {@code --} too (a {@code root=} after it is
     * then init's alone, as {@code --} means).
     */
    static Optional<ArgReading.Diagnosis> check(String arg, java.util.function.Predicate<String> given) {
        for (String option : APPLIED) {
            if (arg.startsWith(option)) {
                String name = option.endsWith("=") ? option.substring(0, option.length() - 1) + "=" : option;
                return Optional.of(new ArgReading.Diagnosis(Problem.Severity.ERROR, "UML applies " + name
                        + " even after '--' (which only ends the generic kernel's options), and init gets it as"
                        + " well, so the guest would not run as configured" + effect(option)
                        + "; move it before '--', or remove it"));
            }
        }
        for (String option : NOTED) {
            if (arg.startsWith(option) && !given.test(option)) {
                return Optional.of(new ArgReading.Diagnosis(Problem.Severity.ERROR, "after '--' the kernel does not"
                        + " use " + option + " (init gets it), so the guest has no root device and panics; move it"
                        + " before '--'"));
            }
        }
        for (String option : HARMLESS) {
            if (arg.startsWith(option)) {
                return Optional.of(new ArgReading.Diagnosis(Problem.Severity.WARNING, "UML applies " + option
                        + " even after '--', and init gets it as an argument as well; move it before '--'"));
            }
        }
        return Optional.empty();
    }

    /** The problem with a {@code --} on a command line without a root device before it, if any. */
    static Optional<ArgReading.Diagnosis> checkDashes(boolean rootGiven) {
        return rootGiven ? Optional.empty() : Optional.of(new ArgReading.Diagnosis(Problem.Severity.ERROR,
                "UML appends its default root=98:0 (ubda) at the end, after '--', where the kernel no longer reads"
                        + " it, so the guest finds no root device and panics; set the root device (root=/dev/ubda)"));
    }

    private static String effect(String option) {
        return switch (option) {
            case "mem=" -> " (its memory would be this, not the one set before '--')";
            case "umid=" -> " (a umid here is taken if none comes before it)";
            case "hostfs=" -> " (this, not the Host access setting, would decide what the guest reaches)";
            case "uml_dir=" -> " (its mconsole socket would be elsewhere)";
            case "--help", "--version", "--showconfig" -> " (it would print and exit instead of booting)";
            default -> "";
        };
    }
}
