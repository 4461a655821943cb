package org.umlmanager.cmdline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void splitsLikeAPosixShell() {
        assertThat(ShellWords.split("linux  'a b' \"c \\\"d\\\" $e\" f\\ g \\\n h # comment\n i"))
                .containsExactly("linux", "a b", "c \"d\" $e", "f g", "h", ";", "i");
        assertThat(ShellWords.split("a>b 2>&1 c|d")).containsExactly("a", ">", "b", "2>&", "1", "c", "|", "d");
    }

    @Test
    void quoteRoundTripsThroughSplit() {
        for (String w : List.of("", "plain", "mem=256M", "a b", "it's", "$HOME", "~/x", "\"q\"", "back\\slash",
                "tab\there", "new\nline", "*glob?", "ubd0=a,b:c")) {
            assertThat(ShellWords.split(ShellWords.quote(w))).as(w).containsExactly(w);
        }
        assertThat(ShellWords.quote("mem=256M")).isEqualTo("mem=256M");
        assertThat(ShellWords.quoteCommand("a=b")).isEqualTo("'a=b'");
    }

    @Test
    void tildeExpandsWhereBashExpandsIt() {
        List<String> words = ShellWords.tokens("~/a ubd0=~/c:~/d x~ '~/q' con=~", "/home/u").stream()
                .map(ShellWords.Token::text).toList();
        assertThat(words).containsExactly("/home/u/a", "ubd0=/home/u/c:/home/u/d", "x~", "~/q", "con=/home/u");
    }

    @Test
    void cpuMaskBecomesAList() {
        assertThat(ShellCommand.maskToList(0x3b)).isEqualTo("0-1,3-5");
        assertThat(ShellCommand.maskToList(1)).isEqualTo("0");
    }
}
