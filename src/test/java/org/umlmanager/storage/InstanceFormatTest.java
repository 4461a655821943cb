package org.umlmanager.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The file format is a promise to the user's saved files: a schema-1 file written today must read
 * back the same tomorrow. If this test fails because the format changed on purpose, bump
 * {@link InstanceCodec#SCHEMA_VERSION}, keep reading version 1, and add a golden file for the new one.
 */
class InstanceFormatTest {

    private static final String GOLDEN = "router-v1.json";

    @Test
    void theWrittenFormatIsTheGoldenFile() throws IOException {
        String actual = new String(InstanceCodec.encode(SampleInstances.full("router")), UTF_8);
        String expected = golden();
        if (!actual.equals(expected)) {
            Path out = Path.of("target", GOLDEN + ".actual");
            Files.writeString(out, actual);
            assertThat(actual).as("format changed; actual output written to " + out.toAbsolutePath())
                    .isEqualTo(expected);
        }
    }

    @Test
    void theGoldenFileReadsBackAsTheSameInstance() throws IOException {
        Decoded decoded = InstanceCodec.decode(golden().getBytes(UTF_8), "router");

        assertThat(decoded).isEqualTo(new Decoded.Readable(SampleInstances.full("router"), java.util.List.of()));
    }

    @Test
    void everySealedVariantIsNamedByAnExplicitType() throws IOException {
        String json = golden();

        for (String type : new String[] {"vector", "legacy", "tap", "hybrid", "raw", "gre", "l2tpv3", "bess", "fd",
                "tuntap", "ethertap", "daemon", "mcast", "ucast", "vde", "slirp", "slip", "pcap", "single", "split",
                "disabled", "embedded", "null", "port", "pts", "pty", "tty", "xterm"}) {
            assertThat(json).contains("\"type\" : \"" + type + "\"");
        }
    }

    private static String golden() throws IOException {
        try (InputStream in = InstanceFormatTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file " + GOLDEN).isNotNull();
            return new String(in.readAllBytes(), UTF_8);
        }
    }
}
