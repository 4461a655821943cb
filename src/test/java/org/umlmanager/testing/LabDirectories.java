package org.umlmanager.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lab directories for tests, written the way course material writes them. The two-router lab: two
 * routers and three hosts on three collision domains,
 * <pre>
 *   h1 (10.0.1.10) ─┐                                          ┌─ h2 (10.0.3.10)
 *   h3 (10.0.1.11) ─┴ A ─ r1 (10.0.1.1 | 10.0.2.1) ─ B ─ r2 (10.0.2.2 | 10.0.3.1) ─ C ┘
 * </pre>
 * whose startup files mix net-tools ({@code ifconfig}, {@code route}) and iproute2 ({@code ip})
 * syntax and set MAC addresses (h1 with {@code ip link}, h2 with {@code ifconfig hw ether}, h3 in
 * lab.conf), with files in {@code h1/} and {@code shared/}, a shared.startup and an r2.shutdown.
 */
public final class LabDirectories {

    public static final String H1_MAC = "02:00:00:00:0a:01";
    public static final String H2_MAC = "02:00:00:00:0c:02";
    public static final String H3_MAC = "02:00:00:00:0a:03";
    public static final String H2_ADDRESS = "10.0.3.10";
    public static final String MOTD = "hello from h1";
    public static final String BANNER = "lab banner for everyone";

    private LabDirectories() {
    }

    /** Writes the two-router lab into {@code dir} (created) and returns it. */
    public static Path twoRouters(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("h1/etc"));
        Files.createDirectories(dir.resolve("shared/etc"));
        write(dir, "lab.conf", """
                LAB_DESCRIPTION="Two routers, three hosts, three collision domains"
                LAB_AUTHOR="UML Manager tests"
                LAB_VERSION=1.0

                # routers
                r1[0]="A"
                r1[1]="B"
                r2[0]=B
                r2[1]=C
                r1[sysctl]="net.ipv4.conf.all.rp_filter=0"

                # hosts
                h1[0]="A"
                h2[0]='C'   # the far end
                h3[0]="A/%s"
                h3[mem]=48m
                h1[shiny]="an option nobody knows"
                """.formatted(H3_MAC));
        write(dir, "lab.dep", "# hosts start once their routers are up\nh1: r1 r2\nh2: r2\n");
        write(dir, "shared.startup", "echo \"shared startup on $(hostname)\"\n");
        write(dir, "r1.startup", """
                ifconfig eth0 10.0.1.1 netmask 255.255.255.0 up
                ip addr add 10.0.2.1/24 dev eth1
                route add -net 10.0.3.0 netmask 255.255.255.0 gw 10.0.2.2
                echo "r1 routes: $(ip route | tr '\\n' ';')"
                """);
        write(dir, "r2.startup", """
                ip address add 10.0.2.2/24 dev eth0
                ip addr add 10.0.3.1/24 dev eth1
                ip route add 10.0.1.0/24 via 10.0.2.1
                """);
        write(dir, "r2.shutdown", "echo \"r2 says goodbye\"\n");
        write(dir, "h1.startup", """
                ip link set dev eth0 address %s
                ip addr add 10.0.1.10/24 dev eth0
                ip route add default via 10.0.1.1
                """.formatted(H1_MAC));
        write(dir, "h2.startup", """
                ifconfig eth0 hw ether %s
                ifconfig eth0 %s netmask 255.255.255.0 up
                route add default gw 10.0.3.1
                """.formatted(H2_MAC, H2_ADDRESS));
        write(dir, "h3.startup", "ip addr add 10.0.1.11/24 dev eth0\nip route add default via 10.0.1.1\n");
        write(dir, "h1/etc/motd", MOTD + "\n");
        write(dir, "shared/etc/lab-banner", BANNER + "\n");
        return dir;
    }

    /** A lab of {@code hosts} hosts on one collision domain, each with an address 10.9.0.N. */
    public static Path star(Path dir, int hosts) throws IOException {
        Files.createDirectories(dir);
        StringBuilder conf = new StringBuilder("LAB_DESCRIPTION=\"" + hosts + " hosts on one domain\"\n");
        for (int i = 1; i <= hosts; i++) {
            conf.append("h").append(i).append("[0]=\"lan\"\n");
            write(dir, "h" + i + ".startup", "ip addr add 10.9.0." + i + "/24 dev eth0\n");
        }
        write(dir, "lab.conf", conf.toString());
        return dir;
    }

    public static void write(Path dir, String file, String text) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
