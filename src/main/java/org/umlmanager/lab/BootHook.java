package org.umlmanager.lab;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.umlmanager.provision.BootScript;

/**
 * What runs a lab device's startup files: a boot script in the lab base images, the same for every
 * device, and the kernel arguments that tell it which device it is and what lab.conf asked for.
 *
 * <p>At boot the script mounts the lab directory read-only through hostfs at {@code /hostlab}
 * (the instance confines hostfs to that directory), sets the host name to the device's name,
 * copies {@code shared/} and then {@code DEVICE/} over the root file system, renames vector
 * interfaces {@code vecN} to {@code ethN} where the kernel has no legacy ones (lab files name
 * {@code ethN}), gives interfaces the MAC addresses the startup files set (UML's interfaces refuse a
 * new one while they are up, so the startup file's own command then fails harmlessly, which the
 * hook says), brings every interface up (Kathará hands startup files interfaces that are up;
 * {@code ip route add … via …} fails with "Network is unreachable" on one that is down), turns IP
 * forwarding on (as Kathará's images have it), applies {@code sysctl} and {@code env} settings,
 * runs {@code shared.startup} then {@code DEVICE.startup} and the {@code exec} commands, and says
 * {@value #READY} on the console. At an orderly shut-down it runs {@code DEVICE.shutdown} then
 * {@code shared.shutdown}. Everything it does and prints goes to the console, and so to the
 * device's console log.
 *
 * <p>The arguments have dotted names, which the kernel keeps in {@code /proc/cmdline} but neither
 * interprets nor hands to init; values are kept to characters the kernel's command line and a
 * shell's word splitting leave alone, every other byte written {@code \0NNN} (octal), which
 * {@code printf %b} turns back.
 */
public final class BootHook {

    /**
     * Bumped whenever the script changes. Base images are never changed once devices sit on them, so a
     * new script means new base images ({@link LabBase#id()} carries this number); labs imported before
     * keep theirs.
     */
    public static final int VERSION = 1;
    /** The script's name in the base images ({@code /etc/uml-manager/boot.d/lab}). */
    public static final String NAME = "lab";
    /** The kernel argument naming the device. */
    public static final String DEVICE_ARG = "umlmanager.lab";
    public static final String SYSCTL_ARG = "umlmanager.sysctl";
    public static final String ENV_ARG = "umlmanager.env";
    public static final String EXEC_ARG = "umlmanager.exec";
    /** Printed when the startup files have run: {@code lab: r1: ready}. */
    public static final String READY = "ready";
    /** Where the guest sees the lab directory. */
    public static final String MOUNT_POINT = "/hostlab";

