package org.umlmanager.provision;

import java.util.List;

/** The guest's /etc/network/interfaces, for Debian's ifupdown and for busybox's ifup. */
final class NetworkFiles {

    /** Where busybox's udhcpc looks for its script: Debian's build, then upstream's default. */
    static final java.util.List<String> UDHCPC_SCRIPTS = java.util.List.of("/etc/udhcpc/default.script",
            "/usr/share/udhcpc/default.script");

    /** udhcpc calls this with the lease in its environment; busybox has no default script. */
    static final String UDHCPC_SCRIPT = """
            #!/bin/sh
            # Written by UML Manager: applies a DHCP lease (busybox udhcpc).
            # ifup starts udhcpc, and so this script, with an empty environment.
            PATH=/sbin:/bin:/usr/sbin:/usr/bin
            case "$1" in
            deconfig)
                ip addr flush dev "$interface"
                ip link set "$interface" up
                ;;
            bound|renew)
                ip addr flush dev "$interface"
                ip addr add "$ip/${mask:-24}" dev "$interface"
                if [ -n "$router" ]; then
                    ip route replace default via "${router%% *}" dev "$interface"
                fi
                if [ -n "$dns" ]; then
                    : > /etc/resolv.conf
                    for d in $dns; do echo "nameserver $d" >> /etc/resolv.conf; done
                fi
                ;;
            esac
            exit 0
            """;

    private NetworkFiles() {
    }

    static String interfaces(List<GuestNetwork> networks, GuestInit init) {
        StringBuilder b = new StringBuilder(GuestSetup.MARKER).append('\n');
        boolean debian = init == GuestInit.SYSTEMD;
        if (debian) {
            b.append("source /etc/network/interfaces.d/*\n");
        }
        b.append("\nauto lo\niface lo inet loopback\n");
        for (GuestNetwork n : networks) {
            b.append('\n');
            GuestNetwork.Addressing a = n.addressing();
            if (a instanceof GuestNetwork.Addressing.Static s) {
                b.append("auto ").append(n.device()).append('\n');
                b.append("iface ").append(n.device()).append(" inet static\n");
                b.append("\taddress ").append(s.address()).append('\n');
                b.append("\tnetmask ").append(s.netmask()).append('\n');
                s.gateway().ifPresent(g -> b.append("\tgateway ").append(g).append('\n'));
            } else if (a instanceof GuestNetwork.Addressing.Manual) {
                b.append("auto ").append(n.device()).append('\n');
                b.append("iface ").append(n.device()).append(" inet manual\n");
                b.append("\tup ip link set dev ").append(n.device()).append(" up\n");
            } else {
                // Hot-plug on Debian so that boot does not wait for a DHCP server that may not exist.
                b.append(debian ? "allow-hotplug " : "auto ").append(n.device()).append('\n');
                b.append("iface ").append(n.device()).append(" inet dhcp\n");
            }
        }
        return b.toString();
    }
}
