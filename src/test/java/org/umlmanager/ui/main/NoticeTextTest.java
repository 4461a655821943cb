package org.umlmanager.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Notification texts are wrapped so that a notification stays narrow (RuntimeBridge.wrapped). */
class NoticeTextTest {

    private static final String START_ERROR = "cannot start w1: /tmp/wtest/data/images/w1.img: a UML kernel started "
            + "outside UML Manager (pid 3950, umid w1) writes to this file; stop it first, or give this instance its "
            + "own image or COW file";

    @Test
    void longTextsBreakBetweenWordsWithinSixtyColumns() {
        String wrapped = RuntimeBridge.wrapped(START_ERROR);
        assertThat(wrapped.lines()).hasSizeGreaterThan(2).allMatch(l -> l.length() <= 60);
        assertThat(wrapped.replace('\n', ' ')).isEqualTo(START_ERROR);
    }

    @Test
    void aWordLongerThanALineKeepsALineOfItsOwnAndLineBreaksStay() {
        String path = "/home/someone/.local/share/uml-manager/images/a-rather-long-image-name.img";
        String wrapped = RuntimeBridge.wrapped("cannot open " + path + " for writing\nsecond line");
        assertThat(wrapped.lines()).containsExactly("cannot open", path, "for writing", "second line");
    }

    @Test
    void shortTextsAreUnchanged() {
        assertThat(RuntimeBridge.wrapped("The guest ended unexpectedly.")).isEqualTo("The guest ended unexpectedly.");
        assertThat(Arrays.asList(RuntimeBridge.wrapped("").split("\n"))).containsExactly("");
    }
}
