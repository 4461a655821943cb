package org.umlmanager.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where UML Manager keeps its state. By default the XDG base directories:
 * configuration in {@code $XDG_CONFIG_HOME/uml-manager}, data (images, logs) in
 * {@code $XDG_DATA_HOME/uml-manager}, sockets in {@code $XDG_RUNTIME_DIR/uml-manager}.
 * {@code UML_MANAGER_HOME=DIR} puts all of it under DIR ({@code DIR/config}, {@code DIR/data},
 * {@code DIR/run}) so that tests never touch a user's real configuration.
 *
 * @param config  configuration root (instances, preferences)
 * @param data    data root (disk images, console logs)
 * @param runtime runtime root (sockets, session files); short paths matter here, see AF_UNIX limits
 */
public record AppPaths(Path config, Path data, Path runtime) {

    public static final String HOME_VARIABLE = "UML_MANAGER_HOME";
    private static final String APP = "uml-manager";

    public AppPaths {
        Objects.requireNonNull(config);
        Objects.requireNonNull(data);
        Objects.requireNonNull(runtime);
    }

    public static AppPaths fromEnvironment() {
        return from(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Resolves the paths from an environment map and a home directory (testable without a real env). */
    public static AppPaths from(Map<String, String> env, Path home) {
        String own = env.get(HOME_VARIABLE);
        if (own != null && !own.isBlank()) {
            return under(Path.of(own));
        }
        Path config = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve(APP);
        Path data = xdg(env, "XDG_DATA_HOME", home.resolve(".local/share")).resolve(APP);
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        Path runtime = runtimeDir != null && !runtimeDir.isBlank() && Path.of(runtimeDir).isAbsolute()
                ? Path.of(runtimeDir).resolve(APP)
                : Path.of("/tmp", APP + "-" + System.getProperty("user.name", "user"));
        return new AppPaths(config, data, runtime);
    }

    /** Everything under one directory, as {@code UML_MANAGER_HOME} does. */
    public static AppPaths under(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        return new AppPaths(abs.resolve("config"), abs.resolve("data"), abs.resolve("run"));
    }

    private static Path xdg(Map<String, String> env, String var, Path fallback) {
        String v = env.get(var);
        // The XDG spec says relative values are invalid and must be ignored.
        return v != null && !v.isBlank() && Path.of(v).isAbsolute() ? Path.of(v) : fallback;
    }

    public Path instancesDir() {
        return config.resolve("instances");
    }

    /** Saved networks, one file each ({@code NAME.json}). */
    public Path networksDir() {
        return config.resolve("networks");
    }

    /** The running networks' sockets, pid files and state, one directory each. */
    public Path networksRuntimeDir() {
        return runtime.resolve("networks");
    }

    /** Saved labs, one file each ({@code NAME.json}). */
    public Path labsDir() {
        return config.resolve("labs");
    }

    /** The labs' own files: each lab's copy-on-write files, and the base images labs share. */
    public Path labsDataDir() {
        return data.resolve("labs");
    }

    public Path preferencesFile() {
        return config.resolve("preferences.json");
    }

    public Path logsDir() {
        return data.resolve("logs");
    }

    public Path imagesDir() {
        return data.resolve("images");
    }

    public Path sessionsDir() {
        return runtime.resolve("sessions");
    }
}