    static final String SCRIPT = """
            #!/bin/sh
            # Written by UML Manager: runs a lab device's startup files at boot and its shutdown files at an
            # orderly stop. Which device this is comes from the kernel command line (umlmanager.lab=NAME).
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
            export PATH
            lab=%2$s
            # No file name expansion while the command line is split into words.
            arg() {
                set -f
                for word in $(cat /proc/cmdline); do
                    case "$word" in
                        "$1="*) printf '%%b\\n' "${word#*=}" ;;
                    esac
                done
                set +f
            }
            device=$(arg %1$s)
            [ -n "$device" ] || exit 0
            # "NAME MAC" for each line setting a MAC address: ip link set [dev] NAME address MAC, ifconfig NAME hw ether MAC.
            hex='[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}'
            macs="s/^[[:space:]]*ip[[:space:]]+(link|lin|li|l)[[:space:]]+(set|se|s)[[:space:]]+(dev[[:space:]]+)?([^[:space:]]+)[[:space:]](.*[[:space:]])?(address|addr)[[:space:]]+($hex)([[:space:]].*)?$/\\4 \\7/p"
            macs="$macs;s/^[[:space:]]*ifconfig[[:space:]]+([^[:space:]]+)[[:space:]]+hw[[:space:]]+ether[[:space:]]+($hex)([[:space:]].*)?$/\\1 \\2/p"
            say() {
                echo "lab: $device: $*"
            }
            mount_lab() {
                mkdir -p "$lab"
                grep -q " $lab " /proc/mounts && return 0
                mount -t hostfs -o ro none "$lab" || say "cannot mount the lab directory (hostfs) at $lab"
            }
            run() {
                [ -f "$lab/$1" ] || return 0
                say "running $1"
                if [ -x /bin/bash ]; then /bin/bash "$lab/$1"; else /bin/sh "$lab/$1"; fi
                say "$1 ended with status $?"
            }
            start() {
                say "starting"
                hostname "$device"
                echo "$device" >/etc/hostname
                mount_lab
                for tree in shared "$device"; do
                    if [ -d "$lab/$tree" ]; then
                        cp -Rf "$lab/$tree/." / && say "copied $tree/ over /"
                    fi
                done
                for path in /sys/class/net/vec*; do
                    [ -e "$path" ] || continue
                    name=${path##*/}
                    [ -e "/sys/class/net/eth${name#vec}" ] || ip link set "$name" name "eth${name#vec}"
                done
                # UML's interfaces refuse a new MAC address while they are up (Docker's veths, which
                # Kathará's files are written for, do not): set the ones the startup files set first.
                for file in "$lab/shared.startup" "$lab/$device.startup"; do
                    [ -f "$file" ] || continue
                    sed -nE "$macs" "$file" | while read -r name mac; do
                        ip link set "$name" address "$mac" && say "$name has MAC address $mac, as $(basename "$file") sets (its own "\
                            "command then reports 'Device or resource busy': UML keeps the address of an interface that is up)"
                    done
                done
                for path in /sys/class/net/*; do
                    ip link set "${path##*/}" up
                done
                sysctl -w net.ipv4.ip_forward=1 >/dev/null 2>&1 || echo 1 >/proc/sys/net/ipv4/ip_forward
                sysctl -w net.ipv6.conf.all.forwarding=1 >/dev/null 2>&1
                while IFS= read -r setting; do
                    [ -n "$setting" ] && sysctl -w "$setting"
                done <<EOF
            $(arg %3$s)
            EOF
                while IFS= read -r variable; do
                    [ -n "$variable" ] && export "$variable"
                done <<EOF
            $(arg %4$s)
            EOF
                run shared.startup
                run "$device.startup"
                while IFS= read -r command; do
                    [ -n "$command" ] || continue
                    say "exec $command"
                    /bin/sh -c "$command"
                done <<EOF
            $(arg %5$s)
            EOF
                mkdir -p /run && touch /run/uml-manager-lab.ready
                say "%6$s"
            }
            stop() {
                mount_lab
                run "$device.shutdown"
                run shared.shutdown
                say "stopped"
            }
            case "$1" in
                start) start ;;
                stop) stop ;;
                *) echo "usage: $0 start|stop" >&2; exit 2 ;;
            esac
            """.formatted(DEVICE_ARG, MOUNT_POINT, SYSCTL_ARG, ENV_ARG, EXEC_ARG, READY);

    private BootHook() {
    }

    /** The boot script every lab base image holds. */
    public static BootScript script() {
        return new BootScript(NAME, SCRIPT);
    }

    /** The line the hook prints once a device's startup files have run. */
    public static String readyLine(String device) {
        return "lab: " + device + ": " + READY;
    }

    /** The kernel arguments for one device. */
    public static List<String> kernelArgs(String device, List<String> sysctls, List<String> env, List<String> exec) {
        List<String> args = new ArrayList<>();
        args.add(DEVICE_ARG + "=" + encode(device));
        sysctls.forEach(s -> args.add(SYSCTL_ARG + "=" + encode(s)));
        env.forEach(s -> args.add(ENV_ARG + "=" + encode(s)));
        exec.forEach(s -> args.add(EXEC_ARG + "=" + encode(s)));
        return args;
    }

    /** The device a kernel argument list names, if it is a lab device's. */
    public static Optional<String> deviceOf(List<String> kernelArgs) {
        return values(kernelArgs, DEVICE_ARG).stream().findFirst();
    }

    /** The decoded values of one of the hook's arguments, in order. */
    public static List<String> values(List<String> kernelArgs, String name) {
        return kernelArgs.stream().filter(a -> a.startsWith(name + "=")).map(a -> decode(a.substring(name.length() + 1)))
                .toList();
    }

    /** Whether an argument is one of the hook's. */
    public static boolean isHookArg(String arg) {
        return arg.startsWith(DEVICE_ARG + "=") || arg.startsWith(SYSCTL_ARG + "=") || arg.startsWith(ENV_ARG + "=")
                || arg.startsWith(EXEC_ARG + "=");
    }

    /** Keeps the characters that need no quoting anywhere; every other byte becomes {@code \0NNN}. */
    static String encode(String value) {
        StringBuilder b = new StringBuilder();
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "._,:/=+@%-".indexOf(c) >= 0)) {
                b.append((char) c);
            } else {
                b.append("\\0").append(String.format("%03o", c));
            }
        }
        return b.toString();
    }

    static String decode(String encoded) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '\\' && i + 5 <= encoded.length() && encoded.charAt(i + 1) == '0') {
                out.write(Integer.parseInt(encoded.substring(i + 2, i + 5), 8));
                i += 4;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
