package org.umlmanager.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.umlmanager.testing.UmlKernel;

/** The boot hook's script and arguments, checked against the shells of both base images. */
class BootHookTest {

    @TempDir
    Path dir;

    /** Debian's /bin/sh (dash) and busybox's ash. */
    private static List<List<String>> shells() {
        return List.of(List.of("/bin/sh"), List.of(UmlKernel.requireBusybox().toString(), "sh"));
    }

    private static String run(List<String> shell, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(shell);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theScriptParsesInBothShells() throws Exception {
        Path script = dir.resolve("lab");
        Files.writeString(script, BootHook.script().script());
        for (List<String> shell : shells()) {
            run(shell, "-n", script.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"net.ipv4.ip_forward=1", "net.ipv4.ping_group_range=0 2147483647",
        "echo 'quoted' \"twice\" $HOME * ? [x] \\ back", "MODE=läb ünïcode", "tab\there"})
    void valuesSurviveTheCommandLineAndPrintfInBothShells(String value) throws Exception {
        String encoded = BootHook.encode(value);

        assertThat(encoded).doesNotContain(" ", "\t", "\"", "'", "*", "?", "[", "$");
        assertThat(BootHook.decode(encoded)).isEqualTo(value);
        for (List<String> shell : shells()) {
            assertThat(run(shell, "-c", "printf '%b' \"$1\"", "sh", encoded)).isEqualTo(value);
        }
    }

    @Test
    void kernelArgumentsNameTheDeviceAndCarryItsSettingsInOrder() {
        List<String> args = BootHook.kernelArgs("r1", List.of("a.b=1", "c.d=2 3"), List.of("X=y"), List.of("ip r"));

        assertThat(args).containsExactly("umlmanager.lab=r1", "umlmanager.sysctl=a.b=1", "umlmanager.sysctl=c.d=2\\00403",
                "umlmanager.env=X=y", "umlmanager.exec=ip\\0040r");
        assertThat(BootHook.deviceOf(args)).contains("r1");
        assertThat(BootHook.values(args, BootHook.SYSCTL_ARG)).containsExactly("a.b=1", "c.d=2 3");
        assertThat(args).allMatch(BootHook::isHookArg);
    }

    @Test
    void macAddressesSetByStartupFilesAreFoundInTheCommonForms() throws Exception {
        String definitions = BootHook.script().script().lines().filter(l -> l.strip().startsWith("hex=")
                || l.strip().startsWith("macs=")).map(String::strip).reduce("", (a, b) -> a + b + "\n");
        String startup = String.join("\n",
                "ip link set dev eth0 address 02:00:00:00:0a:01",
                "  ip link set eth1 addr 02:00:00:00:0A:02 up",
                "ip l s eth2 address 02:00:00:00:0a:03",
                "ifconfig eth3 hw ether 02:00:00:00:0a:04",
                "ifconfig eth4 10.0.0.1 netmask 255.255.255.0 up",
                "ip link set eth5 up",
                "ip addr add 10.0.0.1/24 dev eth6",
                "# ip link set eth7 address 02:00:00:00:0a:07",
                "");
        Path file = dir.resolve("r1.startup");
        Files.writeString(file, startup);
        String busybox = UmlKernel.requireBusybox().toString();
        for (String sed : List.of("sed", busybox + " sed")) {
            for (List<String> shell : shells()) {
                String out = run(shell, "-c", definitions + sed + " -nE \"$macs\" \"$1\"", "sh", file.toString());
                assertThat(out.lines().toList()).as(shell + " with " + sed).containsExactly("eth0 02:00:00:00:0a:01",
                        "eth1 02:00:00:00:0A:02", "eth2 02:00:00:00:0a:03", "eth3 02:00:00:00:0a:04");
            }
        }
    }
}
