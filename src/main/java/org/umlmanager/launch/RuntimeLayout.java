package org.umlmanager.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.umlmanager.host.PrivateDirectory;
import org.umlmanager.model.AppPaths;

/**
 * Where running guests keep their files on the host.
 *
 * @param sessionsDir      one directory per guest session (sockets and the session file)
 * @param supervisorDir    the supervisor's socket, locks and log ({@link SupervisorFiles})
 * @param logsDir          console logs, one directory per instance
 * @param defaultUmlDir    the uml_dir for instances that set none
 * @param workingDirectory the kernel's working directory (relative image paths resolve against it)
 */
public record RuntimeLayout(Path sessionsDir, Path supervisorDir, Path logsDir, Path defaultUmlDir,
                            Path workingDirectory) {

    public RuntimeLayout {
        Objects.requireNonNull(sessionsDir);
        Objects.requireNonNull(supervisorDir);
        Objects.requireNonNull(logsDir);
        Objects.requireNonNull(defaultUmlDir);
        Objects.requireNonNull(workingDirectory);
    }

    /**
     * Creates the runtime and log directories private to the user, or checks that they are (see
     * {@link PrivateDirectory}): every operation on running guests does this first, so that
     * sockets, session files and logs are never read from or put into a directory someone else
     * controls, such as a {@code /tmp/uml-manager-USER} another user made in advance.
     *
     * @throws PrivateDirectory.NotPrivateException naming the directory and its owner
     */
    public void ensurePrivate() throws IOException {
        PrivateDirectory.ensure(sessionsDir.getParent(), sessionsDir);
        PrivateDirectory.ensure(supervisorDir.getParent(), supervisorDir);
        PrivateDirectory.ensure(logsDir);
    }

    /**
     * The layout for {@code paths}. Guests use the kernel's own default uml_dir ({@code ~/.uml},
     * where {@code uml_mconsole NAME} finds them) unless the state is isolated — under
     * {@code UML_MANAGER_HOME}, or any other directory than the environment's default (as in
     * tests) — which keeps the uml_dir there too ({@code runtime/uml}).
     */
    public static RuntimeLayout of(AppPaths paths, Map<String, String> env, Path home, Path workingDirectory) {
        String own = env.get(AppPaths.HOME_VARIABLE);
        boolean isolated = own != null && !own.isBlank() || !paths.equals(AppPaths.from(env, home));
        Path umlDir = isolated ? paths.runtime().resolve("uml") : home.resolve(".uml");
        return new RuntimeLayout(paths.sessionsDir(), paths.runtime().resolve("supervisor"), paths.logsDir(), umlDir,
                workingDirectory);
    }
}
