package org.umlmanager.ui.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.umlmanager.model.InstanceState;

class StateRulesTest {

    @Test
    void actionsAreExecutableOnlyInTheirStatesAndFollowChanges() {
        var state = new SimpleObjectProperty<InstanceState>();
        List<String> ran = new ArrayList<>();
        var start = new AppAction("start", "Start", "", null, StateRules.in(state, StateRules.STARTABLE),
                () -> ran.add("start"));
        var resume = new AppAction("resume", "Resume", "", null, StateRules.in(state, StateRules.PAUSED),
                () -> ran.add("resume"));
        var forceOff = new AppAction("forceoff", "Force off", "", null, StateRules.in(state, StateRules.ALIVE),
                () -> ran.add("forceoff"));

        assertThat(start.executable().get()).isFalse();
        state.set(InstanceState.CRASHED);
        assertThat(start.executable().get()).isTrue();
        assertThat(forceOff.executable().get()).isFalse();
        state.set(InstanceState.STOPPING);
        assertThat(forceOff.executable().get()).isTrue();
        assertThat(start.executable().get()).isFalse();
        state.set(InstanceState.RUNNING);
        resume.execute();
        state.set(InstanceState.PAUSED);
        resume.execute();

        assertThat(ran).containsExactly("resume");
    }
}
