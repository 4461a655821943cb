package org.umlmanager.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.umlmanager.model.Instance;

/** Documents that must not load, and the message that says why and where. */
class InstanceCodecTest {

    private static final String HEAD = "{'schemaVersion': 1, 'umid': 'u', 'kernel': 'linux', ";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'schemaVersion': 1, 'umid': 'u', 'umid': 'v', 'kernel': 'linux'} | Duplicate field 'umid'",
        HEAD + "'extraArgs': ['quiet', null]}                  | required field 'extraArgs[1]' is missing",
        HEAD + "'environment': {'TMPDIR': null}}               | required field 'environment.TMPDIR' is missing",
        HEAD + "'disks': [{'unit': 0}]}                        | required field 'disks[0].image' is missing",
        HEAD + "'disks': [{'unit': 1.5, 'image': 'a'}]}        | invalid value '1.5' at disks[0].unit (line 1)",
        HEAD + "'disks': [{'unit': 0, 'image': 'a', 'flags': ['rw']}]} | disks[0].flags has 'rw'; expected some of read-only",
        HEAD + "'memory': 'lots'}                              | memory is 'lots'; expected a size such as 256M",
        HEAD + "'consoles': [{'kind': 'tty', 'spec': {'type': 'disabled'}}]} | consoles[0].kind is 'tty'; expected 'con' or 'ssl'",
        HEAD + "'consoles': [{'kind': 'con', 'spec': {'channel': {'type': 'pts'}}}]} | missing 'type' at consoles[0].spec",
        HEAD + "'consoles': [{'kind': 'con', 'spec': {'type': 'single'}}]} | required field 'consoles[0].spec.channel' is missing",
        HEAD + "'networks': [{'type': 'vector', 'unit': 0, 'transport': {'type': 'tap'}, 'options': {'extra': {'k': null}}}]} | required field 'networks[0].options.extra.k' is missing",
        HEAD + "'networks': [{'type': 'legacy', 'unit': 0, 'transport': {'type': 'slirp', 'argv': [null]}}]} | required field 'networks[0].transport.argv[0]' is missing",
        HEAD + "'hostfs': {'append': true}}                    | required field 'hostfs.directory' is missing",
        HEAD + "'disks': [{'unit': 'zero', 'image': 'a'}]}     | invalid value 'zero' at disks[0].unit",
        HEAD + "'disks': {'unit': 0}}                          | value of the wrong kind at disks",
        "{'schemaVersion': 'one', 'umid': 'u', 'kernel': 'linux'} | 'schemaVersion' is missing or not a positive whole number",
        "{'schemaVersion': 0, 'umid': 'u', 'kernel': 'linux'}     | 'schemaVersion' is missing or not a positive whole number",
        "{'schemaVersion': 1, 'umid': 'u', 'kernel': 'linux'} []  | not valid JSON",
        "''                                                       | not a JSON object",
    })
    void badDocumentsAreRefusedWithAMessageNamingTheField(String json, String expected) {
        Decoded<Instance> decoded = InstanceCodec.decode(json.replace('\'', '"').getBytes(UTF_8), "vm");

        assertThat(decoded).isInstanceOfSatisfying(Decoded.Corrupt.class,
                c -> assertThat(c.reason()).contains(expected));
    }
}
