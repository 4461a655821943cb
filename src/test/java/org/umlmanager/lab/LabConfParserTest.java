package org.umlmanager.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.umlmanager.model.LabSetting;

class LabConfParserTest {

    private static LabConf parse(String text) throws LabImportException {
        return LabConfParser.parse(text);
    }

    private static List<LabProblem> errors(String text) {
        try {
            LabConfParser.parse(text);
        } catch (LabImportException e) {
            return e.errors();
        }
        throw new AssertionError("no error for:\n" + text);
    }

    @Test
    void aKatharaLabConfWithMetadataInterfacesAndOptions() throws Exception {
        LabConf conf = parse("""
                LAB_DESCRIPTION="Two routers running OSPF"
                LAB_VERSION=1.0
                LAB_AUTHOR='A. Teacher'
                LAB_EMAIL=teacher@example.org
                LAB_WEB="https://example.org/labs"

                r1[0]="A"
                r1[1]="B/02:00:00:00:01:01"
                r1[image]="kathara/frr"
                r1[sysctl]="net.ipv4.conf.all.rp_filter=0"
                pc1[0]="A"
                pc1[mem]=64m
                """);

        assertThat(conf.metadata()).containsExactly(new LabSetting("LAB_DESCRIPTION", "Two routers running OSPF"),
                new LabSetting("LAB_VERSION", "1.0"), new LabSetting("LAB_AUTHOR", "A. Teacher"),
                new LabSetting("LAB_EMAIL", "teacher@example.org"), new LabSetting("LAB_WEB", "https://example.org/labs"));
        assertThat(conf.devices()).extracting(LabConf.Device::name).containsExactly("r1", "pc1");
        LabConf.Device r1 = conf.device("r1").orElseThrow();
        assertThat(r1.interfaces()).containsExactly(new LabConf.Interface(0, "A", Optional.empty(), 7),
                new LabConf.Interface(1, "B", Optional.of("02:00:00:00:01:01"), 8));
        assertThat(r1.settings()).containsExactly(new LabConf.Setting("image", "kathara/frr", 9),
                new LabConf.Setting("sysctl", "net.ipv4.conf.all.rp_filter=0", 10));
        assertThat(conf.device("pc1").orElseThrow().setting("mem")).map(LabConf.Setting::value).contains("64m");
        assertThat(conf.domains()).containsExactly("A", "B");
    }

    @Test
    void quotesAreOptionalAndEitherKind() throws Exception {
        LabConf conf = parse("a[0]=A\nb[0]=\"A\"\nc[0]='A'\nd[exec]=\"echo 'hello world'\"\ne[exec]='say \"hi\"'\n");

        assertThat(conf.devices()).allSatisfy(d -> {
            if (!d.interfaces().isEmpty()) {
                assertThat(d.interfaces().get(0).domain()).isEqualTo("A");
            }
        });
        assertThat(conf.device("d").orElseThrow().setting("exec")).map(LabConf.Setting::value)
                .contains("echo 'hello world'");
        assertThat(conf.device("e").orElseThrow().setting("exec")).map(LabConf.Setting::value).contains("say \"hi\"");
    }

    @Test
    void commentsBlankLinesAndSpacesAreTolerated() throws Exception {
        LabConf conf = parse("""
                # a whole-line comment
                   # an indented one

                \tr1 [ 0 ] = "A"   # after a quoted value
                r1[1] = B # after a bare value
                r1[exec]=echo a#b
                LAB_DESCRIPTION = "spaces around =" # trailing
                \r
                """);

        LabConf.Device r1 = conf.device("r1").orElseThrow();
        assertThat(r1.interfaces()).extracting(LabConf.Interface::domain).containsExactly("A", "B");
        assertThat(r1.setting("exec")).map(LabConf.Setting::value).contains("echo a#b");
        assertThat(conf.metadata()).containsExactly(new LabSetting("LAB_DESCRIPTION", "spaces around ="));
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreRead() throws Exception {
        LabConf conf = parse("\uFEFFLAB_VERSION=2\r\nr1[0]=A\r\n");

        assertThat(conf.metadata()).containsExactly(new LabSetting("LAB_VERSION", "2"));
        assertThat(conf.device("r1").orElseThrow().interfaces()).hasSize(1);
    }

    @Test
    void unknownKeysAndLabKeysAreKeptInOrder() throws Exception {
        LabConf conf = parse("LAB_COURSE=\"Networks 101\"\nr1[0]=A\nr1[shiny]=yes\nr1[image]=debian\n");

        assertThat(conf.metadata()).containsExactly(new LabSetting("LAB_COURSE", "Networks 101"));
        assertThat(conf.device("r1").orElseThrow().settings()).extracting(LabConf.Setting::key)
                .containsExactly("shiny", "image");
    }

    @Test
    void aMacIsReadInLowerCase() throws Exception {
        LabConf conf = parse("r1[0]=\"A/02:AB:CD:EF:00:01\"\n");

        assertThat(conf.device("r1").orElseThrow().interfaces().get(0).mac()).contains("02:ab:cd:ef:00:01");
    }

    @Test
    void syntaxErrorsNameTheLineAndTheFixAndAllAreReported() {
        List<LabProblem> errors = errors("""
                r1[0]=A
                this is not a line
                r1[1]="B
                pc-!1[0]=A
                """);

        assertThat(errors).extracting(LabProblem::where).containsExactly("lab.conf line 2", "lab.conf line 3",
                "lab.conf line 4");
        assertThat(errors.get(0).message()).contains("'this is not a line' is not a lab.conf line", "DEVICE[N]=DOMAIN");
        assertThat(errors.get(1).message()).contains("never closed", "end it with \"");
        assertThat(errors.get(2).message()).contains("'pc-!1' is not a valid device name");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "r1[0]=", "r1[0]=\"\"", "r1[0]=A-B", "r1[0]=\"A/zz:00:00:00:00:01\"", "r1[0]=\"A/01:00:00:00:00:01\"",
        "r1[0]=\"A/02:00:00:00:00:01/100\"", "r1[1000]=A", "shared[0]=A", "r1[0]=\"A\" trailing", "r1[0]=A\"B",
        "r1[]=A", "r1[a b]=x"})
    void badLinesAreErrors(String line) {
        assertThat(errors(line + "\n")).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("lab.conf line 1");
            assertThat(p.message()).isNotBlank();
        });
    }

    @Test
    void anInterfaceSetTwiceIsAnErrorNamingTheFirstLine() {
        assertThat(errors("r1[0]=A\nr1[0]=B\n")).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("lab.conf line 2");
            assertThat(p.message()).contains("already set on line 1 (to A)");
        });
    }

    @Test
    void aVlanTagIsRefusedWithTheLineThatWorks() {
        assertThat(errors("r1[0]=\"A/02:00:00:00:00:01/100\"\n").get(0).message())
                .contains("VLAN tags are not supported", "r1[0]=A/02:00:00:00:00:01");
    }
}
