package org.umlmanager.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

    @ParameterizedTest
    @CsvSource({"16G, 17179869184", "512M, 536870912", "512MiB, 536870912", "1.5G, 1610612736", "4096, 4096",
        "64k, 65536", "2T, 2199023255552", "100MB, 104857600", "' 8 G ', 8589934592"})
    void parsesSizesPeopleType(String text, long bytes) {
        assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "G", "16Q", "-1G", "1..5G", "0x10M", "16 GB extra", "4iB"})
    void refusesOtherTextNamingItAndTheSyntax(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'").hasMessageContaining("16G");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0000001K", "0.3"})
    void refusesFractionsOfABytes(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text)).hasMessageContaining("whole number of bytes");
    }

    @ParameterizedTest
    @CsvSource({"0, 0 bytes", "1, 1 byte", "1023, 1023 bytes", "1024, 1 KiB", "1610612736, 1.5 GiB",
        "17179869184, 16 GiB", "536870912, 512 MiB"})
    void formatsReadably(long bytes, String text) {
        assertThat(ByteSize.format(bytes)).isEqualTo(text);
    }
}
