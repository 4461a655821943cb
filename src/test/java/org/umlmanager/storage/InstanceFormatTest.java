package org.umlmanager.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.umlmanager.model.Instance;

/**
 * The file format is a promise to the user's saved files: a file written today must read back the
 * same tomorrow. If this test fails because the format changed on purpose, bump
 * {@link InstanceCodec#SCHEMA_VERSION}, keep reading the older versions, and add a golden file for
 * the new one.
 */
class InstanceFormatTest {

    private static final String GOLDEN = "router-v2.json";
    private static final String GOLDEN_V1 = "router-v1.json";

    @Test
    void theWrittenFormatIsTheGoldenFile() throws IOException {
        String actual = new String(InstanceCodec.encode(SampleInstances.fullV2("router")), UTF_8);
        String expected = golden(GOLDEN);
        if (!actual.equals(expected)) {
            Path out = Path.of("target", GOLDEN + ".actual");
            Files.writeString(out, actual);
            assertThat(actual).as("format changed; actual output written to " + out.toAbsolutePath())
                    .isEqualTo(expected);
        }
    }

    @Test
    void theGoldenFileReadsBackAsTheSameInstance() throws IOException {
        Decoded<Instance> decoded = InstanceCodec.decode(golden(GOLDEN).getBytes(UTF_8), "router");

        assertThat(decoded).isEqualTo(new Decoded.Readable<>(SampleInstances.fullV2("router"), java.util.List.of()));
    }

    @Test
    void aVersionOneFileStillReads() throws IOException {
        Decoded<Instance> decoded = InstanceCodec.decode(golden(GOLDEN_V1).getBytes(UTF_8), "router");

        assertThat(decoded).isEqualTo(new Decoded.Readable<>(SampleInstances.full("router"), java.util.List.of()));
    }

    @Test
    void everySealedVariantIsNamedByAnExplicitType() throws IOException {
        String json = golden(GOLDEN);

        for (String type : new String[] {"vector", "legacy", "tap", "hybrid", "raw", "gre", "l2tpv3", "bess", "fd",
                "tuntap", "ethertap", "daemon", "mcast", "ucast", "vde", "slirp", "slip", "pcap", "single", "split",
                "disabled", "embedded", "null", "port", "pts", "pty", "tty", "xterm", "network"}) {
            assertThat(json).contains("\"type\" : \"" + type + "\"");
        }
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = InstanceFormatTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), UTF_8);
        }
    }
}
