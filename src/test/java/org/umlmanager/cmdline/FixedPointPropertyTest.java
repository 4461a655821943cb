package org.umlmanager.cmdline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.umlmanager.model.Instance;

/**
 * parse → generate → parse is a fixed point for arbitrary argv, not only for the golden cases:
 * random command lines assembled from the grammar's pieces and its typical mistakes.
 */
class FixedPointPropertyTest {

    private static final String[] OPTIONS = {"ubd", "ubd", "udb", "con", "con", "ssl", "vec", "vec", "eth", "eth",
        "mem=", "umid=", "uml_dir=", "root=", "init=", "hostfs=", "mconsole=", "quiet", "foo=", "console="};
    private static final String[] UNITS = {"0", "1", "7", "15", "16", "a", "p", "q", "010", "0x3", "X", "", "-1"};
    private static final String[] VALUES = {"img", "/srv/a.img", "cow", "", "null", "fd:0", "fd:1", "pts", "pty",
        "port:9000", "tty:/dev/tty8", "/dev/tty8", "xterm", "none", "256M", "0x10M", "abc", "tap0", "~/x",
        "10.0.0.1", "0xffffffff", "1", "0", "append", "notify:/tmp/n"};
    private static final String[] KEYS = {"transport", "ifname", "depth", "gro", "mtu", "mac", "src", "dst",
        "srcport", "src_port", "rx_session", "tx_session", "rx_key", "tx_key", "rx_cookie", "tx_cookie", "fd",
        "v6", "udp", "vec", "bpfflash", "vnl", "whatever"};
    private static final String[] TRANSPORTS = {"tap", "raw", "hybrid", "gre", "l2tpv3", "bess", "fd", "tapx",
        "tuntap", "daemon", "mcast", "ucast", "vde", "slirp", "slip", "pcap", "ethertap", "bogus"};
    private static final String[] SEPARATORS = {",", ":", ",,", "=", ""};

    @Test
    void fixedPointOverRandomCommandLines() {
        Random random = new Random(20240611L);
        for (int round = 0; round < 3000; round++) {
            List<String> args = new ArrayList<>();
            int n = random.nextInt(8);
            for (int i = 0; i < n; i++) {
                args.add(option(random));
            }
            Instance first = CommandLineParser.parse("p", args).instance();
            List<String> generated = CommandLineGenerator.kernelArgs(first, GenerateOptions.none());
            Instance again = CommandLineParser.parse("p", generated).instance();
            assertThat(again).as("args %s generated %s", args, generated).isEqualTo(first);
        }
    }

    private static String option(Random r) {
        String o = pick(r, OPTIONS);
        StringBuilder sb = new StringBuilder(o);
        switch (o) {
            case "ubd", "udb" -> {
                sb.append(pick(r, UNITS));
                for (int f = r.nextInt(4); f > 0; f--) {
                    sb.append("rscdtx".charAt(r.nextInt(6)));
                }
                sb.append('=').append(pick(r, VALUES));
                for (int f = r.nextInt(4); f > 0; f--) {
                    sb.append(pick(r, SEPARATORS)).append(pick(r, VALUES));
                }
            }
            case "con", "ssl" -> {
                sb.append(r.nextBoolean() ? pick(r, UNITS) : "").append('=').append(pick(r, VALUES));
                if (r.nextInt(3) == 0) {
                    sb.append(pick(r, SEPARATORS)).append(pick(r, VALUES));
                }
            }
            case "vec" -> {
                sb.append(pick(r, UNITS)).append(':');
                if (r.nextInt(5) > 0) {
                    sb.append("transport=").append(pick(r, TRANSPORTS));
                }
                for (int k = r.nextInt(5); k > 0; k--) {
                    sb.append(',').append(pick(r, KEYS)).append(r.nextInt(6) > 0 ? "=" : "").append(pick(r, VALUES));
                }
            }
            case "eth" -> {
                sb.append(pick(r, UNITS)).append('=').append(pick(r, TRANSPORTS));
                for (int k = r.nextInt(6); k > 0; k--) {
                    sb.append(',').append(pick(r, VALUES));
                }
            }
            case "quiet" -> {
            }
            default -> sb.append(pick(r, VALUES)).append(r.nextInt(4) == 0 ? "," + pick(r, VALUES) : "");
        }
        return sb.toString();
    }

    private static String pick(Random r, String[] from) {
        return from[r.nextInt(from.length)];
    }
}
