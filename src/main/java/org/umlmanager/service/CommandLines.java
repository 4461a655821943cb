package org.umlmanager.service;

import java.nio.file.Path;
import java.util.List;
import org.umlmanager.cmdline.CommandLineGenerator;
import org.umlmanager.cmdline.CommandLineParser;
import org.umlmanager.cmdline.GenerateOptions;
import org.umlmanager.cmdline.ParseResult;
import org.umlmanager.cmdline.Problem;
import org.umlmanager.cmdline.ValidationContext;
import org.umlmanager.cmdline.Validator;
import org.umlmanager.model.Instance;

/**
 * An instance's kernel command line for the desktop app's forms: checked (the problems the editor
 * shows next to their fields), previewed, exported, and read back from what a user pastes. Pure
 * functions, safe from any thread; the app runs them on its background executor.
 */
public final class CommandLines {

    private CommandLines() {
    }

    /** Every problem of {@code instance}, errors and warnings, in field order. */
    public static List<Problem> check(Instance instance, ValidationContext context) {
        return Validator.validate(instance, context);
    }

    /** The command that starts {@code instance}, as one shell line. */
    public static String shellLine(Instance instance, GenerateOptions options) {
        return CommandLineGenerator.launchCommand(instance, options).toShellLine();
    }

    /** A runnable {@code #!/bin/sh} script that starts {@code instance}. */
    public static String script(Instance instance, GenerateOptions options) {
        return CommandLineGenerator.launchCommand(instance, options).toScript(instance.name());
    }

    /** The kernel's arguments for {@code instance}, one per element (the hot-plug dialog sends some of them). */
    public static List<String> kernelArgs(Instance instance, GenerateOptions options) {
        return CommandLineGenerator.kernelArgs(instance, options);
    }

    /** Reads pasted shell text (environment, taskset, the binary, its arguments) into an instance. */
    public static ParseResult parseShellLine(String name, String text, Path home, ValidationContext context) {
        return CommandLineParser.parseShellLine(name, text, home, context);
    }

    /** Reads kernel arguments into an instance, checking syntax only. */
    public static ParseResult parse(String name, List<String> kernelArgs) {
        return CommandLineParser.parse(name, kernelArgs);
    }
}
