package org.umlmanager.launch;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the supervisor needs to start one guest; built by the service from an instance and its
 * generated command line.
 *
 * @param name             the instance's name
 * @param umid             the umid on the command line
 * @param umlDir           the uml_dir the kernel uses (its umid directory is {@code umlDir/umid})
 * @param argv             the full argv, binary first ({@code taskset -c … linux …} when pinned)
 * @param environment      variables added to the supervisor's environment for the kernel process
 * @param workingDirectory the kernel's working directory (relative image paths resolve against it)
 * @param ptyLine          the line that rides on the pty ({@code fd:0,fd:1}), e.g. {@code con0}
 * @param ptsLines         further embedded lines the kernel opens as {@code pts}, e.g. {@code con1}, {@code ssl0}
 * @param logDirectory     where each line's output is appended ({@code con0.log}, …)
 * @param session          the session directory (notify socket, session file, launch spec)
 */
public record LaunchSpec(String name, String umid, Path umlDir, List<String> argv, Map<String, String> environment,
                         Path workingDirectory, Optional<String> ptyLine, List<String> ptsLines, Path logDirectory,
                         SessionPaths session) {

    /** Name of the pty stream when no line is embedded: it then carries only the kernel's own output. */
    public static final String PTY_FALLBACK_NAME = "console";

    public LaunchSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(umid, "umid");
        Objects.requireNonNull(umlDir, "umlDir");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty");
        }
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(ptyLine, "ptyLine");
        ptsLines = List.copyOf(ptsLines);
        Objects.requireNonNull(logDirectory, "logDirectory");
        Objects.requireNonNull(session, "session");
    }

    /** The mconsole socket the kernel will create, unless its umid is busy. */
    public Path mconsoleSocket() {
        return umlDir.resolve(umid).resolve("mconsole");
    }

    /** The name the pty's output is kept under: the first embedded line, or {@code console} when none is embedded. */
    public String ptyLineName() {
        return ptyLine.orElse(PTY_FALLBACK_NAME);
    }
}
