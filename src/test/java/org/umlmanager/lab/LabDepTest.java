package org.umlmanager.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabDepTest {

    private static final List<String> DEVICES = List.of("r1", "r2", "pc1", "pc2");

    @Test
    void devicesWaitForTheOnesOnTheRightAndLinesAddUp() throws Exception {
        LabDep dep = LabDep.parse("# start order\npc1: r1 r2\npc2:r1\n\npc1: r2 # again\n", DEVICES);

        assertThat(dep.after("pc1")).containsExactly("r1", "r2");
        assertThat(dep.after("pc2")).containsExactly("r1");
        assertThat(dep.after("r1")).isEmpty();
    }

    @Test
    void aCycleIsNamedDeviceByDevice() {
        assertThatThrownBy(() -> LabDep.parse("r1: r2\nr2: pc1\npc1: r1\n", DEVICES))
                .isInstanceOfSatisfying(LabImportException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("r1 → r2 → pc1 → r1", "in a circle")));
    }

    @Test
    void unknownDevicesAndSelfDependenciesAreErrorsWithTheirLines() {
        assertThatThrownBy(() -> LabDep.parse("R1: pc1\npc1: pc1\npc2 r1\n", DEVICES))
                .isInstanceOfSatisfying(LabImportException.class, e -> {
                    assertThat(e.errors()).extracting(LabProblem::where)
                            .containsExactly("lab.dep line 1", "lab.dep line 2", "lab.dep line 3");
                    assertThat(e.errors().get(0).message()).contains("did you mean 'r1'?");
                    assertThat(e.errors().get(1).message()).contains("cannot wait for itself");
                    assertThat(e.errors().get(2).message()).contains("DEVICE: OTHER");
                });
    }
}
