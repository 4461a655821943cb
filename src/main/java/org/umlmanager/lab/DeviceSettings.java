package org.umlmanager.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.umlmanager.model.MemorySize;

/**
 * What a device's lab.conf settings mean on UML. {@code mem} is the guest's memory (a bare number
 * is MiB, as in Netkit; {@code 512m} or {@code 1g} as in Kathará); {@code image} chooses the base
 * image; {@code bridged} adds an interface on the NAT network {@code default}; {@code num_terms}
 * is the number of console lines; {@code sysctl}, {@code env} and {@code exec} (each may repeat)
 * and {@code ipv6} are applied by the boot hook; Netkit's {@code kernel} and {@code append} set the
 * kernel and extra kernel arguments. Docker's own options and unknown keys are kept in the lab (and
 * exported again) and reported as not applied.
 *
 * @param terminals how many terminals lab.conf asked for ({@code num_terms}); every device gets one
 *                  console, its log and the boot hook's output, and more are reported as not made
 */
public record DeviceSettings(Optional<MemorySize> memory, Optional<String> image, boolean bridged, int terminals,
                             List<String> sysctls, List<String> env, List<String> exec, Optional<String> kernel,
                             List<String> append) {

    static final int MAX_TERMINALS = 8;
    static final MemorySize MIN_MEMORY = MemorySize.ofMebibytes(16);
    private static final Pattern SYSCTL = Pattern.compile("[A-Za-z0-9_./-]+\\s*=.*");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
    private static final List<String> DOCKER_ONLY = List.of("port", "volume", "entrypoint", "ulimit", "privileged",
            "args", "shell", "cpus", "con0", "con1", "model-fs", "filesystem", "hostlab", "xterm");

    public DeviceSettings {
        sysctls = List.copyOf(sysctls);
        env = List.copyOf(env);
        exec = List.copyOf(exec);
        append = List.copyOf(append);
    }

    /** Reads the settings of {@code device}; errors and warnings go to {@code problems}. */
    static DeviceSettings read(LabConf.Device device, List<LabProblem> problems) {
        Optional<MemorySize> memory = Optional.empty();
        Optional<String> image = Optional.empty();
        boolean bridged = false;
        int terminals = 1;
        List<String> sysctls = new ArrayList<>();
        List<String> env = new ArrayList<>();
        List<String> exec = new ArrayList<>();
        Optional<String> kernel = Optional.empty();
        List<String> append = new ArrayList<>();
        String d = device.name();
        for (LabConf.Setting s : device.settings()) {
            String where = LabConfParser.FILE + " line " + s.line();
            String key = s.key().toLowerCase(Locale.ROOT);
            String v = s.value();
            switch (key) {
                case "mem" -> memory = memory(d, v, where, problems);
                case "image" -> image = Optional.of(v);
                case "bridged" -> bridged = flag(d, key, v, where, problems).orElse(bridged);
                case "num_terms" -> {
                    terminals = terminals(d, v, where, problems).orElse(terminals);
                    if (terminals > 1) {
                        problems.add(LabProblem.warning(where, d + "[num_terms]=" + v + ": the device gets one console"
                                + " (con0, with a root shell); the base images run no shells on further lines"));
                    }
                }
                case "sysctl" -> {
                    if (SYSCTL.matcher(v).matches()) {
                        sysctls.add(v.replaceFirst("\\s*=\\s*", "="));
                    } else {
                        problems.add(LabProblem.error(where, d + "[sysctl]=" + v + " is not KEY=VALUE; write for"
                                + " example " + d + "[sysctl]=\"net.ipv4.conf.all.rp_filter=0\""));
                    }
                }
                case "env" -> {
                    if (ENV.matcher(v).matches()) {
                        env.add(v);
                    } else {
                        problems.add(LabProblem.error(where, d + "[env]=" + v + " is not NAME=VALUE; write for example "
                                + d + "[env]=\"MODE=lab\""));
                    }
                }
                case "exec" -> exec.add(v);
                case "ipv6" -> flag(d, key, v, where, problems).ifPresent(on -> {
                    sysctls.add("net.ipv6.conf.all.disable_ipv6=" + (on ? 0 : 1));
                    sysctls.add("net.ipv6.conf.default.disable_ipv6=" + (on ? 0 : 1));
                });
                case "kernel" -> kernel = Optional.of(v);
                case "append" -> append.addAll(List.of(v.strip().split("\\s+")));
                default -> problems.add(LabProblem.warning(where, d + "[" + s.key() + "] " + (DOCKER_ONLY.contains(key)
                        ? notOnUml(key) : "is not an option UML Manager knows") + "; kept with the lab (and exported"
                        + " again) but not applied"));
            }
        }
        return new DeviceSettings(memory, image, bridged, terminals, sysctls, env, exec, kernel, append);
    }

    private static String notOnUml(String key) {
        return switch (key) {
            case "port" -> "forwards a host port, which on UML is a NAT network's job (uml-manager network create"
                    + " NAME --nat --forward HOSTPORT:GUESTPORT)";
            case "cpus" -> "limits CPUs; a UML guest runs on one";
            case "shell", "con0", "con1", "xterm" -> "chooses a terminal; here every console is a tab with the guest's"
                    + " own shell";
            default -> "is a container (Docker) or Netkit file system option with no UML meaning";
        };
    }

    private static Optional<MemorySize> memory(String device, String v, String where, List<LabProblem> problems) {
        String s = v.strip();
        Optional<MemorySize> size = s.matches("[0-9]+") ? Optional.of(MemorySize.ofMebibytes(Long.parseLong(
                s.length() > 9 ? "999999999" : s))) : MemorySize.parse(s);
        if (size.isEmpty()) {
            problems.add(LabProblem.error(where, device + "[mem]=" + v + " is not a size; write 256m, 1g, or a number"
                    + " of MiB such as 256"));
            return Optional.empty();
        }
        if (size.get().bytes() < MIN_MEMORY.bytes()) {
            problems.add(LabProblem.error(where, device + "[mem]=" + v + " is less than the " + MIN_MEMORY
                    + " a UML guest needs to boot; give at least 32m"));
            return Optional.empty();
        }
        return size;
    }

    private static Optional<Boolean> flag(String device, String key, String v, String where,
                                          List<LabProblem> problems) {
        switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> {
                return Optional.of(true);
            }
            case "false", "no", "0", "off" -> {
                return Optional.of(false);
            }
            default -> {
                problems.add(LabProblem.error(where, device + "[" + key + "]=" + v + " is not true or false; write "
                        + device + "[" + key + "]=true"));
                return Optional.empty();
            }
        }
    }

    private static Optional<Integer> terminals(String device, String v, String where, List<LabProblem> problems) {
        if (!v.strip().matches("[0-9]{1,3}") || Integer.parseInt(v.strip()) > MAX_TERMINALS) {
            problems.add(LabProblem.error(where, device + "[num_terms]=" + v + " is not a number of terminals from 0"
                    + " to " + MAX_TERMINALS));
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(v.strip()));
    }
}
