package org.umlmanager.cow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.testing.UmlKernel;

/** The checks the kernel makes when it opens a COW disk, made beforehand and explained. */
class CowCheckTest {

    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;
    Path backing;
    Path cow;
    CowHeader header;

    @BeforeEach
    void aPair() throws Exception {
        backing = CowFixtures.backing(dir.resolve("base.img"), 2 * MIB, 20);
        cow = dir.resolve("vm.cow");
        header = CowFiles.create(cow, backing);
    }

    @Test
    void aFreshPairIsValid() throws Exception {
        CowCheck check = CowFiles.check(cow, Optional.empty());

        assertThat(check.valid()).isTrue();
        assertThat(check.backingFile()).isEqualTo(backing.toRealPath());
        assertThat(check.explanation()).contains("matches its backing file");
    }

    @Test
    void aTouchedBackingFileIsExplainedWithTheFixAndUmlMooAgreesOnTheNumbers() throws Exception {
        long touched = header.mtime() + 3600;
        Files.setLastModifiedTime(backing, FileTime.from(touched, TimeUnit.SECONDS));

        CowCheck check = CowFiles.check(cow, Optional.empty());

        assertThat(check.valid()).isFalse();
        assertThat(check.problems()).containsExactly(
                new CowProblem.MtimeMismatch(backing.toRealPath(), header.mtime(), touched, false));
        assertThat(check.explanation()).contains("UML will refuse it")
                .contains("was modified at 2020-09-13 13:27:00 UTC (mtime " + touched + ")")
                .contains("its version of 2020-09-13 12:27:00 UTC (mtime " + header.mtime() + ")")
                .contains("touch -d @" + header.mtime() + " '" + backing.toRealPath() + "'")
                .contains("merge it into a copy of the original backing file, or discard");
        Path umlMoo = UmlKernel.requireTool("uml_moo", "apt-get install uml-utilities");
        CowFixtures.ToolRun moo = CowFixtures.run(List.of(umlMoo.toString(), cow.toString(), dir + "/out.img"));
        assertThat(moo.status()).isEqualTo(1);
        assertThat(moo.output()).contains(check.problems().get(0).kernelMessage());
    }

    @Test
    void restoringTheTimeMakesThePairValidAgain() throws Exception {
        Files.setLastModifiedTime(backing, FileTime.from(header.mtime() + 5, TimeUnit.SECONDS));

        CowFiles.restoreBackingTime(cow, Optional.empty());

        assertThat(CowFiles.check(cow, Optional.empty()).valid()).isTrue();
    }

    @Test
    void aResizedBackingFileCannotBeFixedByTouching() throws Exception {
        Files.write(backing, new byte[512], StandardOpenOption.APPEND);
        long now = Files.getLastModifiedTime(backing).to(TimeUnit.SECONDS);

        CowCheck check = CowFiles.check(cow, Optional.empty());

        assertThat(check.problems()).containsExactly(
                new CowProblem.SizeMismatch(backing.toRealPath(), 2 * MIB, 2 * MIB + 512),
                new CowProblem.MtimeMismatch(backing.toRealPath(), header.mtime(), now, true));
        assertThat(check.problems().get(0).kernelMessage())
                .isEqualTo("Size mismatch (2097152 vs 2097664) of COW header vs backing file");
        assertThat(check.explanation()).contains("resized or replaced").doesNotContain("touch -d");
        assertThatThrownBy(() -> CowFiles.restoreBackingTime(cow, Optional.empty()))
                .hasMessageContaining("Not restoring the time");
    }

    @Test
    void aMissingBackingFileIsReportedAndAMovedOneCanBeNamed() throws Exception {
        Path moved = dir.resolve("moved.img");
        Files.move(backing, moved);

        CowCheck missing = CowFiles.check(cow, Optional.empty());
        CowCheck named = CowFiles.check(cow, Optional.of(moved));

        assertThat(missing.problems()).containsExactly(new CowProblem.BackingMissing(dir.toRealPath().resolve("base.img")));
        assertThat(missing.explanation()).contains("does not exist").contains("give its new path");
        assertThat(named.valid()).isTrue();
        assertThat(named.backingFile()).isEqualTo(moved);
    }
}
