package org.umlmanager.cmdline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.umlmanager.model.Instance;

/**
 * Golden files, like virt-manager's tests/test_cli.py: each case under
 * {@code src/test/resources/cmdline/golden} is a command line ({@code NAME.args}, one argv element
 * per line, or {@code NAME.sh}, shell text) and {@code NAME.expected}, the normalized result: the
 * argv generated from the parsed instance and every problem found. Regenerate the expected files
 * with {@code ./mvnw test -Dtest=GoldenCommandLineTest -Dgolden.update=true} and review the diff.
 */
class GoldenCommandLineTest {

    private static final Path CASES = Path.of("src/test/resources/cmdline/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    /** Fixed, so that expanded {@code ~} looks the same on every machine. */
    private static final Path HOME = Path.of("/home/user");

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        List<Path> inputs;
        try (Stream<Path> s = Files.list(CASES)) {
            inputs = s.filter(p -> p.toString().endsWith(".args") || p.toString().endsWith(".sh")).sorted().toList();
        }
        assertThat(inputs).hasSizeGreaterThan(30);
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path input) throws IOException {
        String file = input.getFileName().toString();
        String name = file.substring(0, file.lastIndexOf('.'));
        String text = Files.readString(input, StandardCharsets.UTF_8);
        ParseResult result = file.endsWith(".sh")
                ? CommandLineParser.parseShellLine(name, text, HOME, ValidationContext.syntaxOnly())
                : CommandLineParser.parse(name, text.lines().toList());
        String actual = render(result);
        Path expectedFile = CASES.resolve(name + ".expected");
        if (UPDATE) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        } else if (!Files.exists(expectedFile)) {
            fail("no " + expectedFile + "; create it with -Dgolden.update=true and review it. Actual:\n" + actual);
        } else {
            String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                fail(file + " differs from " + expectedFile.getFileName() + " (- expected, + actual):\n"
                        + LineDiff.diff(expected, actual));
            }
        }
        assertFixedPoint(name, result.instance());
    }

    /** parse → generate → parse gives the same instance, through the argv and through the shell line. */
    private static void assertFixedPoint(String name, Instance first) {
        List<String> generated = CommandLineGenerator.kernelArgs(first, GenerateOptions.none());
        // The kernel's arguments do not name the binary, the environment or the CPU pinning.
        Instance again = CommandLineParser.parse(name, generated).instance().toBuilder().kernel(first.kernel())
                .environment(first.environment()).cpuPinning(first.cpuPinning().orElse(null)).build();
        assertThat(again).as("parse(generate(parse(x))) for %s", name).isEqualTo(first);
        String shell = CommandLineGenerator.launchCommand(first, GenerateOptions.none()).toShellLine();
        Instance fromShell = CommandLineParser.parseShellLine(name, shell, HOME, ValidationContext.syntaxOnly())
                .instance();
        assertThat(fromShell).as("parseShellLine(toShellLine(parse(x))) for %s: %s", name, shell).isEqualTo(first);
    }

    static String render(ParseResult result) {
        Instance i = result.instance();
        LaunchCommand launch = CommandLineGenerator.launchCommand(i, GenerateOptions.none());
        List<String> out = new ArrayList<>();
        if (!launch.environment().isEmpty()) {
            out.add("# environment");
            launch.environment().forEach((k, v) -> out.add(k + "=" + v));
        }
        out.add("# argv");
        launch.argv().forEach(a -> out.add(oneLine(a)));
        out.add("# problems");
        for (Problem p : result.problems()) {
            out.add(oneLine((p.isError() ? "error " : "warning ") + p.field() + " | " + p.subject() + " | "
                    + p.message()));
        }
        return String.join("\n", out) + "\n";
    }

    private static String oneLine(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
